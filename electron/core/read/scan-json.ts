// A one-pass scan of JSON text for what JSON.parse hides or rejects without saying where:
// duplicate keys (JSON.parse keeps the last value silently) and the NaN / Infinity tokens that
// Python's json.dump writes for non-finite floats (valid for the pipeline's own json.load, not
// JSON). Iterative, so 100,000 levels of nesting cost a stack array, not the call stack; it
// never throws and always advances, so text that is not JSON at all just ends the scan early.

export interface DuplicateKey {
  /** JSON pointer of the repeated key (RFC 6901). */
  pointer: string;
  key: string;
}

export interface NonFiniteToken {
  /** JSON pointer of the value. */
  pointer: string;
  token: 'NaN' | 'Infinity' | '-Infinity';
  /** Offset of the token in the text. */
  offset: number;
}

export interface JsonScan {
  duplicates: DuplicateKey[];
  nonFinite: NonFiniteToken[];
  /** True when more findings existed than `limit` allowed to record. */
  capped: boolean;
}

type Frame = { kind: 'obj'; keys: Set<string>; reported: Set<string>; key: string | undefined; expectKey: boolean } | { kind: 'arr'; index: number };

const NON_FINITE = new Set(['NaN', 'Infinity', '-Infinity']);

export function scanJson(text: string, limit = 20): JsonScan {
  return walk(text, limit, text.length).scan;
}

/** The pointer of the value being read at `offset` (e.g. where JSON.parse gave up), '' at the top. */
export function pointerAt(text: string, offset: number): string {
  return walk(text, 0, Math.min(Math.max(0, offset), text.length)).pointer;
}

function walk(text: string, limit: number, stopAt: number): { scan: JsonScan; pointer: string } {
  const out: JsonScan = { duplicates: [], nonFinite: [], capped: false };
  const stack: Frame[] = [];
  const n = stopAt;
  let i = 0;
  const record = (push: () => void) => {
    if (out.duplicates.length + out.nonFinite.length >= limit) out.capped = true;
    else push();
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === 0x22 /* " */) {
      const start = i;
      i = endOfString(text, i);
      if (top?.kind === 'obj' && top.expectKey) {
        const raw = text.slice(start, i);
        const key = raw.includes('\\') ? decodeKey(raw) : raw.slice(1, -1);
        if (top.keys.has(key)) {
          if (!top.reported.has(key)) {
            top.reported.add(key);
            record(() => out.duplicates.push({ pointer: pointerOf(stack, key), key }));
          }
        } else top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      continue;
    }
    if (c === 0x7b /* { */) stack.push({ kind: 'obj', keys: new Set(), reported: new Set(), key: undefined, expectKey: true });
    else if (c === 0x5b /* [ */) stack.push({ kind: 'arr', index: 0 });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      if (top?.kind === 'obj') {
        top.expectKey = true;
        top.key = undefined;
      } else if (top?.kind === 'arr') top.index++;
    } else if (c === 0x2d /* - */ || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9+\-.]/.test(text[j])) j++;
      const token = text.slice(i, j);
      if (NON_FINITE.has(token)) record(() => out.nonFinite.push({ pointer: pointerOf(stack), token: token as NonFiniteToken['token'], offset: i }));
      i = j;
      continue;
    }
    i++;
  }
  const top = stack[stack.length - 1];
  // Inside an object between a comma and the next key, the position belongs to the object itself.
  const between = top?.kind === 'obj' && top.expectKey;
  return { scan: out, pointer: between ? pointerOf(stack.slice(0, -1)) : pointerOf(stack) };
}

/** Replaces NaN / Infinity / -Infinity tokens found by `scanJson` with `null`. */
export function nullNonFinite(text: string, tokens: NonFiniteToken[]): string {
  let out = '';
  let from = 0;
  for (const t of [...tokens].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(from, t.offset) + 'null';
    from = t.offset + t.token.length;
  }
  return out + text.slice(from);
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) i += 2;
    else if (c === 0x22) return i + 1;
    else i++;
  }
  return text.length;
}

function decodeKey(raw: string): string {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : raw.slice(1, -1);
  } catch {
    return raw.slice(1, -1);
  }
}

/** The pointer of the current value position, or of `key` inside the innermost object. */
function pointerOf(stack: Frame[], key?: string): string {
  const parts: string[] = [];
  const last = key === undefined ? stack.length : stack.length - 1;
  for (let d = 0; d < last; d++) {
    const f = stack[d];
    parts.push(f.kind === 'arr' ? String(f.index) : escape(f.key ?? ''));
  }
  if (key !== undefined) parts.push(escape(key));
  return parts.map((p) => '/' + p).join('');
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Offset of the first character at which `text` stops being valid JSON (text.length when it
 * ends early), or undefined when it is valid. V8's messages name a position for some errors
 * only; this gives every syntax problem a line, a column and a field.
 */
export function syntaxErrorOffset(text: string): number | undefined {
  const n = text.length;
  const stack: number[] = [];
  let state: 'value' | 'after' | 'key' | 'colon' = 'value';
  let justOpened = false;
  let i = 0;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (i >= n) return state === 'after' && stack.length === 0 ? undefined : n;
    const c = text.charCodeAt(i);
    const opened = justOpened;
    justOpened = false;
    if (state === 'value') {
      if (c === 0x7b || c === 0x5b) {
        stack.push(c);
        state = c === 0x7b ? 'key' : 'value';
        justOpened = true;
        i++;
      } else if (c === 0x5d && opened && stack[stack.length - 1] === 0x5b) {
        stack.pop();
        state = 'after';
        i++;
      } else if (c === 0x22) {
        const end = strictStringEnd(text, i);
        if (end < 0) return -end - 1;
        i = end;
        state = 'after';
      } else {
        NUMBER.lastIndex = i;
        const m = NUMBER.exec(text);
        const word = m ? undefined : ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
        if (m) i += m[0].length;
        else if (word) i += word.length;
        else return i;
        state = 'after';
      }
    } else if (state === 'key') {
      if (c === 0x7d && opened) {
        stack.pop();
        state = 'after';
        i++;
      } else if (c === 0x22) {
        const end = strictStringEnd(text, i);
        if (end < 0) return -end - 1;
        i = end;
        state = 'colon';
      } else return i;
    } else if (state === 'colon') {
      if (c !== 0x3a) return i;
      state = 'value';
      i++;
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === 0x2c) state = top === 0x7b ? 'key' : 'value';
      else if ((c === 0x7d && top === 0x7b) || (c === 0x5d && top === 0x5b)) stack.pop();
      else return i;
      i++;
    }
  }
}

/** End offset of the string starting at `start`, or -(offset of the bad character) - 1. */
function strictStringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1;
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -i - 1;
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else return -i - 1;
    } else i++;
  }
  return -text.length - 1;
}
