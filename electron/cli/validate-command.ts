// `greenlight validate <dir>... [--json]`: index folders once and report every run and
// problem. A pipeline's own CI calls this: exit 0 without errors, 1 with, 2 on bad usage.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Desk } from '../core/desk';
import { parseArgs, UsageError } from './parse-args';

export const VALIDATE_USAGE = 'usage: greenlight validate <dir>... [--json]';

export async function validateCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { positionals, flags } = parseArgs(argv, { json: 'bool', help: 'bool' });
  if (flags.help) {
    out(VALIDATE_USAGE);
    return 0;
  }
  if (!positionals.length) throw new UsageError('validate needs at least one folder');
  for (const d of positionals) if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`not a folder: ${d}`);

  const desk = new Desk({ mode: 'cli', watch: false });
  try {
    const roots = [];
    for (const d of positionals) roots.push(await desk.addRoot(d));
    const rootPath = new Map(roots.map((r) => [r.id, r.path]));
    const absOf = (rootId: string, rel: string) => path.join(rootPath.get(rootId) ?? '', ...rel.split('/'));
    const problems = desk.index.listProblems().sort((a, b) => absOf(a.file.rootId, a.file.rel).localeCompare(absOf(b.file.rootId, b.file.rel)) || a.field.localeCompare(b.field));
    const runs = desk.index.listRuns().sort((a, b) => a.family.localeCompare(b.family) || a.folder.localeCompare(b.folder) || a.title.localeCompare(b.title));
    const toJsonProblem = (p: (typeof problems)[number]) => ({ path: absOf(p.file.rootId, p.file.rel), severity: p.severity, field: p.field, message: p.message });
    const errors = problems.filter((p) => p.severity === 'error').length;

    if (flags.json) {
      out(
        JSON.stringify(
          {
            runs: runs.map((r) => ({
              family: r.family,
              id: r.id,
              title: r.title,
              status: r.status,
              stages: r.stages.map((s) => ({ name: s.name, status: s.status })),
              pendingGates: r.gates.filter((g) => g.status === 'waiting').length,
              problems: problems.filter((p) => p.runId === r.id).map(toJsonProblem),
            })),
            problems: problems.map(toJsonProblem),
          },
          null,
          2,
        ),
      );
    } else {
      for (const r of runs) {
        const waiting = r.gates.filter((g) => g.status === 'waiting').length;
        out(
          `run  ${r.family.padEnd(11)} ${r.status.padEnd(10)} ${r.title}  [${r.folder}]  stages=${r.stages.length} waiting=${waiting} errors=${r.errors} warnings=${r.warnings}`,
        );
      }
      for (const p of problems) out(`${p.severity === 'error' ? 'error' : 'warn '} ${absOf(p.file.rootId, p.file.rel)}${p.field ? ` ${p.field}` : ''}: ${p.message}`);
      const warnings = problems.length - errors;
      out(`${runs.length} runs, ${runs.reduce((n, r) => n + r.gates.filter((g) => g.status === 'waiting').length, 0)} waiting gates, ${errors} errors, ${warnings} warnings`);
    }
    if (errors) err(`greenlight: ${errors} error${errors === 1 ? '' : 's'} found`);
    return errors ? 1 : 0;
  } finally {
    await desk.close();
  }
}
