// The hostile corpus indexed by the real desk, as `greenlight validate` or a window would:
// every malformed input yields a problem that names its file and field, nothing throws,
// nothing is polluted, and a normal file indexed right after still goes through.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Desk } from '../../electron/core/desk';
import type { ReadFn } from '../../electron/core/index/workspace-index';
import { readDocument } from '../../electron/core/read/read-document';
import { FAMILIES, runSchema, type Problem, type Run } from '../../shared/model';
import { buildCorpus } from './corpus/build-corpus';
import type { CorpusCase, ExpectedProblem } from './corpus/corpus-case';
import { corpusCases } from './corpus/corpus-cases';

const cases = corpusCases();
const corpus = buildCorpus(cases);
const absOf = (rel: string) => path.join(corpus.root, ...rel.split('/'));
for (const [id, reason] of corpus.skipped) console.log(`hostile corpus: ${id} ${reason}`);

// Files that vanish (or turn into a folder) exactly when the desk reads them.
const vanishing = new Map(cases.filter((c) => c.vanish).map((c) => [absOf(c.rel), c.vanish!]));
const read: ReadFn = async (abs, format) => {
  const how = vanishing.get(abs);
  if (how) {
    vanishing.delete(abs);
    rmSync(abs);
    if (how === 'folder') mkdirSync(abs);
  }
  return readDocument(abs, format);
};

let desk: Desk;
let runs: Run[] = [];
let problems: Problem[] = [];
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  desk = new Desk({ mode: 'cli', watch: false, read });
  await desk.addRoot(corpus.root);
  await desk.settled();
  runs = desk.index.listRuns();
  problems = desk.index.listProblems();
}, 120_000);

afterAll(async () => {
  await desk?.close();
  corpus.cleanup();
});

const runsOf = (rel: string) => runs.filter((r) => r.files.some((f) => f.rel === rel));
const matches = (p: Problem, e: ExpectedProblem) =>
  (typeof e.code === 'string' ? p.code === e.code : e.code.test(p.code)) &&
  (e.field === undefined || p.field === e.field) &&
  (e.message === undefined || e.message.test(p.message)) &&
  (e.severity === undefined || p.severity === e.severity);
const show = (ps: Problem[]) => ps.map((p) => `${p.severity} ${p.code} ${p.field || '(file)'}: ${p.message}`).join('\n') || '(none)';

describe('the hostile corpus', () => {
  it('holds at least 40 malformed inputs, covering every family and the file system', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const f of [...FAMILIES, 'filesystem'] as const) expect(cases.some((c) => c.family === f), f).toBe(true);
  });

  it.each(cases.map((c) => [`${c.id}: ${c.hostile}`, c] as const))('%s', (_title, c: CorpusCase) => {
    const skip = corpus.skipped.get(c.id);
    if (skip) {
      console.log(`${c.id}: ${skip}`);
      return;
    }
    const own = problems.filter((p) => p.file.rel === c.rel);
    const e = c.expect;
    for (const want of e.problems ?? []) {
      const hit = own.find((p) => matches(p, want));
      expect(hit, `${c.id} should report ${String(want.code)} at ${want.field ?? '(any field)'}; it reported:\n${show(own)}`).toBeDefined();
      // Names the file (by root-relative path and id) and the field, and says why in words.
      expect(hit!.file.rel).toBe(c.rel);
      expect(hit!.file.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(hit!.message.length).toBeGreaterThan(10);
    }
    if (e.problems && e.problems.length === 0) expect(own.filter((p) => p.severity === 'error'), `${c.id} should read cleanly:\n${show(own)}`).toEqual([]);
    if (e.runShown) {
      const shown = runsOf(c.rel);
      expect(shown.length, `${c.id}: its run should still be shown`).toBeGreaterThan(0);
      for (const r of shown) expect(runSchema.safeParse(r).success).toBe(true);
    }
    if (e.ignored) {
      const under = (rel: string) => rel === c.rel || rel.startsWith(c.rel + '/');
      expect(problems.filter((p) => under(p.file.rel)), `${c.id} should not be indexed`).toEqual([]);
      expect(runs.filter((r) => r.files.some((f) => under(f.rel))).map((r) => r.title)).toEqual([]);
    }
    if (e.notice) {
      const notices = desk.snapshot().notices;
      const hit = notices.find((n) => e.notice!.test(n.message) && n.message.includes(absOf(c.rel)));
      expect(hit, `${c.id} should raise a notice naming ${c.rel}; notices:\n${notices.map((n) => n.message).join('\n')}`).toBeDefined();
    }
    e.also?.({ runs, problems });
  });

  it('never lets an adapter crash, and every run it shows is model-valid', () => {
    expect(problems.filter((p) => p.code === 'internal.adapter_error')).toEqual([]);
    for (const r of runs) {
      const check = runSchema.safeParse(r);
      expect(check.success, `${r.title}: ${check.success ? '' : check.error.message}`).toBe(true);
    }
    for (const p of problems) {
      expect(p.file.rel.startsWith('..') || path.isAbsolute(p.file.rel)).toBe(false);
      expect(p.field === '' || p.field.startsWith('/')).toBe(true);
    }
  });

  it('lets no __proto__ or constructor key reach Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  });

  it('reads nothing outside the root through symlinks', () => {
    for (const r of runs) for (const f of r.files) expect(f.rel.startsWith('gates/elsewhere')).toBe(false);
    expect(runs.some((r) => r.title === 'outside the root')).toBe(false);
  });

  it('stays responsive: a normal file indexed right after the hostile ones goes through', async () => {
    const rootId = desk.listRoots()[0].id;
    const rel = 'after/ok.gate.json';
    const abs = absOf(rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, JSON.stringify({ question: 'Still working?', requested_at: '2026-11-20T10:00:00Z' }));
    await desk.refreshFile(rootId, abs);
    const run = desk.index.listRuns().find((r) => r.files.some((f) => f.rel === rel));
    expect(run?.gates[0]).toMatchObject({ status: 'waiting', title: 'Still working?' });
    expect(desk.index.problemsOfFile(run!.files[0].id)).toEqual([]);
  });
});
