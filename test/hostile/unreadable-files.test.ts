// Unreadable files and folders (chmod 000): a clear problem or notice, and everything else in the
// folder still indexed. chmod does not stop root, so when the suite runs as root (as in most CI
// containers) the desk runs in a child process as the unprivileged user "nobody" (uid 65534);
// where even that is not possible, the test says so and skips.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorker } from '../faults/support/fault-kit';

const NOBODY = 65534;
interface Indexed {
  problems: { rel: string; code: string; field: string; message: string }[];
  notices: string[];
  runs: { title: string; files: string[] }[];
}

const base = mkdtempSync(path.join(os.tmpdir(), 'greenlight-unreadable-'));
const root = path.join(base, 'root');
const gate = (q: string) => JSON.stringify({ question: q, requested_at: '2026-11-20T10:00:00Z' });
let indexed: Indexed | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  // Everything readable by anyone except what is locked on purpose.
  chmodSync(base, 0o755);
  for (const d of ['gates', 'locked']) mkdirSync(path.join(root, d), { recursive: true, mode: 0o755 });
  writeFileSync(path.join(root, 'gates/open.gate.json'), gate('Readable?'), { mode: 0o644 });
  writeFileSync(path.join(root, 'gates/secret.gate.json'), gate('Unreadable?'), { mode: 0o644 });
  writeFileSync(path.join(root, 'locked/inside.gate.json'), gate('Behind a locked folder?'), { mode: 0o644 });
  chmodSync(path.join(root, 'gates/secret.gate.json'), 0o000);
  chmodSync(path.join(root, 'locked'), 0o000);
  chmodSync(root, 0o755);

  let readable = true;
  try {
    readFileSync(path.join(root, 'gates/secret.gate.json'));
  } catch {
    readable = false;
  }
  const worker = await bundleWorker(path.join(__dirname, 'support/index-worker.ts'), base);
  chmodSync(worker, 0o644);
  const asNobody = readable && process.getuid?.() === 0;
  const r = spawnSync(process.execPath, [worker, root], { encoding: 'utf8', timeout: 60_000, ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}) });
  if (r.error || r.status !== 0) {
    skipped = `skipped: chmod 000 does not stop this process (uid ${process.getuid?.()}) and a child as uid ${NOBODY} could not run (${r.error?.message ?? r.stderr.trim().split('\n')[0]})`;
    console.log(`unreadable files: ${skipped}`);
    return;
  }
  if (asNobody) console.log(`unreadable files: this suite runs as root, where chmod 000 stops nothing; the desk was run as uid ${NOBODY} (nobody) instead`);
  indexed = JSON.parse(r.stdout) as Indexed;
}, 120_000);

afterAll(() => {
  chmodSync(path.join(root, 'locked'), 0o755);
  chmodSync(path.join(root, 'gates/secret.gate.json'), 0o644);
  rmSync(base, { recursive: true, force: true });
});

describe('unreadable files and folders', () => {
  it('an unreadable checkpoint is a "permission denied" problem naming the file', () => {
    if (!indexed) return void console.log(skipped);
    expect(indexed.problems).toContainEqual({ rel: 'gates/secret.gate.json', code: 'file.eacces', field: '', message: 'permission denied: the file cannot be read' });
  });

  it('an unreadable folder is a notice naming it, and the scan goes on', () => {
    if (!indexed) return void console.log(skipped);
    expect(indexed.notices).toContainEqual(`${path.join(root, 'locked')}: permission denied: folder cannot be read`);
    expect(indexed.runs.map((r) => r.files)).toContainEqual(['gates/open.gate.json']);
    expect(indexed.runs.some((r) => r.files.includes('locked/inside.gate.json'))).toBe(false);
  });
});
