// Numbers the model cannot carry: JSON like 1e999 overflows to Infinity, YAML's .inf and .nan
// decode to Infinity and NaN. The transports would turn them into null anyway (JSON has no
// Infinity), and an adapter taking `typeof x === 'number'` at its word would put Infinity in a
// run that then fails the model. So they become null here, once, each with a warning.

/** Replaces every non-finite number in `data` with null; returns the JSON pointers replaced. */
export function nullNonFiniteNumbers(data: unknown, limit = 1000): { data: unknown; pointers: string[] } {
  if (typeof data === 'number') return Number.isFinite(data) ? { data, pointers: [] } : { data: null, pointers: [''] };
  const pointers: string[] = [];
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length && pointers.length < limit) {
    const [v, at] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const obj = v as Record<string, unknown>;
    for (const key of Array.isArray(v) ? v.keys() : Object.keys(obj)) {
      const child = obj[key as string];
      if (typeof child === 'number') {
        if (!Number.isFinite(child)) {
          obj[key as string] = null;
          pointers.push(`${at}/${escape(String(key))}`);
        }
      } else if (child !== null && typeof child === 'object') stack.push([child, `${at}/${escape(String(key))}`]);
    }
  }
  return { data, pointers };
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
