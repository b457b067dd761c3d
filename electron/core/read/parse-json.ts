// JSON decoding with positions in error messages and a nesting limit: V8's JSON.parse copes
// with 100,000 levels, but every recursive walk after it would not.
import type { ProblemDraft } from '../families/family-adapter';

export const MAX_NESTING = 256;

export type ParseResult =
  | { ok: true; data: unknown; problems: ProblemDraft[] }
  | { ok: false; problems: ProblemDraft[]; retryable: boolean };

export function parseJson(text: string): ParseResult {
  if (text.trim() === '') {
    return { ok: false, retryable: true, problems: [{ severity: 'error', field: '', code: 'file.empty', message: 'file holds only white space' }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const where = locate(text, message);
    const pos = /position (\d+)/.exec(message);
    // The parser stopping at the very end of the text means the document was cut short.
    const truncated = /end of (JSON )?input|Unterminated/i.test(message) || (pos !== null && Number(pos[1]) >= text.trimEnd().length);
    return {
      ok: false,
      // A truncated document is what a half-finished in-place write looks like: retry it.
      retryable: true,
      problems: [
        {
          severity: 'error',
          field: '',
          code: truncated ? 'json.truncated' : 'json.syntax',
          message: `${truncated ? 'JSON ends early (truncated or still being written)' : 'invalid JSON'}${where}: ${message}`,
        },
      ],
    };
  }
  const depth = nestingDepth(data, MAX_NESTING);
  if (depth > MAX_NESTING) {
    return {
      ok: false,
      retryable: false,
      problems: [{ severity: 'error', field: '', code: 'json.too_deep', message: `JSON nests deeper than ${MAX_NESTING} levels` }],
    };
  }
  return { ok: true, data, problems: [] };
}

function locate(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return '';
  const pos = Number(m[1]);
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return ` at line ${line}, column ${col}`;
}

/** Iterative depth measure that stops as soon as `limit` is exceeded. */
export function nestingDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const c of children) if (c !== null && typeof c === 'object') stack.push([c, d + 1]);
  }
  return max;
}
