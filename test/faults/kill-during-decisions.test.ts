// kill -9 while Greenlight writes decisions. A child process decides every waiting gate of a
// workspace (OpenMontage checkpoints rewritten in place, gate-protocol decision files, Twinklr /
// OmniClaude / CineCut sidecars, the audit log) through the real decide path, and is killed
// with SIGKILL at a random moment. After each kill: every file is its old or a whole new
// version, every file Greenlight created is complete, and the audit log has no torn line. A
// checkpoint caught inside a swap is set aside whole, and put back by the recovery Greenlight
// runs before the next decision in that folder. GREENLIGHT_KILL_TRIALS sets the number of kills.
import { spawn } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverInterruptedSwaps } from '../../electron/core/decide/writers/swap-if-unchanged';
import { Desk } from '../../electron/core/desk';
import { bundleWorker, judgeAfterCrash, makeDecisionTemplate, snapshotFiles, tempDir } from './support/fault-kit';

const TRIALS = Number(process.env.GREENLIGHT_KILL_TRIALS ?? 100);

/**
 * Violations this test finds in code outside the hostile-input work, reported to its owners and
 * listed in docs/security.md. They are counted and printed, not failed on; delete an entry once
 * the fix is in, and the test holds the line again.
 */
const KNOWN_ISSUES: { pattern: RegExp; issue: string }[] = [];

const work = tempDir('greenlight-kill9-');
const template = path.join(work.dir, 'template');
let worker: string;
let pristine: Map<string, Buffer>;

beforeAll(async () => {
  worker = await bundleWorker(path.join(__dirname, 'support/decide-worker.ts'), work.dir);
  makeDecisionTemplate(template);
  pristine = snapshotFiles(template);
}, 60_000);
afterAll(() => work.cleanup());

interface Trial {
  killedAt?: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  decided: number;
  gates: number;
  output: string;
  /** From "ready" to "done": how long deciding took. */
  decidingMs?: number;
}

/** Runs the worker on `root`; kills it `killAfterMs` after it is ready (never, if undefined). */
function runWorker(root: string, seed: number, killAfterMs?: number): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, root, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const t: Trial = { signal: null, code: null, decided: 0, gates: 0, output: '' };
    let buf = '';
    let readyAt = 0;
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        t.output += line + '\n';
        const e = JSON.parse(line) as { event: string; gates?: number };
        if (e.event === 'done') t.decidingMs = Date.now() - readyAt;
        if (e.event === 'ready') {
          readyAt = Date.now();
          t.gates = e.gates ?? 0;
          if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
        if (e.event === 'decided') t.decided++;
      }
    });
    child.stderr.on('data', (d: Buffer) => (t.output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ ...t, code, signal }));
  });
}

describe('kill -9 while decisions are written', () => {
  it(`leaves every file old or new and the audit log whole, over ${TRIALS} kills`, async () => {
    // A run without a kill shows how long deciding everything takes, so kills spread across it.
    const calibration = path.join(work.dir, 'calibration');
    cpSync(template, calibration, { recursive: true });
    const full = await runWorker(calibration, 1);
    const span = Math.max(20, full.decidingMs ?? 0);
    expect(full.code, full.output).toBe(0);
    expect(full.gates).toBeGreaterThanOrEqual(20);
    const clean = judgeAfterCrash(pristine, snapshotFiles(calibration));
    expect(clean.violations).toEqual([]);
    expect(clean.leftovers).toEqual([]);

    let kills = 0;
    let attempts = 0;
    const tally = { changed: 0, leftovers: 0, takenAside: 0, restored: 0, auditLines: 0, decidedBeforeKill: 0 };
    const failures: string[] = [];
    const known = new Map<string, string[]>();
    while (kills < TRIALS && attempts < TRIALS * 2) {
      attempts++;
      const root = path.join(work.dir, `trial-${attempts}`);
      cpSync(template, root, { recursive: true });
      const seed = 1000 + attempts;
      const killAfter = Math.floor(Math.random() * span);
      const t = await runWorker(root, seed, killAfter);
      if (t.signal !== 'SIGKILL') continue; // finished before the kill landed: not a trial
      kills++;
      tally.decidedBeforeKill += t.decided;
      const verdict = judgeAfterCrash(pristine, snapshotFiles(root));
      tally.changed += verdict.changed.length;
      tally.leftovers += verdict.leftovers.length;
      tally.takenAside += verdict.takenAside.length;
      tally.auditLines += verdict.auditLines;
      for (const v of verdict.violations) {
        const what = `trial ${attempts} (seed ${seed}, killed ${killAfter} ms after ready): ${v}`;
        const k = KNOWN_ISSUES.find((i) => i.pattern.test(v));
        if (k) known.set(k.issue, [...(known.get(k.issue) ?? []), what]);
        else failures.push(what);
      }
      // What Greenlight does before its next decision in a folder: put back a checkpoint taken aside.
      for (const target of verdict.takenAside) tally.restored += (await recoverInterruptedSwaps(path.dirname(path.join(root, target)))).length;
      if (verdict.takenAside.length) {
        const after = judgeAfterCrash(pristine, snapshotFiles(root));
        for (const v of after.violations) failures.push(`trial ${attempts} after recovery: ${v}`);
      }
      // A desk opening the folder afterwards finds nothing half-written by Greenlight.
      if (kills % 10 === 0) {
        const desk = new Desk({ mode: 'cli', watch: false });
        await desk.addRoot(root);
        const torn = desk.index.listProblems().filter((p) => /^(json\.(truncated|syntax)|file\.empty)$/.test(p.code) && !pristine.has(p.file.rel));
        for (const p of torn) {
          const what = `trial ${attempts}: the desk finds ${p.file.rel} half-written (${p.code})`;
          const k = KNOWN_ISSUES.find((i) => i.pattern.test(what));
          if (k) known.set(k.issue, [...(known.get(k.issue) ?? []), what]);
          else failures.push(what);
        }
        await desk.close();
      }
      rmSync(root, { recursive: true, force: true });
    }
    console.log(
      `${kills} kills in ${attempts} runs (deciding ${full.gates} gates takes ~${span} ms): ${tally.decidedBeforeKill} decisions completed before the kills, ` +
        `${tally.changed} files replaced whole, ${tally.takenAside} checkpoints caught mid-swap (${tally.restored} put back), ${tally.leftovers} temp files left, ${tally.auditLines} audit lines all whole`,
    );
    for (const [issue, hits] of known) console.warn(`KNOWN ISSUE (seen ${hits.length} times in ${kills} kills): ${issue}\n  e.g. ${hits[0]}`);
    expect(kills).toBeGreaterThanOrEqual(TRIALS);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 600_000);
});
