// Deciding, editing, branching and auto-approving through the API handlers on a fresh copy of
// the sample workspace: what lands on disk, what the desk shows after, and what survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Desk } from '../../../../electron/core/desk';
import { browserHostHandlers, createDeskApi } from '../../../../electron/core/api/desk-api';
import { readAudit } from '../../../../electron/core/decide/audit-log';
import type { ApiHandlers } from '../../../../shared/api-contract';

const ROOT = path.resolve(__dirname, '../../../..');

async function until<T>(probe: () => T | undefined | false, what: string, ms = 5000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('decisions through the API', () => {
  let ws: string;
  let desk: Desk;
  let api: ApiHandlers;
  const by = () => 'maria';

  beforeAll(async () => {
    ws = path.join(mkdtempSync(path.join(os.tmpdir(), 'greenlight-decide-')), 'ws');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/make-samples.mjs'), '--out', ws, '--now', '2026-11-20T12:00:00Z']);
    desk = new Desk({ mode: 'browser', watch: false });
    await desk.addRoot(ws);
    api = createDeskApi(desk, browserHostHandlers, { by });
  });

  afterAll(async () => {
    await desk.close();
    rmSync(path.dirname(ws), { recursive: true, force: true });
  });

  const gateOf = (title: RegExp) => desk.index.waitingGates().find((g) => title.test(desk.index.getRun(g.runId)!.title));

  it('previews what an approval will write, then approves an OpenMontage gate in the checkpoint file itself', async () => {
    const gate = gateOf(/Sea Breathes/)!;
    expect(gate.stageName).toBe('compose');
    const preview = await api.previewDecision(gate.id, 'approve');
    expect(preview.allowed).toBe(true);
    expect(preview.writes.map((w) => w.target).join(' ')).toContain('checkpoint_compose.json');
    expect(preview.writes.some((w) => w.target === '.greenlight/audit.jsonl')).toBe(true);

    const file = path.join(ws, 'openmontage/projects/tides-explainer/checkpoint_compose.json');
    const outcome = await api.decide({ gateId: gate.id, decision: 'approve', revision: gate.revision, note: 'Title card holds long enough.' });
    expect(outcome.status).toBe('written');
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ status: 'completed', human_approved: true });
    const after = desk.index.getRun(gate.runId)!.gates.find((g) => g.id === gate.id)!;
    expect(after).toMatchObject({ status: 'approved', decidedBy: 'maria' });
    const audit = await readAudit(ws);
    expect(audit.at(-1)).toMatchObject({ action: 'approve', by: 'maria', gateId: gate.id, family: 'openmontage' });
    expect(audit.at(-1)!.before).not.toBe(audit.at(-1)!.after);
  });

  it('refuses a second decision on the same gate, and a decision on a file that changed since it was shown', async () => {
    const approvedGate = desk.index.listRuns().flatMap((r) => r.gates).find((g) => g.stageName === 'compose' && g.status === 'approved')!;
    expect((await api.decide({ gateId: approvedGate.id, decision: 'approve' })).status).toBe('refused');

    const gate = gateOf(/Sailing on Sunlight/)!;
    const file = path.join(ws, 'openmontage/projects/solar-sails-explainer/checkpoint_proposal.json');
    const before = readFileSync(file);
    const outcome = await api.decide({ gateId: gate.id, decision: 'approve', revision: 'f'.repeat(64) });
    expect(outcome.status).toBe('conflict');
    expect(outcome.message).toMatch(/changed since you looked/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rejects a Twinklr final plan with a note in a sidecar, leaving _final.json byte for byte', async () => {
    const gate = gateOf(/holiday_lights_2026/)!;
    const final = path.join(ws, 'twinklr/artifacts/holiday_lights_2026/checkpoints/plans/holiday_lights_2026_final.json');
    const before = readFileSync(final);
    const outcome = await api.decide({ gateId: gate.id, decision: 'reject', note: 'The bridge still reads flat.', revision: gate.revision });
    expect(outcome.status).toBe('written');
    expect(readFileSync(final).equals(before)).toBe(true);
    const decided = desk.index.getRun(gate.runId)!.gates.find((g) => g.id === gate.id)!;
    expect(decided).toMatchObject({ status: 'rejected', note: 'The bridge still reads flat.' });
  });

  it('edits the CineCut trailer manifest with validation, keeping the original and recording why', async () => {
    const run = desk.index.listRuns().find((r) => r.title.startsWith('night_train'))!;
    const manifest = run.artifacts.find((a) => a.name.includes('TRAILER_MANIFEST'))!;
    const editable = (await api.getEditable(manifest.id))!;
    expect(editable.validator).toMatch(/TRAILER_MANIFEST/);
    const doc = JSON.parse(editable.content);
    doc.clips[0].beat_type = 'plot_twist';
    const issues = await api.validateEdit(manifest.id, JSON.stringify(doc));
    expect(issues.some((i) => i.field === '/clips/0/beat_type')).toBe(true);
    expect((await api.validateEdit(manifest.id, '{"clips": ['))[0].message).toMatch(/invalid JSON/);

    doc.clips[0].beat_type = 'inciting_incident';
    const saved = await api.saveEdit({ artifactId: manifest.id, content: JSON.stringify(doc, null, 2), reason: 'Open on the inciting incident', revision: editable.revision });
    expect(saved.status).toBe('written');
    const onDisk = JSON.parse(readFileSync(path.join(ws, 'cinecut/films/night_train_cinecut_work/TRAILER_MANIFEST.json'), 'utf8'));
    expect(onDisk.clips[0].beat_type).toBe('inciting_incident');
    const audit = (await readAudit(ws)).filter((e) => e.action === 'edit');
    expect(audit.at(-1)).toMatchObject({ by: 'maria', note: 'Open on the inciting incident' });
    expect(existsSync(path.join(ws, String(audit.at(-1)!.details!.original)))).toBe(true);
    // The editor's revision is now stale: a second save with it is refused as a conflict.
    expect((await api.saveEdit({ artifactId: manifest.id, content: editable.content, reason: 'again', revision: editable.revision })).status).toBe('conflict');
  });

  it('branches an OpenMontage project main → main-1 → main-1-1, and says why other families cannot', async () => {
    const run = desk.index.listRuns().find((r) => r.project === 'tides-explainer')!;
    const script = run.stages.find((s) => s.name === 'script')!;
    const preview = await api.previewBranch({ runId: run.id, stageId: script.id });
    expect(preview.allowed).toBe(true);
    const out = await api.branchRun({ runId: run.id, stageId: script.id, note: 'try a calmer narration' });
    expect(out.status).toBe('written');
    const child = await until(() => desk.index.listRuns().find((r) => r.lineage?.parentRunId === run.id), 'branch run');
    expect(child.branch).toBe('main-1');
    expect(child.folder).toBe('openmontage/projects/tides-explainer-main-1');
    expect(child.stages.filter((s) => !s.flags.includes('synthesised')).map((s) => s.name)).toEqual(['research', 'proposal', 'script']);
    const cp = JSON.parse(readFileSync(path.join(ws, child.folder, 'checkpoint_script.json'), 'utf8'));
    expect(cp.project_id).toBe('tides-explainer-main-1');

    const childScript = child.stages.find((s) => s.name === 'script')!;
    expect((await api.branchRun({ runId: child.id, stageId: childScript.id })).status).toBe('written');
    const grandchild = await until(() => desk.index.listRuns().find((r) => r.lineage?.parentRunId === child.id), 'grandchild');
    expect(grandchild.branch).toBe('main-1-1');
    const tree = (await api.getRun(run.id))!.branches;
    expect(JSON.stringify(tree)).toContain('main-1-1');

    const twinklr = desk.index.listRuns().find((r) => r.family === 'twinklr')!;
    const refused = await api.previewBranch({ runId: twinklr.id, stageId: twinklr.stages[0].id });
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toMatch(/Twinklr/);
  });

  it('auto-approves gates as they arrive under a visible rule, marks them, and stops when the rule is off', async () => {
    const root = desk.listRoots()[0];
    const rules = await api.setAutoApprove({ rootId: root.id, enabled: true });
    expect(rules[0]).toMatchObject({ enabled: true, createdBy: 'maria' });
    writeFileSync(path.join(ws, 'nightly.gate.json'), JSON.stringify({ question: 'Publish the nightly build?', requested_at: '2026-11-20T11:00:00Z' }));
    await desk.refreshFile(root.id, path.join(ws, 'nightly.gate.json'));
    const gate = await until(() => desk.index.listRuns().flatMap((r) => r.gates).find((g) => g.title === 'Publish the nightly build?' && g.status !== 'waiting'), 'auto approval');
    expect(gate.status).toBe('auto_approved');
    expect(gate.auto).toBe(true);
    expect(JSON.parse(readFileSync(path.join(ws, 'nightly.decision.json'), 'utf8'))).toMatchObject({ approved: true, auto: true });

    await api.setAutoApprove({ rootId: root.id, enabled: false });
    writeFileSync(path.join(ws, 'manual.gate.json'), JSON.stringify({ question: 'Hold this one?', requested_at: '2026-11-20T11:05:00Z' }));
    await desk.refreshFile(root.id, path.join(ws, 'manual.gate.json'));
    await new Promise((r) => setTimeout(r, 200));
    expect(desk.index.waitingGates().some((g) => g.title === 'Hold this one?')).toBe(true);
  });

  it('decisions survive a restart: a new desk on the same folder shows who decided', async () => {
    const again = new Desk({ mode: 'browser', watch: false });
    try {
      await again.addRoot(ws);
      const compose = again.index.listRuns().find((r) => r.project === 'tides-explainer')!.gates.find((g) => g.stageName === 'compose')!;
      expect(compose).toMatchObject({ status: 'approved', decidedBy: 'maria' });
    } finally {
      await again.close();
    }
  });
});
