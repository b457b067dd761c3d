// A plain line diff (longest common subsequence) for text artifacts and for JSON that does not
// parse yet. Texts under review are small; past a size limit the diff gives up and says so
// rather than freezing the window.
export type LineOp = { kind: 'same' | 'added' | 'removed'; text: string; oldLine?: number; newLine?: number };

const MAX_CELLS = 4_000_000;

export function lineDiff(before: string, after: string): LineOp[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  // Common head and tail cost nothing and usually leave a small middle.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) return undefined;

  const n = midA.length;
  const m = midB.length;
  // lcs[i][j] = LCS length of midA[i..] and midB[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = midA[i] === midB[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const ops: LineOp[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: 'same', text: a[k], oldLine: k + 1, newLine: k + 1 });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && midA[i] === midB[j]) {
      ops.push({ kind: 'same', text: midA[i], oldLine: start + i + 1, newLine: start + j + 1 });
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
      // Removals first, so a changed line reads "− old, + new".
      ops.push({ kind: 'removed', text: midA[i], oldLine: start + i + 1 });
      i++;
    } else {
      ops.push({ kind: 'added', text: midB[j], newLine: start + j + 1 });
      j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: 'same', text: a[endA + k], oldLine: endA + k + 1, newLine: endB + k + 1 });
  return ops;
}

/** Changed lines with a few lines of context; long unchanged stretches fold into one marker. */
export function withContext(ops: readonly LineOp[], context = 3): Array<LineOp | { kind: 'skip'; count: number }> {
  const keep = new Array<boolean>(ops.length).fill(false);
  ops.forEach((op, i) => {
    if (op.kind === 'same') return;
    for (let k = Math.max(0, i - context); k <= Math.min(ops.length - 1, i + context); k++) keep[k] = true;
  });
  const out: Array<LineOp | { kind: 'skip'; count: number }> = [];
  let skipped = 0;
  ops.forEach((op, i) => {
    if (keep[i]) {
      if (skipped) out.push({ kind: 'skip', count: skipped });
      skipped = 0;
      out.push(op);
    } else skipped++;
  });
  if (skipped) out.push({ kind: 'skip', count: skipped });
  return out;
}
