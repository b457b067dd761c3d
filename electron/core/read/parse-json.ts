// JSON decoding with positions in error messages and a nesting limit: V8's JSON.parse copes
// with 100,000 levels, but every recursive walk after it would not. What JSON.parse is silent
// or vague about is said plainly: a duplicate key (it keeps the last), where a syntax error
// sits (line, column and field), and the NaN / Infinity Python's json.dump writes (read as
// null when only showing a file, so the rest of it still shows).
import type { ProblemDraft } from '../families/family-adapter';
import { nullNonFiniteNumbers } from './non-finite-numbers';
import { nullNonFinite, pointerAt, scanJson, syntaxErrorOffset, type JsonScan } from './scan-json';

export const MAX_NESTING = 256;

export type ParseResult =
  | { ok: true; data: unknown; problems: ProblemDraft[] }
  | { ok: false; problems: ProblemDraft[]; retryable: boolean };

export interface ParseJsonOptions {
  /**
   * Read Python's NaN / Infinity as null (with a warning per value) instead of failing. For
   * showing a file only: a caller that writes the document back must not turn them into null.
   */
  nonFiniteAsNull?: boolean;
}

export function parseJson(text: string, opts: ParseJsonOptions = {}): ParseResult {
  if (text.trim() === '') {
    return { ok: false, retryable: true, problems: [{ severity: 'error', field: '', code: 'file.empty', message: 'file holds only white space' }] };
  }
  let data: unknown;
  let scan: JsonScan | undefined;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const lenient = opts.nonFiniteAsNull ? withNonFiniteAsNull(text) : undefined;
    if (!lenient) return syntaxError(text, err);
    if ('error' in lenient) return syntaxError(lenient.text, lenient.error);
    data = lenient.data;
    scan = lenient.scan;
  }
  const shape = measureShape(data, MAX_NESTING);
  if (shape.depth > MAX_NESTING) {
    return {
      ok: false,
      retryable: false,
      problems: [{ severity: 'error', field: '', code: 'json.too_deep', message: `JSON nests deeper than ${MAX_NESTING} levels` }],
    };
  }
  // The character-by-character scan costs several times JSON.parse, so it runs only when a
  // repeated key is possible: when the text has more `":` than the parsed objects have keys.
  scan ??= mayRepeatKeys(text, shape.keys) ? scanJson(text) : undefined;
  const problems = scan ? scanProblems(scan) : [];
  // Valid JSON can still overflow a double (1e999 is Infinity to JSON.parse).
  const finite = shape.nonFinite ? nullNonFiniteNumbers(data) : { data, pointers: [] };
  for (const field of finite.pointers.slice(0, MAX_REPORTED))
    problems.push({ severity: 'warning', field, code: 'json.non_finite', message: 'number too large for a 64-bit float (it reads as Infinity); shown as null' });
  return { ok: true, data: finite.data, problems };
}

/** Python writes NaN / Infinity / -Infinity for non-finite floats: read them as null, if that is all that is wrong. */
function withNonFiniteAsNull(text: string): { data: unknown; scan: JsonScan } | { error: unknown; text: string } | undefined {
  if (!/NaN|Infinity/.test(text)) return undefined;
  const scan = scanJson(text, Number.MAX_SAFE_INTEGER);
  if (!scan.nonFinite.length) return undefined;
  // Same length and lines as the original where it matters: what is left wrong is reported.
  const nulled = nullNonFinite(text, scan.nonFinite);
  try {
    return { data: JSON.parse(nulled), scan };
  } catch (error) {
    return { error, text: nulled };
  }
}

const MAX_REPORTED = 20;

function scanProblems(scan: JsonScan): ProblemDraft[] {
  const problems: ProblemDraft[] = [];
  for (const t of scan.nonFinite.slice(0, MAX_REPORTED))
    problems.push({
      severity: 'warning',
      field: t.pointer,
      code: 'json.non_finite',
      message: `${t.token} is not valid JSON (Python's json.dump writes it for a non-finite float); shown as null`,
    });
  if (scan.nonFinite.length > MAX_REPORTED)
    problems.push({ severity: 'warning', field: '', code: 'json.non_finite', message: `${scan.nonFinite.length - MAX_REPORTED} more NaN/Infinity values, also shown as null` });
  for (const d of scan.duplicates)
    problems.push({
      severity: 'warning',
      field: d.pointer,
      code: 'json.duplicate_key',
      message: `key "${d.key}" appears more than once in the same object; the last value is used (as JSON.parse and Python's json do) and the others are ignored`,
    });
  if (scan.capped && scan.duplicates.length) problems.push({ severity: 'warning', field: '', code: 'json.duplicate_key', message: 'more duplicate keys than listed here' });
  return problems;
}

