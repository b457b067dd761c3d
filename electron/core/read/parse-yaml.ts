// YAML through the `yaml` library, with alias expansion capped (a "billion laughs" file must
// not eat the desk's memory) and the core schema, so timestamps stay strings as in JSON.
import { parseDocument } from 'yaml';
import type { ProblemDraft } from '../families/family-adapter';
import { nullNonFiniteNumbers } from './non-finite-numbers';
import { MAX_NESTING, measureShape, type ParseResult } from './parse-json';
import { PYYAML_TAGS } from './pyyaml-schema';

export const MAX_YAML_ALIASES = 100;

/**
 * 'core': the YAML 1.2 core schema. 'pyyaml': plain scalars resolved as PyYAML does (YAML 1.1),
 * for files a Python pipeline reads back; a text PyYAML's rules cannot compose is read with the
 * core schema instead, so its problems are reported the same way.
 */
export type YamlDialect = 'core' | 'pyyaml';

const DIALECT_OPTIONS = {
  core: { schema: 'core' },
  pyyaml: { schema: 'failsafe', customTags: PYYAML_TAGS, version: '1.1' },
} as const;

export function parseYaml(text: string, dialect: YamlDialect = 'core'): ParseResult {
  if (text.trim() === '') {
    return { ok: false, retryable: true, problems: [{ severity: 'error', field: '', code: 'file.empty', message: 'file holds only white space' }] };
  }
  // The yaml library composes recursively: thousands of nested `[` overflow its stack (after a
  // while). Flow nesting is cheap to measure first; the bound is loose because brackets inside
  // block scalars count too, and anything deeper than MAX_NESTING is refused after parsing anyway.
  if (flowDepth(text) > 4 * MAX_NESTING) return tooDeep();
  try {
    // logLevel 'error': the library would otherwise print warnings about odd input (a mapping
    // used as a key) to the desk's own stderr; problems are reported as problems instead.
    const doc = parseDocument(text, { ...DIALECT_OPTIONS[dialect], uniqueKeys: true, prettyErrors: true, logLevel: 'error' });
    if (dialect !== 'core' && doc.errors.length) return parseYaml(text, 'core');
    if (doc.errors.some((e) => STACK_OVERFLOW.test(e.message))) return tooDeep();
    if (doc.errors.length) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
      if (e.code === 'DUPLICATE_KEY') {
        const key = keyAt(text, e.pos[0]);
        return {
          ok: false,
          retryable: true,
          problems: [
            {
              severity: 'error',
              field: blockKeyPointer(text, e.pos[0]) ?? '',
              code: 'yaml.duplicate_key',
              message: `invalid YAML${where}: the key ${key !== undefined ? `"${key}" ` : ''}appears twice in the same mapping`,
            },
          ],
        };
      }
      return {
        ok: false,
        retryable: true,
        problems: [{ severity: 'error', field: '', code: 'yaml.syntax', message: `invalid YAML${where}: ${firstLine(e.message)}` }],
      };
    }
    const problems: ProblemDraft[] = doc.warnings.map((w) => ({
      severity: 'warning' as const,
      field: '',
      code: 'yaml.warning',
      message: firstLine(w.message),
    }));
    const raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    const shape = measureShape(raw, MAX_NESTING);
    if (shape.depth > MAX_NESTING) return tooDeep();
    // .inf / .nan (and numbers past a double) cannot travel in the model: null, with a warning each.
    const { data, pointers } = shape.nonFinite ? nullNonFiniteNumbers(raw) : { data: raw, pointers: [] };
    for (const field of pointers.slice(0, 20))
      problems.push({ severity: 'warning', field, code: 'yaml.non_finite', message: 'not a finite number (.inf, .nan or too large for a 64-bit float); shown as null' });
    return { ok: true, data, problems };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (STACK_OVERFLOW.test(message)) return tooDeep();
    const bomb = /alias/i.test(message);
    return {
      ok: false,
      retryable: !bomb,
      problems: [
        {
          severity: 'error',
          field: '',
          code: bomb ? 'yaml.alias_limit' : 'yaml.syntax',
          message: bomb ? `YAML expands too many aliases (limit ${MAX_YAML_ALIASES}): ${firstLine(message)}` : `invalid YAML: ${firstLine(message)}`,
        },
      ],
    };
  }
}

const STACK_OVERFLOW = /Maximum call stack size exceeded/;

function tooDeep(): ParseResult {
  return { ok: false, retryable: false, problems: [{ severity: 'error', field: '', code: 'yaml.too_deep', message: `YAML nests deeper than ${MAX_NESTING} levels` }] };
}

/** Deepest nesting of flow collections ([ ] and { }) outside quotes and comments. */
export function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // A quote opens a scalar only at its start (after space, [, {, ',' or ':'); it's an apostrophe elsewhere.
      const prev = i > 0 ? text[i - 1] : ' ';
      if (' \t\n[{,:-'.includes(prev)) quote = c;
    } else if (c === '#' && (i === 0 || ' \t\n'.includes(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '[' || c === '{') {
      if (++depth > max) max = depth;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return max;
}

/** The first line of a library message, without the position it repeats. */
function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The (plain or quoted) mapping key that starts at `offset`. */
function keyAt(text: string, offset: number): string | undefined {
  const m = /^("(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^:\n]+?)\s*:/.exec(text.slice(offset, offset + 300));
  if (!m) return undefined;
  const k = m[1];
  if (k.startsWith('"')) {
    try {
      return JSON.parse(k) as string;
    } catch {
      return k.slice(1, -1);
    }
  }
  return k.startsWith("'") ? k.slice(1, -1).replace(/''/g, "'") : k;
}

/**
 * JSON pointer of the key at `offset` in block mappings (found by indentation, as a person
 * would); undefined inside sequences or flow collections, where the file as a whole is named.
 */
function blockKeyPointer(text: string, offset: number): string | undefined {
  const before = text.slice(0, offset).split('\n');
  const lead = before[before.length - 1];
  const key = keyAt(text, offset);
  if (key === undefined || lead.trim() !== '') return undefined;
  const parts = [key];
  let indent = lead.length;
  for (let i = before.length - 2; i >= 0 && indent > 0; i--) {
    const line = before[i];
    const body = line.trimStart();
    if (!body || body.startsWith('#')) continue;
    const ind = line.length - body.length;
    if (ind >= indent) continue;
    if (body.startsWith('-') || body.startsWith('[') || body.startsWith('{')) return undefined;
    const parent = keyAt(body, 0);
    if (parent === undefined) return undefined;
    parts.unshift(parent);
    indent = ind;
  }
  return parts.map((p) => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
