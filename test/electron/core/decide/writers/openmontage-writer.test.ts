import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../../electron/core/decide/atomic-write';
import { RefusedError } from '../../../../../electron/core/decide/decision-writer';
import { openMontageWriter } from '../../../../../electron/core/decide/writers/openmontage-writer';
import { referencePath } from '../../../../helpers/reference-dir';
import { gateContext, indexed, NOW, sha256File } from './decide-kit';
import { omProject, PROPOSAL_REL, SCRIPT_AWAITING, SCRIPT_REL, SCRIPT_TS } from './om-fixture';

const NEW_TS = '2026-11-21T08:43:27.800000+00:00';
let t: ReturnType<typeof omProject> | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

const stageGate = (stage: string) => (run: { family: string }, gate: { stageName: string }) => run.family === 'openmontage' && gate.stageName === stage;

const ref = referencePath('calesthio-OpenMontage', 'head-cd9f3c1', 'schemas', 'checkpoints');
function validateAgainstRealSchema(text: string): { ok: boolean; errors: unknown } {
  const schema = JSON.parse(readFileSync(path.join(ref.dir, 'checkpoint.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  const validate = ajv.compile(schema);
  const ok = validate(JSON.parse(text)) as boolean;
  return { ok, errors: validate.errors };
}

describe('OpenMontage writer: approve', () => {
  it('rewrites the same checkpoint as OpenMontage would: three fields changed, everything else byte for byte', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    expect(gate.status).toBe('waiting');
    const before = sha256File(t.abs(SCRIPT_REL));
    const result = await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision });

    const expected = SCRIPT_AWAITING.replace('"status": "awaiting_human"', '"status": "completed"')
      .replace(`"timestamp": "${SCRIPT_TS}"`, `"timestamp": "${NEW_TS}"`)
      .replace('"human_approved": false', '"human_approved": true')
      .replace(
        '"empty": {}\n  }\n}',
        `"empty": {},\n    "greenlight_review": {\n      "decision": "approved",\n      "by": "ada",\n      "at": "${NEW_TS}"\n    }\n  }\n}`,
      );
    // Same indent, same key order (integer-like keys included), 30.0 stays 30.0, \u2014 stays
    // escaped, and no trailing newline because the original had none. The only addition is
    // who approved, in the free metadata object.
    expect(t.read(SCRIPT_REL)).toBe(expected);
    expect(result).toMatchObject({ file: SCRIPT_REL, before, after: sha256File(t.abs(SCRIPT_REL)) });
    expect(result.writes.map((w) => w.action)).toEqual(['copy', 'rewrite']);
  });

  it('archives the superseded bytes first under history/checkpoint_<stage>_<alnum timestamp>.json', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    const result = await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    const historyRel = 'projects/reef/history/checkpoint_script_20260712T0843278006200000.json';
    expect(result.writes[0]).toMatchObject({ target: historyRel, action: 'copy' });
    expect(t.read(historyRel)).toBe(SCRIPT_AWAITING);
    expect(result.details).toMatchObject({ history: historyRel, stage: 'script' });
  });

  it('appends _<mtime_ns> when that history name is taken, and never overwrites it', async () => {
    t = omProject();
    t.write('projects/reef/history/checkpoint_script_20260712T0843278006200000.json', 'an older copy');
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    const result = await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    const copy = result.writes[0].target;
    expect(copy).toMatch(/^projects\/reef\/history\/checkpoint_script_20260712T0843278006200000_\d{10,}\.json$/);
    expect(t.read(copy)).toBe(SCRIPT_AWAITING);
    expect(t.read('projects/reef/history/checkpoint_script_20260712T0843278006200000.json')).toBe('an older copy');
  });

  it('falls back to the mtime in ns for the stamp when the timestamp has none', async () => {
    t = omProject();
    t.write(SCRIPT_REL, SCRIPT_AWAITING.replace(`"timestamp": "${SCRIPT_TS}",\n`, ''));
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    const result = await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    expect(result.writes[0].target).toMatch(/^projects\/reef\/history\/checkpoint_script_\d{10,}\.json$/);
    // The missing timestamp is added where write_checkpoint puts it: right after status.
    expect(t.read(SCRIPT_REL)).toContain(`"status": "completed",\n  "timestamp": "${NEW_TS}",\n  "checkpoint_policy"`);
  });

  it('keeps raw UTF-8, CRLF line ends, a BOM and a trailing newline when the original had them', async () => {
    t = omProject();
    const original = '\ufeff' + SCRIPT_AWAITING.replace('\\u2014', '—').replace(/\n/g, '\r\n') + '\r\n';
    t.write(SCRIPT_REL, original);
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve', note: 'café ok' });
    const text = t.read(SCRIPT_REL);
    expect(text.startsWith('\ufeff{\r\n  "version"')).toBe(true);
    expect(text.endsWith('}\r\n')).toBe(true);
    expect(text).toContain('"title": "Reef — a city of polyps"');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('adds human_approved where write_checkpoint puts it when the file lacks it', async () => {
    t = omProject();
    t.write(SCRIPT_REL, SCRIPT_AWAITING.replace('  "human_approved": false,\n', ''));
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    expect(t.read(SCRIPT_REL)).toContain('"human_approval_required": true,\n  "human_approved": true,\n  "artifacts"');
  });

  it('re-indexed, the gate is approved and nothing waits; the archived copy is a version of the stage', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    const { runs, index } = await indexed(t.dir);
    const run = runs.find((r) => r.family === 'openmontage')!;
    const g = run.gates.find((x) => x.stageName === 'script')!;
    expect(g).toMatchObject({ status: 'approved', decidedAt: NEW_TS, decidedBy: 'ada' });
    expect(index.waitingGates().filter((x) => x.stageName === 'script')).toEqual([]);
    const stage = run.stages.find((s) => s.name === 'script')!;
    expect(stage.status).toBe('completed');
    expect(stage.versions.map((v) => [v.status, v.current])).toEqual([
      ['awaiting_human', false],
      ['completed', true],
    ]);
    // No new problem on the rewritten file (the fixture itself is clean).
    expect(index.problemsOfFile(g.fileId!).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.skipIf(!ref.present)('the result validates against the real checkpoint schema (approve, reject, proposal)', async () => {
    t = omProject();
    expect(validateAgainstRealSchema(SCRIPT_AWAITING).ok).toBe(true);
    const a = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(a.ctx, { gateId: a.gate.id, decision: 'reject', note: 'Shorter, please' });
    expect(validateAgainstRealSchema(t.read(SCRIPT_REL))).toEqual({ ok: true, errors: null });
    const b = await gateContext(t.dir, stageGate('proposal'));
    await openMontageWriter.decide(b.ctx, { gateId: b.gate.id, decision: 'approve', note: 'Go, but keep it cheap' });
    expect(validateAgainstRealSchema(t.read(PROPOSAL_REL))).toEqual({ ok: true, errors: null });
    t.write(SCRIPT_REL, SCRIPT_AWAITING);
    const c = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(c.ctx, { gateId: c.gate.id, decision: 'approve' });
    expect(validateAgainstRealSchema(t.read(SCRIPT_REL))).toEqual({ ok: true, errors: null });
  });
});

describe('OpenMontage writer: who approved, and why', () => {
  it('an approval note and an auto-approval are recorded in metadata.greenlight_review and shown on the gate', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'), { auto: true });
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve', note: 'Fine, keep the pun' });
    expect(JSON.parse(t.read(SCRIPT_REL)).metadata.greenlight_review).toEqual({ decision: 'approved', note: 'Fine, keep the pun', by: 'ada', at: NEW_TS, auto: true });
    const g = (await indexed(t.dir)).runs.find((r) => r.family === 'openmontage')!.gates.find((x) => x.stageName === 'script')!;
    expect(g).toMatchObject({ status: 'auto_approved', note: 'Fine, keep the pun', decidedBy: 'ada' });
  });
});

describe('OpenMontage writer: the proposal approval block', () => {
  it('approved, with the budget taken from the cost estimate', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('proposal'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    const approval = JSON.parse(t.read(PROPOSAL_REL)).artifacts.proposal_packet.approval;
    expect(approval).toEqual({ status: 'approved', approved_budget_usd: 0.05 });
    expect(t.read(PROPOSAL_REL)).toContain('"approval": {\n        "status": "approved",\n        "approved_budget_usd": 0.05\n      }');
    expect(t.read(PROPOSAL_REL).endsWith('}\n')).toBe(true);
  });

  it('approved_with_changes when a note is given; the requested budget wins', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('proposal'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve', note: 'Use the second hook', approvedBudgetUsd: 1.5 });
    const doc = JSON.parse(t.read(PROPOSAL_REL));
    expect(doc.artifacts.proposal_packet.approval).toEqual({ status: 'approved_with_changes', user_notes: 'Use the second hook', approved_budget_usd: 1.5 });
    expect(doc).toMatchObject({ status: 'completed', human_approved: true });
    const run = (await indexed(t.dir)).runs.find((r) => r.family === 'openmontage')!;
    const g = run.gates.find((x) => x.stageName === 'proposal')!;
    expect(g.status).toBe('approved');
    expect(g.note).toContain('Use the second hook');
  });

  it('rejected: the stage keeps waiting for the agent, the approval says rejected with the notes', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('proposal'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'reject', note: 'Too expensive' });
    const doc = JSON.parse(t.read(PROPOSAL_REL));
    expect(doc).toMatchObject({ status: 'awaiting_human', human_approved: false });
    expect(doc.artifacts.proposal_packet.approval).toEqual({ status: 'rejected', user_notes: 'Too expensive' });
    const run = (await indexed(t.dir)).runs.find((r) => r.family === 'openmontage')!;
    const g = run.gates.find((x) => x.stageName === 'proposal')!;
    expect(g).toMatchObject({ status: 'rejected', decidedBy: 'ada', decidedAt: NEW_TS });
    expect(g.note).toContain('Too expensive');
    // Rejecting again is refused: it is decided.
    const again = await gateContext(t.dir, stageGate('proposal'));
    await expect(openMontageWriter.decide(again.ctx, { gateId: gate.id, decision: 'approve' })).rejects.toThrow(/already decided/);
  });
});