function syntaxError(text: string, err: unknown): ParseResult {
  const message = err instanceof Error ? err.message : String(err);
  const offset = syntaxErrorOffset(text) ?? positionIn(message);
  // The parser stopping at the very end of the text means the document was cut short.
  const truncated = /end of (JSON )?input|Unterminated/i.test(message) || (offset !== undefined && offset >= text.trimEnd().length);
  // Name the field the parser was in, so a person can find the spot in a long file.
  const field = offset !== undefined ? pointerAt(text, offset) : '';
  const where = offset !== undefined ? ` at ${lineAndColumn(text, offset)}${field ? ` (inside ${field})` : ''}` : '';
  const nonFinite = !truncated && offset !== undefined && /^-?(NaN|Infinity)/.test(text.slice(offset));
  return {
    ok: false,
    // A truncated document is what a half-finished in-place write looks like: retry it.
    retryable: true,
    problems: [
      {
        severity: 'error',
        // A cut-short file is broken as a whole; a syntax error sits in one field.
        field: truncated ? '' : field,
        code: truncated ? 'json.truncated' : nonFinite ? 'json.non_finite' : 'json.syntax',
        message:
          `${truncated ? 'JSON ends early (truncated or still being written)' : 'invalid JSON'}${where}: ${message}` +
          (nonFinite ? " (NaN and Infinity are not JSON; Python's json.dump writes them for non-finite floats)" : ''),
      },
    ],
  };
}

function positionIn(message: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

function lineAndColumn(text: string, pos: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line}, column ${col}`;
}

/**
 * Could the text hold a key twice? Every key is a string followed by `:`; when no `"` is
 * followed by white space before a colon, every key ends in `":`, so the count of `":` is at
 * least the count of keys written. JSON.parse keeps one property per distinct key, so the
 * parsed objects have fewer keys than written exactly when some key repeats: a count equal
 * to the parsed key count proves there is none. Anything else (an escaped quote followed by a
 * colon inside a string, spaced-out colons) only costs the full scan, never a missed report.
 */
export function mayRepeatKeys(text: string, parsedKeys: number): boolean {
  if (parsedKeys === 0) return text.includes('{') && text.includes(':');
  return quotedColons(text) !== parsedKeys;
}

/**
 * How many `:` directly follow a `"`, or -1 when some `"` is followed by white space and then
 * `:` (then the count says nothing). Colons are far rarer than quotes in JSON, so the walk goes
 * from colon to colon and looks back: a pass over the text at memchr speed.
 */
function quotedColons(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i !== -1; i = text.indexOf(':', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (before === 0x22 /* " */) count++;
    else if (isJsonSpace(before)) {
      let j = i - 2;
      while (j >= 0 && isJsonSpace(text.charCodeAt(j))) j--;
      if (text.charCodeAt(j) === 0x22) return -1;
    }
  }
  return count;
}

const isJsonSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * One iterative walk over a parsed document: its nesting depth (stopping once past `limit`),
 * how many object keys it holds, and whether a number in it is not finite (1e999 parses to
 * Infinity), so neither needs a pass over the text.
 */
export function measureShape(value: unknown, limit: number): { depth: number; keys: number; nonFinite: boolean } {
  let max = 0;
  let keys = 0;
  let nonFinite = typeof value === 'number' && !Number.isFinite(value);
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length) {
    const v = values.pop();
    const d = depths.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return { depth: max, keys, nonFinite };
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const c = v[i];
        if (typeof c === 'number') {
          if (c - c !== 0) nonFinite = true; // NaN or ±Infinity
        } else if (c !== null && typeof c === 'object') {
          values.push(c);
          depths.push(d + 1);
        }
      }
    } else {
      for (const k in v) {
        keys++;
        const c = (v as Record<string, unknown>)[k];
        if (typeof c === 'number') {
          if (c - c !== 0) nonFinite = true;
        } else if (c !== null && typeof c === 'object') {
          values.push(c);
          depths.push(d + 1);
        }
      }
    }
  }
  return { depth: max, keys, nonFinite };
}
