import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { waitCommand } from '../../../electron/cli/wait-command';
import { makeTempDir } from '../../helpers/temp-dir';

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});

function gateDir(gate: Record<string, unknown> = {}) {
  tmp = makeTempDir('greenlight-wait-');
  const gatePath = tmp.write(
    'render/approve-cut.gate.json',
    JSON.stringify({ question: 'Ship the cut?', options: ['ship', 'hold'], requested_at: new Date().toISOString(), ...gate }, null, 2),
  );
  return { gatePath, decisionPath: path.join(path.dirname(gatePath), 'approve-cut.decision.json') };
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await waitCommand(argv, (s) => out.push(s), (s) => err.push(s), { pollMs: 20 });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const decision = (approved: boolean, extra: Record<string, unknown> = {}) => ({
  decision: approved ? 'ship' : 'hold',
  approved,
  decided_by: 'ada',
  decided_at: '2026-11-21T08:43:27.800Z',
  ...extra,
});

describe('greenlight wait', () => {
  it('exits 0 with the decision on stdout once an approval is written', async () => {
    const { gatePath, decisionPath } = gateDir();
    setTimeout(() => writeFileSync(decisionPath, JSON.stringify(decision(true, { note: 'go' }))), 150);
    const r = await run([gatePath]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(decision(true, { note: 'go' }));
    expect(r.err).toBe('');
  });

  it('exits 1 when the decision is not an approval', async () => {
    const { gatePath, decisionPath } = gateDir();
    setTimeout(() => writeFileSync(decisionPath, JSON.stringify(decision(false))), 150);
    const r = await run([gatePath, '--timeout', '10']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ approved: false, decision: 'hold' });
  });

  it('answers at once when the decision is already there', async () => {
    const { gatePath, decisionPath } = gateDir();
    writeFileSync(decisionPath, JSON.stringify(decision(true)));
    const t0 = Date.now();
    expect((await run([gatePath, '--timeout', '0'])).code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('keeps waiting through a half-written or invalid decision until a good one appears', async () => {
    const { gatePath, decisionPath } = gateDir();
    writeFileSync(decisionPath, '{"decision": "ship", "appro');
    setTimeout(() => writeFileSync(decisionPath, JSON.stringify({ decision: 'ship' })), 100);
    setTimeout(() => writeFileSync(decisionPath, JSON.stringify(decision(true))), 300);
    const r = await run([gatePath, '--timeout', '10']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/not a valid decision.*still waiting/);
  });

  it('ignores a decision left over from another version of the gate (gate_sha256 differs)', async () => {
    const { gatePath, decisionPath } = gateDir();
    writeFileSync(decisionPath, JSON.stringify(decision(true, { gate_sha256: 'f'.repeat(64) })));
    const sha = createHash('sha256').update(readFileSync(gatePath)).digest('hex');
    setTimeout(() => writeFileSync(decisionPath, JSON.stringify(decision(false, { gate_sha256: sha }))), 200);
    const r = await run([gatePath, '--timeout', '10']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/another version of the gate/);
  });

  it('exits 3 after --timeout, printing that it timed out', async () => {
    const { gatePath } = gateDir();
    const t0 = Date.now();
    const r = await run([gatePath, '--timeout', '0.3']);
    expect(r.code).toBe(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    expect(JSON.parse(r.out)).toMatchObject({ timed_out: true });
    expect(r.err).toMatch(/timed out/);
  });

  it("uses the gate's own timeout (from requested_at) and prints its default", async () => {
    const { gatePath } = gateDir({ requested_at: new Date(Date.now() - 10_000).toISOString(), timeout: 10.3, default: 'hold' });
    const t0 = Date.now();
    const r = await run([gatePath]);
    expect(r.code).toBe(3);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(JSON.parse(r.out)).toMatchObject({ timed_out: true, default: 'hold' });
    expect(r.err).toMatch(/default applies: hold/);
  });

  it('--timeout overrides the gate file', async () => {
    const { gatePath, decisionPath } = gateDir({ requested_at: new Date(Date.now() - 60_000).toISOString(), timeout: 1 });
    setTimeout(() => writeFileSync(decisionPath, JSON.stringify(decision(true))), 150);
    expect((await run([gatePath, '--timeout', '5'])).code).toBe(0);
  });

  it('exits 2 on bad usage: no file, missing file, not a gate file, invalid gate, bad timeout', async () => {
    const { gatePath } = gateDir();
    const dir = path.dirname(gatePath);
    const bad = tmp!.write('render/broken.gate.json', '{"question": ');
    const invalid = tmp!.write('render/invalid.gate.json', JSON.stringify({ options: [] }));
    const other = tmp!.write('render/notes.json', '{}');
    for (const argv of [[], [path.join(dir, 'missing.gate.json')], [other], [bad], [invalid], [gatePath, '--timeout', 'soon'], [gatePath, '--timeout', '-1'], [gatePath, gatePath], [gatePath, '--nope']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage: greenlight wait/);
      expect(r.out).toBe('');
    }
    expect((await run([invalid])).err).toMatch(/not a valid gate file: question/);
  });
});
