import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../../electron/core/decide/atomic-write';
import { RefusedError } from '../../../../../electron/core/decide/decision-writer';
import { gateProtocolWriter } from '../../../../../electron/core/decide/writers/gate-protocol-writer';
import { decisionFileSchema } from '../../../../../shared/schemas/gate-protocol';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { gateContext, indexed, NOW } from './decide-kit';

const GATE = 'pipelines/render/approve-cut.gate.json';
const DECISION = 'pipelines/render/approve-cut.decision.json';
let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});

function gateFolder(over: Record<string, unknown> = {}) {
  tmp?.cleanup();
  tmp = makeTempDir('greenlight-gp-');
  const text = JSON.stringify({ question: 'Ship the cut?', options: ['ship', 'hold'], requested_at: '2026-11-21T08:00:00Z', timeout: 7200, default: 'hold', ...over }, null, 2) + '\n';
  tmp.write(GATE, text);
  return { t: tmp, text };
}
const isGate = (r: { family: string }) => r.family === 'gate';

describe('gate protocol writer', () => {
  it('creates <name>.decision.json with the chosen option; the gate file is not touched', async () => {
    const { t, text } = gateFolder();
    const { ctx, gate } = await gateContext(t.dir, isGate);
    const result = await gateProtocolWriter.decide(ctx, { gateId: gate.id, decision: 'approve', option: 'ship', note: 'Looks good', revision: gate.revision });
    expect(readFileSync(path.join(t.dir, GATE), 'utf8')).toBe(text);
    const d = decisionFileSchema.parse(JSON.parse(readFileSync(path.join(t.dir, DECISION), 'utf8')));
    expect(d).toEqual({ decision: 'ship', approved: true, note: 'Looks good', decided_by: 'ada', decided_at: NOW.toISOString(), gate_sha256: gate.revision });
    expect(result).toMatchObject({ file: DECISION, before: null, writes: [{ target: DECISION, action: 'create' }] });

    const g = (await indexed(t.dir)).runs.find(isGate)!.gates[0];
    expect(g).toMatchObject({ status: 'approved', decidedBy: 'ada', decidedAt: NOW.toISOString(), note: 'Looks good' });
  });

  it('without an option the decision is approve / reject; auto-approvals are marked', async () => {
    const { t } = gateFolder({ options: undefined });
    const { ctx, gate } = await gateContext(t.dir, isGate, { auto: true });
    await gateProtocolWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    expect(JSON.parse(readFileSync(path.join(t.dir, DECISION), 'utf8'))).toMatchObject({ decision: 'approve', approved: true, auto: true });
    expect((await indexed(t.dir)).runs.find(isGate)!.gates[0].status).toBe('auto_approved');
  });

  it('a rejection: approved false, the gate shows rejected', async () => {
    const { t } = gateFolder();
    const { ctx, gate } = await gateContext(t.dir, isGate);
    await gateProtocolWriter.decide(ctx, { gateId: gate.id, decision: 'reject', note: 'Audio clips at 0:42' });
    expect(JSON.parse(readFileSync(path.join(t.dir, DECISION), 'utf8'))).toMatchObject({ decision: 'reject', approved: false, note: 'Audio clips at 0:42' });
    expect((await indexed(t.dir)).runs.find(isGate)!.gates[0]).toMatchObject({ status: 'rejected', note: 'Audio clips at 0:42' });
  });

  it('refuses: a decision already there, an unknown option, a gate that timed out', async () => {
    const { t } = gateFolder();
    const { ctx, gate } = await gateContext(t.dir, isGate);
    await expect(gateProtocolWriter.decide(ctx, { gateId: gate.id, decision: 'approve', option: 'maybe' })).rejects.toThrow(/not one of the gate's options/);
    expect(existsSync(path.join(t.dir, DECISION))).toBe(false);
    await gateProtocolWriter.decide(ctx, { gateId: gate.id, decision: 'approve' });
    await expect(gateProtocolWriter.decide(ctx, { gateId: gate.id, decision: 'reject' })).rejects.toThrow(/already decided/);
    const p = await gateProtocolWriter.preview(ctx, { gateId: gate.id, decision: 'approve' });
    expect(p).toMatchObject({ allowed: false, reason: expect.stringMatching(/already decided/) });

    const late = gateFolder({ requested_at: '2026-11-21T07:00:00Z', timeout: 60 });
    const l = await gateContext(late.t.dir, isGate);
    const err = await gateProtocolWriter.decide(l.ctx, { gateId: l.gate.id, decision: 'approve' }).catch((e) => e);
    expect(err).toBeInstanceOf(RefusedError);
    expect(err.message).toMatch(/timed out.*default \("hold"\)/);
  });

  it('conflict when the gate file was rewritten since it was shown', async () => {
    const { t } = gateFolder();
    const { ctx, gate } = await gateContext(t.dir, isGate);
    t.write(GATE, JSON.stringify({ question: 'Ship the re-cut?', requested_at: '2026-11-21T08:30:00Z' }));
    await expect(gateProtocolWriter.decide(ctx, { gateId: gate.id, decision: 'approve', revision: gate.revision })).rejects.toBeInstanceOf(ConflictError);
    expect(existsSync(path.join(t.dir, DECISION))).toBe(false);
  });
});
