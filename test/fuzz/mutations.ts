// Mutations of valid checkpoint files, as fast-check arbitraries: what crashes, agents and
// hand edits do to a file. Byte-level (truncation, flipped and spliced bytes), token-level
// (a number becomes NaN, a string becomes a path that escapes) and value-level (a key
// deleted, inserted or swapped for another type, found by walking the decoded document).
import type { DocumentFormat } from '../../electron/core/read/read-document';
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';

const unit = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Strings an agent or an attacker might put anywhere. */
export const HOSTILE_STRINGS = [
  '',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '~/.ssh/id_rsa',
  '@../x.json',
  'a\u0000b',
  'javascript:alert(1)',
  '<script>window.__pwned=1</script>',
  '__proto__',
  '9999-12-31T23:59:59Z',
  '2026-11-20T10:00:00',
  '+275760-09-13T00:00:00Z',
  'NaN',
  '\ud800',
  'x'.repeat(5000),
  'line\nbreak',
  'awaiting_human',
  'completed',
  'APPROVE',
];

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'status', 'stage', 'phase', 'artifacts', 'evaluation', 'timestamp', 'run_id', 'toString', 'hasOwnProperty', ''];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, null, true, false, [], {}, [[[]]], { '': null }) },
);
const hostileKey = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 }));

/** Tokens spliced over a number or a scalar in the text. */
const JSON_TOKENS = ['NaN', 'Infinity', '-Infinity', '1e999', '-0', 'null', 'true', '{}', '[]', '"../../etc/passwd"', '"/etc/passwd"', '"\\u0000"', '"\\ud800"', '{"__proto__": {"x": 1}}', '"2026-11-20T10:00:00"'];
const YAML_TOKENS = ['.nan', '.inf', '-.inf', '~', 'yes', 'no', '0o17', '0x1F', '1_000', '!!binary aGk=', '*undefined_alias', '&a x', '[', '{', "'", '"', '|', '>', '? complex', '{a: 1, a: 2}', '2026-11-20 10:00:00', '!!python/object:os.system'];

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: [number, number][] }
  | { kind: 'splice'; at: number; del: number; insert: string }
  | { kind: 'token'; which: number; token: string }
  | { kind: 'value'; path: number[]; op: 'delete' | 'replace' | 'insert' | 'wrap' | 'duplicate'; value: unknown; key: string };

export function mutationArb(format: DocumentFormat): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: unit }),
    fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.tuple(unit, fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }) }),
    fc.record({
      kind: fc.constant('splice' as const),
      at: unit,
      del: fc.nat(64),
      insert: fc.oneof(fc.string({ maxLength: 16 }), fc.constantFrom(...HOSTILE_STRINGS, ...(format === 'json' ? JSON_TOKENS : YAML_TOKENS), '\n', ': ', '- ', '\t', '\ufeff')),
    }),
    fc.record({ kind: fc.constant('token' as const), which: fc.nat(), token: fc.constantFrom(...(format === 'json' ? JSON_TOKENS : YAML_TOKENS)) }),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('value' as const), path: fc.array(fc.nat(), { maxLength: 8 }), op: fc.constantFrom('delete' as const, 'replace' as const, 'insert' as const, 'wrap' as const, 'duplicate' as const), value: hostileValue, key: hostileKey }) },
  );
}

/** Applies `m` to a seed (its bytes, and its decoded document for value mutations). */
export function applyMutation(bytes: Uint8Array, data: unknown, format: DocumentFormat, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, Math.floor(bytes.length * m.at));
    case 'flip': {
      const out = Uint8Array.from(bytes);
      for (const [at, b] of m.flips) if (out.length) out[Math.floor(out.length * at)] = b;
      return out;
    }
    case 'splice': {
      const text = Buffer.from(bytes).toString('utf8');
      const at = Math.floor(text.length * m.at);
      return Buffer.from(text.slice(0, at) + m.insert + text.slice(at + m.del), 'utf8');
    }
    case 'token': {
      const text = Buffer.from(bytes).toString('utf8');
      // Scalars as they appear after a key or in a list: numbers, quoted strings, plain words.
      const re = format === 'json' ? /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|"(?:[^"\\]|\\.)*"|true|false|null/g : /(?<=:\s|-\s)[^\s#][^\n#]*/g;
      const spots = [...text.matchAll(re)];
      if (!spots.length) return bytes;
      const hit = spots[m.which % spots.length];
      return Buffer.from(text.slice(0, hit.index) + m.token + text.slice(hit.index! + hit[0].length), 'utf8');
    }
    case 'value': {
      const doc = mutateValue(structuredClone(data), m);
      if (m.op === 'duplicate' && format === 'json') return Buffer.from(duplicateFirstKey(JSON.stringify(doc, null, 2), m.key), 'utf8');
      try {
        return Buffer.from(format === 'json' ? JSON.stringify(doc, null, 2) ?? 'null' : yamlStringify(doc, { aliasDuplicateObjects: false }), 'utf8');
      } catch {
        return bytes;
      }
    }
  }
}

/** Walks `path` into the document and changes what it finds there. */
function mutateValue(doc: unknown, m: Extract<Mutation, { kind: 'value' }>): unknown {
  if (doc === null || typeof doc !== 'object') return m.op === 'delete' ? null : m.value;
  // container[key] is the value the path leads to; key is undefined when it stops at the top.
  let container = doc as Record<string | number, unknown>;
  let key: string | number | undefined;
  for (const step of m.path) {
    const next: unknown = key === undefined ? container : container[key];
    if (next === null || typeof next !== 'object') break;
    const keys: (string | number)[] = Array.isArray(next) ? next.map((_, i) => i) : Object.keys(next);
    if (!keys.length) break;
    container = next as Record<string | number, unknown>;
    key = keys[step % keys.length];
  }
  if (key === undefined) {
    // The path ended at the top: change the document's own keys.
    if (m.op === 'insert' || m.op === 'duplicate') {
      if (Array.isArray(container)) container.push(m.value);
      else defineKey(container, m.key, m.value);
    }
    else if (m.op === 'wrap') return [doc];
    else if (m.op === 'replace') return m.value;
    return doc;
  }
  switch (m.op) {
    case 'delete':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key];
      break;
    case 'replace':
      defineKey(container, key, m.value);
      break;
    case 'wrap':
      defineKey(container, key, { [m.key]: container[key] });
      break;
    case 'insert':
    case 'duplicate': {
      const target = container[key];
      if (target && typeof target === 'object' && !Array.isArray(target)) defineKey(target as Record<string, unknown>, m.key, m.value);
      else if (Array.isArray(target)) target.push(m.value);
      else defineKey(container, key, m.value);
    }
  }
  return doc;
}

/** An own data property even for "__proto__", as JSON.parse would make it. */
function defineKey(obj: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Repeats the first occurrence of a key line in pretty JSON, the way a bad merge does. */
function duplicateFirstKey(text: string, preferred: string): string {
  const lines = text.split('\n');
  const i = Math.max(
    0,
    lines.findIndex((l) => l.trimStart().startsWith(JSON.stringify(preferred) + ':')),
  );
  const at = lines.findIndex((l, j) => j >= i && /^\s*".*":/.test(l));
  if (at < 0) return text;
  const line = lines[at].endsWith(',') ? lines[at] : lines[at] + ',';
  lines.splice(at, 0, line);
  return lines.join('\n');
}
