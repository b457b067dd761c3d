// YAML through the `yaml` library, with alias expansion capped (a "billion laughs" file must
// not eat the desk's memory) and the core schema, so timestamps stay strings as in JSON.
import { parseDocument } from 'yaml';
import type { ProblemDraft } from '../families/family-adapter';
import { MAX_NESTING, nestingDepth, type ParseResult } from './parse-json';

export const MAX_YAML_ALIASES = 100;

export function parseYaml(text: string): ParseResult {
  if (text.trim() === '') {
    return { ok: false, retryable: true, problems: [{ severity: 'error', field: '', code: 'file.empty', message: 'file holds only white space' }] };
  }
  try {
    const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
    if (doc.errors.length) {
      const e = doc.errors[0];
      const pos = e.linePos?.[0];
      return {
        ok: false,
        retryable: true,
        problems: [
          {
            severity: 'error',
            field: '',
            code: e.code === 'DUPLICATE_KEY' ? 'yaml.duplicate_key' : 'yaml.syntax',
            message: `invalid YAML${pos ? ` at line ${pos.line}, column ${pos.col}` : ''}: ${firstLine(e.message)}`,
          },
        ],
      };
    }
    const problems: ProblemDraft[] = doc.warnings.map((w) => ({
      severity: 'warning' as const,
      field: '',
      code: 'yaml.warning',
      message: firstLine(w.message),
    }));
    const data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    if (nestingDepth(data, MAX_NESTING) > MAX_NESTING) {
      return { ok: false, retryable: false, problems: [{ severity: 'error', field: '', code: 'yaml.too_deep', message: `YAML nests deeper than ${MAX_NESTING} levels` }] };
    }
    return { ok: true, data, problems };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
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

function firstLine(s: string): string {
  return s.split('\n')[0];
}
