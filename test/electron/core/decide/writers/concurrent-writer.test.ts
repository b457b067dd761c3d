// An agent rewriting a checkpoint (temp file + rename, as OpenMontage does) while approvals are
// attempted with the revision read just before. No write of the agent may be lost: every
// approval either fails (conflict / already decided) or lands on exactly the version it read.
//
// Each agent write carries a counter. The agent re-reads the file right after each of its
// writes and before the next: if it finds an approval carrying a counter other than the last
// one it wrote, that approval replaced a version the approver never saw — a lost update.
// (With atomicWrite's compare-then-rename this test finds lost updates in every run; the
// writer therefore swaps with swap-if-unchanged.ts, whose only cost is that the file is absent
// for three system calls: the agent's reads retry, and count how often that happened.)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../../electron/core/decide/atomic-write';
import { RefusedError } from '../../../../../electron/core/decide/decision-writer';
import { openMontageWriter } from '../../../../../electron/core/decide/writers/openmontage-writer';
import { sha256 } from '../../../../../electron/core/read/read-document';
import { gateContext } from './decide-kit';
import { omProject, SCRIPT_AWAITING, SCRIPT_REL } from './om-fixture';

const AGENT = String.raw`
const fs = require('node:fs');
const [file, template, until] = [process.argv[1], process.argv[2], Number(process.argv[3])];
const base = JSON.parse(fs.readFileSync(template, 'utf8'));
let last = 0, writes = 0;
const anomalies = [];
let absent = 0;
function read() {
  // While Greenlight swaps the file it is absent for three system calls: retry like a reader would.
  for (let i = 0; ; i++) {
    try { return fs.readFileSync(file, 'utf8'); } catch (e) { if (e.code !== 'ENOENT' || i > 1000) throw e; if (i === 0) absent++; }
  }
}
function check(when) {
  let doc;
  try { doc = JSON.parse(read()); } catch (e) { anomalies.push(when + ': unreadable ' + e.message); return; }
  const c = doc.metadata && doc.metadata.counter;
  if (doc.status === 'completed' && c !== last) anomalies.push(when + ': approval of ' + c + ' replaced write ' + last);
  if (doc.status !== 'completed' && c !== last) anomalies.push(when + ': found ' + c + ', expected ' + last);
}
while (Date.now() < until) {
  check('before ' + (last + 1));
  const doc = JSON.parse(JSON.stringify(base));
  doc.metadata = { counter: ++last };
  doc.timestamp = new Date().toISOString();
  const tmp = file + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify(doc, null, 2));
  fs.renameSync(tmp, file);
  writes++;
  check('after ' + last);
  const pause = Date.now() + Math.random() * 4;
  while (Date.now() < pause) {}
}
process.stdout.write(JSON.stringify({ writes, last, absent, anomalies: anomalies.slice(0, 20), anomalyCount: anomalies.length }));
`;

let t: ReturnType<typeof omProject> | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('OpenMontage writer against a concurrent agent', () => {
  it('never replaces a version the approver did not read', async () => {
    t = omProject();
    const abs = t.abs(SCRIPT_REL);
    const template = t.write('template.json', SCRIPT_AWAITING);
    const { ctx, gate } = await gateContext(t.dir, (r, g) => r.family === 'openmontage' && g.stageName === 'script');
    // The agent starts from counter 1; the first approvals may still see the fixture (counter 0).
    t.write(SCRIPT_REL, JSON.stringify({ ...JSON.parse(SCRIPT_AWAITING), metadata: { counter: 0 } }, null, 2));

    const child = spawn(process.execPath, ['-e', AGENT, abs, template, String(Date.now() + 2500)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let errOut = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (errOut += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));

    const tally = { written: 0, conflict: 0, refused: 0, landedOnOwnRead: 0, supersededAfter: 0 };
    const wrong: string[] = [];
    while (running) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(abs);
      } catch {
        continue;
      }
      let seen: number | undefined;
      try {
        seen = JSON.parse(bytes.toString('utf8')).metadata?.counter;
      } catch {
        wrong.push('approver read an unparsable file');
        continue;
      }
      try {
        await openMontageWriter.decide({ ...ctx, now: new Date() }, { gateId: gate.id, decision: 'approve', revision: sha256(bytes) });
        tally.written++;
        const now = JSON.parse(readFileSync(abs, 'utf8'));
        if (now.status === 'completed') {
          if (now.metadata.counter !== seen) wrong.push(`approval of ${seen} reads back as approval of ${now.metadata.counter}`);
          else tally.landedOnOwnRead++;
        } else if (!(now.metadata.counter > (seen ?? -1))) wrong.push(`after approving ${seen} the file holds ${now.metadata.counter}`);
        else tally.supersededAfter++;
      } catch (err) {
        if (err instanceof ConflictError) tally.conflict++;
        else if (err instanceof RefusedError) tally.refused++;
        else throw err;
      }
    }
    expect(await exited).toBe(0);
    expect(errOut).toBe('');
    const agent = JSON.parse(out) as { writes: number; absent: number; anomalies: string[]; anomalyCount: number };
    console.log(`agent wrote ${agent.writes} versions (found the file absent ${agent.absent} times); approvals: ${JSON.stringify(tally)}`);
    expect(agent.writes).toBeGreaterThan(100);
    expect(tally.written).toBeGreaterThan(0);
    expect(tally.written + tally.conflict).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
    expect(agent.anomalies).toEqual([]);
  }, 30_000);
});
