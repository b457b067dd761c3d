// kill -9 in the middle of a decision: a child process approves a checkpoint in a loop (and
// puts the waiting version back after each approval), and is killed at a random moment. The
// checkpoint must then parse and be either the waiting version or its approval — never half a
// file, never a mix. If the kill landed inside the three-syscall gap of swap-if-unchanged.ts
// the file is momentarily absent; recoverInterruptedSwaps (run before every decision and when
// the desk starts) must put the waiting version back. Trials: GREENLIGHT_KILL_TRIALS (24).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedSwaps } from '../../../../../electron/core/decide/writers/swap-if-unchanged';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { SCRIPT_AWAITING } from './om-fixture';

const TRIALS = Number(process.env.GREENLIGHT_KILL_TRIALS) || 24;
const REPO = path.resolve(__dirname, '../../../../..');
const REL = 'projects/reef/checkpoint_script.json';

const ENTRY = `
import { openMontageWriter } from ${JSON.stringify(path.join(REPO, 'electron/core/decide/writers/openmontage-writer'))};
import { atomicWrite } from ${JSON.stringify(path.join(REPO, 'electron/core/decide/atomic-write'))};
import { readFileSync } from 'node:fs';
import path from 'node:path';
const [root, rel, waitingFile] = process.argv.slice(2);
const abs = path.join(root, ...rel.split('/'));
const waiting = readFileSync(waitingFile);
const ctx = {
  run: { family: 'openmontage', stages: [], gates: [], meta: {} },
  gate: { id: 'g', fileId: 'f', rel, stageName: 'script' },
  rootId: 'r', rootPath: root, resolve: () => abs, by: 'ada', now: new Date(),
};
(async () => {
  for (let i = 0; ; i++) {
    if (i === 1) process.stdout.write('looping\\n');
    await openMontageWriter.decide({ ...ctx, now: new Date() }, { gateId: 'g', decision: 'approve' });
    await atomicWrite(abs, waiting);
  }
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

let bundle: ReturnType<typeof makeTempDir>;
let script: string;
beforeAll(async () => {
  bundle = makeTempDir('greenlight-kill-bundle-');
  const entry = bundle.write('entry.ts', ENTRY);
  script = path.join(bundle.dir, 'approve-loop.cjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
}, 60_000);
afterAll(() => bundle?.cleanup());

function runAndKill(root: string, waitingFile: string, delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, root, REL, waitingFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let killed = false;
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      if (killed || !String(d).includes('looping')) return;
      killed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(signal) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('kill -9 during a decision write', () => {
  it(`leaves the checkpoint either waiting or approved, never torn (${TRIALS} trials)`, async () => {
    const waitingObj = JSON.parse(SCRIPT_AWAITING);
    const outcomes = { waiting: 0, approved: 0, restored: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const t = makeTempDir('greenlight-kill-');
      try {
        t.write(REL, SCRIPT_AWAITING);
        const waitingFile = t.write('waiting.json', SCRIPT_AWAITING);
        await runAndKill(t.dir, waitingFile, Math.random() * 40);
        const abs = path.join(t.dir, REL);
        if (!existsSync(abs)) {
          // Killed inside the swap's gap: the start-up recovery puts the waiting version back.
          const restored = await recoverInterruptedSwaps(path.dirname(abs));
          expect(restored).toEqual([abs]);
          outcomes.restored++;
        }
        const text = readFileSync(abs, 'utf8');
        const doc = JSON.parse(text);
        if (text === SCRIPT_AWAITING) outcomes.waiting++;
        else {
          const { status, human_approved, timestamp, ...rest } = doc;
          const { status: s0, human_approved: h0, timestamp: t0, ...rest0 } = waitingObj;
          void s0, h0, t0;
          expect({ status, human_approved }).toEqual({ status: 'completed', human_approved: true });
          expect(timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
          expect(rest.metadata.greenlight_review).toMatchObject({ decision: 'approved', by: 'ada', at: timestamp });
          delete rest.metadata.greenlight_review;
          expect(rest).toEqual(rest0);
          outcomes.approved++;
        }
        // Nothing of Greenlight's is left that a reader would take for a checkpoint.
        const leftovers = readdirSync(path.dirname(abs)).filter((n) => n.startsWith('checkpoint_') && n !== 'checkpoint_script.json');
        expect(leftovers).toEqual([]);
        // And the next decision still works from whatever state the kill left.
        writeFileSync(abs, SCRIPT_AWAITING);
      } finally {
        t.cleanup();
      }
    }
    console.log(`kill -9 outcomes over ${TRIALS} trials: ${JSON.stringify(outcomes)}`);
    expect(outcomes.waiting + outcomes.approved).toBe(TRIALS);
  }, 120_000);
});