describe('OpenMontage writer: request changes on other stages', () => {
  it('records metadata.greenlight_review; the adapter shows the gate rejected with who, when and the note', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'reject', note: 'Cut the intro' });
    const text = t.read(SCRIPT_REL);
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ status: 'awaiting_human', human_approved: false, timestamp: NEW_TS });
    expect(doc.metadata.greenlight_review).toEqual({ decision: 'changes_requested', note: 'Cut the intro', by: 'ada', at: NEW_TS });
    // Appended at the end of metadata; the other keys untouched and in order.
    expect(text).toContain('"empty": {},\n    "greenlight_review": {\n      "decision": "changes_requested"');
    expect(text.indexOf('"10"')).toBeLessThan(text.indexOf('"preview"'));

    const { runs, index } = await indexed(t.dir);
    const g = runs.find((r) => r.family === 'openmontage')!.gates.find((x) => x.stageName === 'script')!;
    expect(g).toMatchObject({ status: 'rejected', note: 'Cut the intro', decidedBy: 'ada', decidedAt: NEW_TS });
    expect(index.waitingGates().some((x) => x.id === g.id)).toBe(false);
    // metadata is a free object in the schema: no problem reported for the new key.
    expect(index.problemsOfFile(g.fileId!).map((p) => p.field)).not.toContain('/metadata/greenlight_review');
  });

  it('adds metadata when the checkpoint has none', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('proposal'));
    t.write(PROPOSAL_REL, readFileSync(t.abs(PROPOSAL_REL), 'utf8').replace('"proposal_packet"', '"brief_file"'));
    const again = await gateContext(t.dir, stageGate('proposal'));
    await openMontageWriter.decide(again.ctx, { gateId: gate.id, decision: 'reject' });
    const doc = JSON.parse(t.read(PROPOSAL_REL));
    expect(Object.keys(doc).at(-1)).toBe('metadata');
    expect(doc.metadata.greenlight_review).toEqual({ decision: 'changes_requested', by: 'ada', at: NEW_TS });
    void ctx;
  });

  it('a re-run that carries the old note into a new checkpoint waits again', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'reject', note: 'Cut the intro' });
    const doc = JSON.parse(t.read(SCRIPT_REL));
    doc.timestamp = '2026-11-22T09:00:00+00:00';
    t.write(SCRIPT_REL, JSON.stringify(doc, null, 2));
    const again = await gateContext(t.dir, stageGate('script'));
    expect(again.gate.status).toBe('waiting');
    await expect(openMontageWriter.decide(again.ctx, { gateId: gate.id, decision: 'approve' })).resolves.toBeTruthy();
  });
});

