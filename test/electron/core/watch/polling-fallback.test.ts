// Polling: forced (network drives), or the fallback when the OS runs out of watch handles
// (ENOSPC/EMFILE), during start or for a folder made later. It says so in a notice, and no
// change is lost in the switch: the folder watches report until polling has its first look,
// and a folder the OS refused is read once polling is on.
import { afterEach, describe, expect, it } from 'vitest';
import fsModule, { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { makeTempDir } from '../../../helpers/temp-dir';
import { watchRoot, waitFor, watcherFixtures, type Recorder } from './watch-kit';

/**
 * Polling misses a file made before its first stat of the folder, which it takes a moment after
 * it is ready (the desk's scan, which runs after start, finds such a file): make new files until
 * one is reported.
 */
async function newFileReported(r: Recorder, dir: string) {
  let n = 0;
  const made: string[] = [];
  return waitFor(() => {
    if (n++ % 10 === 0) {
      made.push(path.join(dir, `late-${n}.gate.json`));
      writeFileSync(made[made.length - 1], '{}');
    }
    return r.events.find((e) => e.kind === 'upsert' && made.includes(e.abs));
  }, 'a new file reported by polling');
}

describe('RootWatcher polling', () => {
  const { tempRoot, watch, defer } = watcherFixtures();

  it('falls back to polling with a notice when the OS runs out of watch handles, and still reports changes', async () => {
    const tmp = tempRoot();
    tmp.write('a/one.json', '{}');
    const changes: boolean[] = [];
    const r = await watch(tmp.dir, { pollIntervalMs: 50, onPollingChange: (p) => changes.push(p) });
    await r.watcher.simulateError('ENOSPC');
    expect(r.watcher.isPolling).toBe(true);
    expect(r.watcher.watchCount).toBe(0);
    expect(changes).toEqual([true]);
    expect(r.notices.some((n) => /ENOSPC/.test(n) && /polling/.test(n))).toBe(true);
    const file = path.join(tmp.dir, 'a', 'two.json');
    writeFileSync(file, '{}');
    await r.seen('upsert', file);
    unlinkSync(file);
    await r.seen('remove', file);
  });

  it('polls from the start when asked to', async () => {
    const tmp = tempRoot();
    const r = await watch(tmp.dir, { polling: true, pollIntervalMs: 50 });
    expect(r.watcher.isPolling).toBe(true);
    expect(r.watcher.watchCount).toBe(0);
    const hit = await newFileReported(r, tmp.dir);
    expect(hit.abs).toMatch(/late-\d+\.gate\.json$/);
  });
});

describe('RootWatcher when the OS refuses a watch', () => {
  // fs.watch failing as Linux does once fs.inotify.max_user_watches is reached. The module's
  // named import is a live binding of node:fs, re-synced after the swap.
  const realWatch = fsModule.watch;
  afterEach(() => {
    fsModule.watch = realWatch;
    syncBuiltinESMExports();
  });

  function refuseAfter(n: number) {
    let calls = 0;
    fsModule.watch = ((...args: Parameters<typeof realWatch>) => {
      if (++calls > n) throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
      return realWatch(...args);
    }) as typeof realWatch;
    syncBuiltinESMExports();
  }

  it('switches to polling during start, says so, and still reports changes', async () => {
    const tmp = makeTempDir('greenlight-watch-');
    for (let i = 0; i < 10; i++) tmp.write(`p${i}/a.json`, '{}');
    refuseAfter(3);
    const r = await watchRoot(tmp.dir, { pollIntervalMs: 50 });
    try {
      expect(r.watcher.isPolling).toBe(true);
      expect(r.notices.some((n) => /ENOSPC/.test(n) && /polling/.test(n))).toBe(true);
      await newFileReported(r, path.join(tmp.dir, 'p9'));
    } finally {
      await r.watcher.close();
      tmp.cleanup();
    }
  });

  it('switches to polling when a new folder cannot be watched, and reports what was written into it meanwhile', async () => {
    const tmp = makeTempDir('greenlight-watch-');
    const r = await watchRoot(tmp.dir, { pollIntervalMs: 50 });
    try {
      refuseAfter(0);
      // Written before anything could watch the folder, and before polling took over: polling's
      // first pass reports nothing, so only reading the refused folder finds it.
      mkdirSync(path.join(tmp.dir, 'new', 'deeper'), { recursive: true });
      const early = path.join(tmp.dir, 'new', 'deeper', 'c.json');
      writeFileSync(early, '{}');
      await waitFor(() => r.watcher.isPolling, 'polling');
      expect(r.notices.some((n) => /polling/.test(n))).toBe(true);
      await r.seen('upsert', early);
      const later = path.join(tmp.dir, 'new', 'd.json');
      writeFileSync(later, '{}');
      await r.seen('upsert', later);
    } finally {
      await r.watcher.close();
      tmp.cleanup();
    }
  });
});
