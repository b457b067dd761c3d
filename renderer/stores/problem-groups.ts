// Problems grouped by file for the Problems view: files with errors first, and within a file
// errors before warnings, then by field so related problems sit together.
import type { Family, FileRef, Problem, Severity } from '../../shared/model';

export interface ProblemFilter {
  severity: Severity | 'all';
  family: Family | 'all';
}

export interface ProblemGroup {
  file: FileRef;
  runId?: string;
  family?: Family;
  errors: number;
  warnings: number;
  problems: Problem[];
}

const rank = (s: Severity) => (s === 'error' ? 0 : 1);

export function groupProblems(problems: readonly Problem[], filter: ProblemFilter): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    if (filter.severity !== 'all' && p.severity !== filter.severity) continue;
    if (filter.family !== 'all' && p.family !== filter.family) continue;
    const key = p.file.id;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { file: p.file, errors: 0, warnings: 0, problems: [] }));
    g.problems.push(p);
    if (p.severity === 'error') g.errors += 1;
    else g.warnings += 1;
    g.runId ??= p.runId;
    g.family ??= p.family;
  }
  const list = [...groups.values()];
  for (const g of list) {
    g.problems.sort((a, b) => rank(a.severity) - rank(b.severity) || a.field.localeCompare(b.field) || a.message.localeCompare(b.message));
  }
  return list.sort((a, b) => (a.errors > 0 ? 0 : 1) - (b.errors > 0 ? 0 : 1) || a.file.rel.localeCompare(b.file.rel));
}

/** Families that appear among the problems, for the filter menu. */
export function problemFamilies(problems: readonly Problem[]): Family[] {
  return [...new Set(problems.map((p) => p.family).filter((f): f is Family => !!f))].sort();
}
