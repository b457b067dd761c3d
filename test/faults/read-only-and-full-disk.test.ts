// Deciding in a read-only folder and on a full disk: every decision fails with a message that
// says which file, what went wrong and that nothing changed; no file is touched or left
// half-written; and once the folder is writable again the same decisions go through. The folders
// are real (tmpfs mounts) where this process may mount; otherwise see constrained-folder.ts.
// GREENLIGHT_FAULTS_INJECT=1 forces the injected errors, to check that path too.
import { constants as fsc, existsSync, promises as fsp, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { decideGate } from '../../electron/core/decide/decide-gate';
import { Desk } from '../../electron/core/desk';
import { fullDisk, readOnlyFolder, type ConstrainedFolder } from './support/constrained-folder';
import { gateRequest, omAwaiting, snapshotFiles, tempDir } from './support/fault-kit';
import { execFileSync } from 'node:child_process';

const FORCE_INJECTION = process.env.GREENLIGHT_FAULTS_INJECT === '1';
const PROJECT = path.resolve(__dirname, '../..');

/**
 * Violations found in code outside the hostile-input work (see kill-during-decisions.test.ts):
 * counted and printed, not failed on, until the owner's fix is in.
 */
const KNOWN_ISSUES: { pattern: RegExp; issue: string }[] = [];

const samples = tempDir('greenlight-faults-samples-');
beforeAll(() => {
  execFileSync(process.execPath, [path.join(PROJECT, 'scripts/make-samples.mjs'), '--out', samples.dir, '--now', '2026-11-20T12:00:00Z'], { stdio: 'pipe' });
}, 60_000);
afterAll(() => samples.cleanup());

/** One waiting gate per kind of write: a checkpoint rewritten in place, a decision file created, a sidecar. */
function populate(root: string) {
  const om = path.join(root, 'openmontage/projects/ro');
  mkdirSync(om, { recursive: true });
  writeFileSync(path.join(om, 'checkpoint_script.json'), omAwaiting('ro'));
  mkdirSync(path.join(root, 'gates'), { recursive: true });
  writeFileSync(path.join(root, 'gates/ship.gate.json'), gateRequest(1));
  cpSync(path.join(samples.dir, 'omniclaude/checkpoints/ACME-412'), path.join(root, 'omniclaude/checkpoints/ACME-412'), { recursive: true });
}

let spies: MockInstance[] = [];
afterEach(() => {
  for (const s of spies) s.mockRestore();
  spies = [];
});

/** Where the real error cannot be produced: make node:fs fail for writes inside `root`. */
function inject(root: string, code: 'EROFS' | 'ENOSPC') {
  const inside = (p: unknown) => path.resolve(String(p)).startsWith(root + path.sep);
  const writing = (flags: unknown) => (typeof flags === 'string' ? /[wa+]/.test(flags) : typeof flags === 'number' && (flags & (fsc.O_WRONLY | fsc.O_RDWR | fsc.O_CREAT)) !== 0);
  const fail = (p: unknown) => Object.assign(new Error(`${code}: injected by the test, open '${String(p)}'`), { code, path: String(p) });
  const realOpen = fsp.open.bind(fsp);
  const realMkdir = fsp.mkdir.bind(fsp);
  spies.push(
    vi.spyOn(fsp, 'open').mockImplementation((async (p: Parameters<typeof fsp.open>[0], flags?: string | number, mode?: number) => {
      if (!inside(p) || !writing(flags)) return realOpen(p, flags, mode);
      if (code === 'EROFS') throw fail(p);
      // On a full disk the file is created but no byte fits.
      const h = await realOpen(p, flags, mode);
      h.writeFile = async () => {
        throw fail(p);
      };
      h.write = (async () => {
        throw fail(p);
      }) as typeof h.write;
      return h;
    }) as typeof fsp.open),
  );
  if (code === 'EROFS')
    spies.push(
      vi.spyOn(fsp, 'mkdir').mockImplementation((async (p: Parameters<typeof fsp.mkdir>[0], opts?: Parameters<typeof fsp.mkdir>[1]) => {
        if (inside(p) && !existsSync(String(p))) throw fail(p);
        return realMkdir(p, opts);
      }) as typeof fsp.mkdir),
    );
}

async function scenario(folder: ConstrainedFolder, code: 'EROFS' | 'ENOSPC', expected: RegExp) {
  console.log(`${code}: ${folder.note}`);
  populate(folder.dir);
  const desk = new Desk({ mode: 'cli', watch: false });
  await desk.addRoot(folder.dir);
  const gates = desk.index.waitingGates().filter((g) => g.family !== 'aivideo');
  expect(gates.map((g) => g.family).sort()).toEqual(['gate', 'omniclaude', 'openmontage']);
  const before = snapshotFiles(folder.dir);

  folder.engage();
  if (folder.how === 'injected') inject(folder.dir, code);
  const known = new Map<string, string[]>();
  const failures: string[] = [];
  for (const g of gates) {
    const outcome = await decideGate(desk, { gateId: g.id, decision: 'approve', revision: g.revision }, 'fault-test');
    console.log(`  ${g.family}: ${outcome.status}: ${outcome.message}`);
    // A clear error: it failed, names the file, says why, and that nothing changed.
    expect(outcome.status, outcome.message).toBe('failed');
    const k = expected.test(outcome.message) ? undefined : KNOWN_ISSUES.find((i) => i.pattern.test(outcome.message));
    if (k) known.set(k.issue, [...(known.get(k.issue) ?? []), `${g.family}: ${outcome.message}`]);
    else expect(outcome.message).toMatch(expected);
    expect(outcome.message).toContain('Nothing was changed');
    expect(outcome.message).toContain(path.posix.dirname(g.rel!).split('/').pop()!);
  }
  for (const s of spies) s.mockRestore();
  spies = [];

  // Nothing half-written: every file as it was, and no new file.
  const after = snapshotFiles(folder.dir);
  after.delete('filler.bin');
  for (const [rel, bytes] of after) {
    const problem = !before.has(rel) ? `${rel}: created (${bytes.length} bytes)` : !before.get(rel)!.equals(bytes) ? `${rel}: changed` : undefined;
    if (!problem) continue;
    const k = KNOWN_ISSUES.find((i) => i.pattern.test(problem));
    if (k) known.set(k.issue, [...(known.get(k.issue) ?? []), problem]);
    else failures.push(problem);
  }
  for (const rel of before.keys()) if (!after.has(rel)) failures.push(`${rel}: vanished`);
  for (const [issue, hits] of known) console.warn(`KNOWN ISSUE: ${issue}\n  ${hits.join('\n  ')}`);
  expect(failures).toEqual([]);

  // Writable again: the same decisions go through.
  folder.release();
  for (const g of gates) {
    const fresh = desk.index.waitingGates().find((x) => x.id === g.id);
    const outcome = await decideGate(desk, { gateId: g.id, decision: 'approve', revision: fresh?.revision ?? g.revision }, 'fault-test');
    expect(outcome.status, outcome.message).toBe('written');
  }
  expect(desk.index.waitingGates().filter((g) => g.family !== 'aivideo')).toEqual([]);
  await desk.close();
}

describe('a folder that cannot be written', () => {
  it('read-only: every decision fails clearly and nothing is written', async () => {
    const folder = readOnlyFolder(FORCE_INJECTION);
    try {
      await scenario(folder, 'EROFS', /the folder is read-only \((EROFS|EACCES|EPERM)\)/);
    } finally {
      folder.cleanup();
    }
  });

  it('full disk: every decision fails clearly, nothing is left half-written, and it works once space is back', async () => {
    const folder = fullDisk(512, FORCE_INJECTION);
    try {
      await scenario(folder, 'ENOSPC', /the disk is full \(ENOSPC\)/);
    } finally {
      folder.cleanup();
    }
  });
});
