// A pipeline rewriting its checkpoint and its gate 50 times a second each while a person keeps
// deciding through the live desk (watcher on, revisions as the index saw them, the real
// decideGate). Zero lost updates: the pipeline never finds one of its writes replaced by a
// decision about a version the person was not shown, never finds a half-written decision, and
// every decision Greenlight wrote names a version the pipeline really wrote. Every decision not
// written says why. GREENLIGHT_PIPELINE_SECONDS sets the duration (default 30).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideGate } from '../../electron/core/decide/decide-gate';
import { readAudit } from '../../electron/core/decide/audit-log';
import { Desk } from '../../electron/core/desk';
import type { DecisionOutcome } from '../../shared/decisions';
import { bundleWorker, tempDir } from './support/fault-kit';

const SECONDS = Number(process.env.GREENLIGHT_PIPELINE_SECONDS ?? 30);
const RATE = 50;

/** What a decision that was not written must say, in the person's words. */
const EXPLAINED = /changed since you looked at it|already (approved|rejected|decided|completed)|no longer exists|is writing this stage|not "awaiting_human"|was written meanwhile|exists/;

const work = tempDir('greenlight-pipeline-race-');
const root = path.join(work.dir, 'root');
let agent: string;

beforeAll(async () => {
  agent = await bundleWorker(path.join(__dirname, 'support/pipeline-agent.ts'), work.dir);
}, 60_000);
afterAll(() => work.cleanup());

interface AgentReport {
  omWrites: number;
  gateWrites: number;
  approvalsSeen: number;
  rejectionsSeen: number;
  answered: number;
  staleAnswers: number;
  absentReads: number;
  anomalies: string[];
  anomalyCount: number;
  omVersions: string[];
}

describe('a pipeline rewriting checkpoints while decisions are made', () => {
  it(`loses no update over ${SECONDS} s at ${RATE} writes/s, and explains every decision it refuses`, async () => {
    const child = spawn(process.execPath, [agent, root, String(SECONDS), String(RATE)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    let running = true;
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        running = false;
        resolve(code);
      }),
    );
    // Let the agent create its files, then watch the folder as a window would.
    await new Promise((r) => setTimeout(r, 200));
    const desk = new Desk({ mode: 'cli', watch: true });
    await desk.addRoot(root);

    const outcomes: (DecisionOutcome & { family: string })[] = [];
    while (running) {
      const gates = desk.index.waitingGates().filter((g) => g.rel === 'openmontage/projects/live/checkpoint_script.json' || g.rel === 'gates/live.gate.json');
      for (const g of gates) {
        const decision = Math.random() < 0.75 ? 'approve' : 'reject';
        const outcome = await decideGate(desk, { gateId: g.id, decision, revision: g.revision }, 'race-test');
        outcomes.push({ ...outcome, family: g.family });
      }
      await new Promise((r) => setTimeout(r, Math.random() * 15));
    }
    expect(await exited, err).toBe(0);
    const report = JSON.parse(out) as AgentReport;
    await desk.settled();

    const count = (status: string, family?: string) => outcomes.filter((o) => o.status === status && (!family || o.family === family)).length;
    const unexplained = outcomes.filter((o) => o.status !== 'written' && !EXPLAINED.test(o.message));
    const audit = await readAudit(root);
    const omDecisions = audit.filter((e) => (e.action === 'approve' || e.action === 'reject') && e.file === 'openmontage/projects/live/checkpoint_script.json');
    const versions = new Set(report.omVersions);
    console.log(
      `pipeline wrote ${report.omWrites} checkpoint and ${report.gateWrites} gate versions (found the checkpoint mid-swap ${report.absentReads} times); ` +
        `${outcomes.length} decisions: OpenMontage ${count('written', 'openmontage')} written / ${count('conflict', 'openmontage')} conflict / ${count('refused', 'openmontage')} refused, ` +
        `gate ${count('written', 'gate')} written / ${count('conflict', 'gate')} conflict / ${count('refused', 'gate')} refused; ` +
        `the pipeline consumed ${report.approvalsSeen} approvals and ${report.rejectionsSeen} rejections ` +
        // A decision that lands between the pipeline's read and its next write is overwritten by
        // the pipeline: its own race, which no writer on the other side can prevent.
        `(${Math.max(0, count('written', 'openmontage') - report.approvalsSeen - report.rejectionsSeen)} written ones it overwrote before reading them), ` +
        `${report.answered} answers to its current gate and ${report.staleAnswers} to an older one (ignored, per the protocol)`,
    );
    for (const o of outcomes.filter((x) => x.status !== 'written').slice(0, 3)) console.log(`  e.g. ${o.status}: ${o.message}`);

    // Zero lost updates, and nothing half-written.
    expect(report.anomalies).toEqual([]);
    // Every decision written to the checkpoint replaced a version the pipeline had written.
    expect(omDecisions.length).toBe(count('written', 'openmontage'));
    for (const e of omDecisions) expect(versions.has(e.before ?? ''), `decision on an unknown version ${e.before}`).toBe(true);
    // Every decision that was not written says why; none failed.
    expect(unexplained.map((o) => `${o.status}: ${o.message}`)).toEqual([]);
    expect(count('failed')).toBe(0);
    // The race was real: the pipeline kept its rate, and decisions both landed and were refused.
    expect(report.omWrites).toBeGreaterThan(RATE * SECONDS * 0.5);
    expect(count('written')).toBeGreaterThan(0);
    expect(count('conflict') + count('refused')).toBeGreaterThan(0);
    // And the desk ends up showing the file as it is on disk.
    const disk = createHash('sha256').update(readFileSync(path.join(root, 'openmontage/projects/live/checkpoint_script.json'))).digest('hex');
    await expect.poll(() => desk.index.listRuns().flatMap((r) => r.gates).find((g) => g.rel === 'openmontage/projects/live/checkpoint_script.json')?.revision, { timeout: 15000 }).toBe(disk);
    await desk.close();
  }, (SECONDS + 60) * 1000);
});
