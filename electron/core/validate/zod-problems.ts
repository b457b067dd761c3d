// Maps zod issues onto Greenlight problems: a JSON pointer to the field and a plain reason.
import type { z } from 'zod';
import type { ProblemDraft } from '../families/family-adapter';
import type { Severity } from '../../../shared/model';

export function pointer(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '';
  return '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

export function zodProblems(
  error: z.ZodError,
  opts: { base?: string; severity?: Severity; code?: string } = {},
): ProblemDraft[] {
  const base = opts.base ?? '';
  const out: ProblemDraft[] = [];
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys ?? [] : [];
    if (keys.length) {
      for (const k of keys) {
        out.push({
          severity: opts.severity ?? 'error',
          field: base + pointer([...issue.path, k]),
          code: opts.code ?? 'schema.unknown_key',
          message: `unknown key "${k}"`,
        });
      }
      continue;
    }
    out.push({
      severity: opts.severity ?? 'error',
      field: base + pointer(issue.path),
      code: opts.code ?? `schema.${issue.code}`,
      message: issue.message,
    });
  }
  return out;
}

/** Safe-parse `data` with `schema`; returns the parsed value (or undefined) and problems. */
export function check<T extends z.ZodTypeAny>(
  schema: T,
  data: unknown,
  opts: { base?: string; severity?: Severity; code?: string } = {},
): { value?: z.infer<T>; problems: ProblemDraft[] } {
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data, problems: [] };
  return { problems: zodProblems(r.error, opts) };
}