describe('OpenMontage writer: refusals and conflicts write nothing', () => {
  function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out[path.relative(dir, p)] = readFileSync(p, 'utf8');
      }
    };
    walk(dir);
    return out;
  }

  it('never touches an in_progress checkpoint', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    t.write(SCRIPT_REL, SCRIPT_AWAITING.replace('"awaiting_human"', '"in_progress"'));
    const before = snapshot(t.dir);
    const err = await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' }).catch((e) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(err.message).toMatch(/in_progress/);
    expect(snapshot(t.dir)).toEqual(before);
    const preview = await openMontageWriter.preview(ctx, { gateId: gate.id, decision: 'approve' });
    expect(preview).toMatchObject({ allowed: false, reason: expect.stringMatching(/in_progress/), writes: [] });
  });

  it('refuses a checkpoint that is no longer awaiting_human (already decided)', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    const before = snapshot(t.dir);
    await expect(openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' })).rejects.toThrow(/already decided.*"completed"/);
    expect(snapshot(t.dir)).toEqual(before);
  });

  it('conflict when the file changed since the person looked: no rewrite, no history copy', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    writeFileSync(t.abs(SCRIPT_REL), SCRIPT_AWAITING.replace('Coral is an animal.', 'Coral is an animal!'));
    const before = snapshot(t.dir);
    const err = await openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(snapshot(t.dir)).toEqual(before);
    expect(existsSync(t.abs('projects/reef/history'))).toBe(false);
    const preview = await openMontageWriter.preview(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision });
    expect(preview.allowed).toBe(false);
  });

  it('refuses files it cannot rewrite faithfully', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    for (const bad of ['{"status": "awaiting_human",', '[1, 2]', SCRIPT_AWAITING.replace('"metadata": {', '"metadata": 7, "x": {')]) {
      t.write(SCRIPT_REL, bad);
      await expect(openMontageWriter.decide(ctx, { gateId: gate.id, decision: 'approve' })).rejects.toBeInstanceOf(RefusedError);
    }
  });

  it('previews the history copy and the rewrite without writing', async () => {
    t = omProject();
    const { ctx, gate } = await gateContext(t.dir, stageGate('script'));
    const before = snapshot(t.dir);
    const p = await openMontageWriter.preview(ctx, { gateId: gate.id, decision: 'reject', note: 'x' });
    expect(p.allowed).toBe(true);
    expect(p.writes).toEqual([
      expect.objectContaining({ action: 'copy', target: 'projects/reef/history/checkpoint_script_20260712T0843278006200000.json' }),
      expect.objectContaining({ action: 'rewrite', target: SCRIPT_REL, description: expect.stringContaining('greenlight_review') }),
    ]);
    expect(snapshot(t.dir)).toEqual(before);
  });
});
