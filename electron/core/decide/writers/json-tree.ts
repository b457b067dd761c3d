// A JSON document as an ordered tree, for rewriting a pipeline's file without disturbing it:
// keys keep their order (JSON.parse moves integer-like keys first), numbers keep their exact
// text (JSON.parse turns Python's `30.0` into `30`), and the output is what Python's
// `json.dump(obj, f, indent=2[, ensure_ascii=…])` writes, so a file OpenMontage wrote comes
// back byte-identical except for the fields Greenlight changed.

export type JsonNode =
  | { t: 'obj'; entries: Array<[string, JsonNode]> }
  | { t: 'arr'; items: JsonNode[] }
  | { t: 'str'; v: string }
  /** `raw` is the number's text as written (Python also writes NaN / Infinity / -Infinity). */
  | { t: 'num'; raw: string }
  | { t: 'lit'; v: true | false | null };

export type JsonObj = Extract<JsonNode, { t: 'obj' }>;

export class JsonSyntaxError extends Error {}

export function parseJsonTree(text: string): JsonNode {
  let i = 0;
  const n = text.length;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at offset ${i}`);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = (): string => {
    // JSON.parse does the unescaping, on exactly the token found here.
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === 0x5c) i += 2;
      else if (c < 0x20) fail('control character in string');
      else i++;
    }
    return fail('unterminated string');
  };
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (depth: number): JsonNode => {
    if (depth > 10000) fail('nesting too deep');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: Array<[string, JsonNode]> = [];
      const seen = new Map<string, number>();
      ws();
      if (text[i] === '}') {
        i++;
        return { t: 'obj', entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const k = str();
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        const v = value(depth + 1);
        // Python keeps the first position and the last value of a repeated key.
        const at = seen.get(k);
        if (at === undefined) {
          seen.set(k, entries.length);
          entries.push([k, v]);
        } else entries[at] = [k, v];
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return { t: 'obj', entries };
        } else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { t: 'arr', items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return { t: 'arr', items };
        } else fail('expected "," or "]"');
      }
    }
    if (c === '"') return { t: 'str', v: str() };
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { t: 'lit', v };
      }
    }
    for (const word of ['NaN', 'Infinity', '-Infinity']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { t: 'num', raw: word };
      }
    }
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (!m || m[0] === '' || m[0] === '-') return fail('unexpected character');
    i += m[0].length;
    return { t: 'num', raw: m[0] };
  };
  const root = value(0);
  ws();
  if (i < n) fail('trailing characters');
  return root;
}

export interface SerializeOptions {
  /** Python's default: every non-ASCII character as a \uXXXX escape. */
  ensureAscii: boolean;
  newline?: '\n' | '\r\n';
}

export function serializePython(node: JsonNode, opts: SerializeOptions): string {
  const nl = opts.newline ?? '\n';
  const s = (v: string) => pyString(v, opts.ensureAscii);
  const walk = (x: JsonNode, pad: string): string => {
    switch (x.t) {
      case 'str':
        return s(x.v);
      case 'num':
        return x.raw;
      case 'lit':
        return x.v === null ? 'null' : String(x.v);
      case 'arr': {
        if (!x.items.length) return '[]';
        const inner = pad + '  ';
        return `[${nl}${x.items.map((it) => inner + walk(it, inner)).join(`,${nl}`)}${nl}${pad}]`;
      }
      case 'obj': {
        if (!x.entries.length) return '{}';
        const inner = pad + '  ';
        return `{${nl}${x.entries.map(([k, v]) => `${inner}${s(k)}: ${walk(v, inner)}`).join(`,${nl}`)}${nl}${pad}}`;
      }
    }
  };
  return walk(node, '');
}

/** Python's json string encoding: JSON.stringify agrees except for DEL and non-ASCII under ensure_ascii. */
function pyString(v: string, ensureAscii: boolean): string {
  const out = JSON.stringify(v);
  if (!ensureAscii) return out;
  return out.replace(/[\u007f-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

// ---- small helpers to read and edit object nodes in place ----------------------------------

export function isObj(node: JsonNode | undefined): node is JsonObj {
  return node?.t === 'obj';
}

export function getKey(obj: JsonObj, key: string): JsonNode | undefined {
  return obj.entries.find(([k]) => k === key)?.[1];
}

export function getString(obj: JsonObj, key: string): string | undefined {
  const v = getKey(obj, key);
  return v?.t === 'str' ? v.v : undefined;
}

/**
 * Replace a key's value where it stands; a new key goes right after the last of `after` that
 * is present (the writer's own key order), else at the end.
 */
export function setKey(obj: JsonObj, key: string, value: JsonNode, after: readonly string[] = []): void {
  const at = obj.entries.findIndex(([k]) => k === key);
  if (at >= 0) {
    obj.entries[at] = [key, value];
    return;
  }
  for (let j = after.length - 1; j >= 0; j--) {
    const prev = obj.entries.findIndex(([k]) => k === after[j]);
    if (prev >= 0) {
      obj.entries.splice(prev + 1, 0, [key, value]);
      return;
    }
  }
  obj.entries.push([key, value]);
}

export const str = (v: string): JsonNode => ({ t: 'str', v });
export const bool = (v: boolean): JsonNode => ({ t: 'lit', v });
export function num(v: number): JsonNode {
  if (!Number.isFinite(v)) throw new RangeError('not a finite number');
  // Python's repr pads exponents to two digits (1e-07) where JavaScript writes 1e-7.
  return { t: 'num', raw: String(v).replace(/e([+-])(\d)$/, 'e$10$2') };
}

/** Which escaping a file uses, judged from the file: raw non-ASCII wins, escapes next, else Python's default. */
export function detectEnsureAscii(text: string): boolean {
  if (/[^\x00-\x7f]/.test(text)) return false;
  return true;
}
