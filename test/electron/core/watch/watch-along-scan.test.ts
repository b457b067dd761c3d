// The desk's cold scan and the folder watcher share one walk of the tree (RootWatcher.startAlongScan):
// each folder is watched just before the scan lists it, so a file written into a folder after
// it was listed is still reported, every folder is listed once, and running out of watch
// handles part-way through the scan still ends in polling that sees every change.
import { afterEach, describe, expect, it } from 'vitest';
import fsModule, { promises as fsp, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import { Desk } from '../../../../electron/core/desk';
import { scanTree } from '../../../../electron/core/index/scan-tree';
import { RootWatcher, outermost } from '../../../../electron/core/watch/root-watcher';
import type { WatchEvent } from '../../../../electron/core/watch/watch-event';
import { waitFor, watcherFixtures } from './watch-kit';

const gate = (question: string) => JSON.stringify({ question, requested_at: '2026-11-21T10:00:00Z' });

describe('watching along the cold scan', () => {
  const { tempRoot, defer } = watcherFixtures();

  function along(root: string) {
    const events: WatchEvent[] = [];
    const notices: string[] = [];
    const watcher = new RootWatcher(root, { debounceMs: 20, pollIntervalMs: 50, onEvent: (e) => events.push(e), onNotice: (_l, m) => notices.push(m) });
    defer(() => watcher.close());
    return { watcher, events, notices };
  }

  it('watches each folder before the scan lists it: a file written just after its folder was listed is reported', async () => {
    const tmp = tempRoot();
    for (let i = 0; i < 5; i++) tmp.write(`runs/r${i}/a.gate.json`, gate(`q${i}`));
    const { watcher, events } = along(tmp.dir);
    const shared = await watcher.startAlongScan();
    const late: string[] = [];
    const files = await scanTree(tmp.dir, {
      beforeList: shared.beforeList,
      // Right after a folder is listed, before the scan goes on: the scan itself cannot see this file.
      onFiles: (part) => {
        const file = path.join(path.dirname(part[0]), 'late.gate.json');
        late.push(file);
        writeFileSync(file, gate('late'));
      },
    });
    await shared.scanned();
    expect(files.some((f) => f.endsWith('late.gate.json'))).toBe(false);
    expect(late).toHaveLength(5);
    expect(watcher.watchCount).toBe(7); // the root, runs/, five run folders
    for (const file of late) await waitFor(() => events.find((e) => e.kind === 'upsert' && e.abs === file), `upsert of ${file}`);
  });

  it('the desk lists every folder once when it scans and watches a new root', async () => {
    const tmp = tempRoot();
    for (let i = 0; i < 6; i++) tmp.write(`p${i}/nested/a.gate.json`, gate(`q${i}`));
    const listed = new Map<string, number>();
    const realReaddir = fsp.readdir;
    fsp.readdir = (async (...args: Parameters<typeof realReaddir>) => {
      const dir = String(args[0]);
      listed.set(dir, (listed.get(dir) ?? 0) + 1);
      return realReaddir(...args);
    }) as typeof realReaddir;
    defer(() => void (fsp.readdir = realReaddir));
    const desk = new Desk({ mode: 'cli', watch: true, debounceMs: 20 });
    defer(() => desk.close());
    await desk.addRoot(tmp.dir);
    fsp.readdir = realReaddir;
    expect(desk.index.waitingGates()).toHaveLength(6);
    expect(listed.size).toBe(13); // the root, six project folders, six nested folders
    expect([...listed.values()].every((n) => n === 1)).toBe(true);
    // And the folders are watched: a new gate shows without a rescan.
    writeFileSync(path.join(tmp.dir, 'p3', 'nested', 'b.gate.json'), gate('new'));
    await waitFor(() => desk.index.waitingGates().length === 7, 'the new gate');
  });
});

describe('running out of watch handles during the cold scan', () => {
  const { tempRoot, defer } = watcherFixtures();
  const realWatch = fsModule.watch;
  afterEach(() => {
    fsModule.watch = realWatch;
    syncBuiltinESMExports();
  });

  it('the scan still indexes everything, polling takes over with a notice, and changes in unwatched folders are seen', async () => {
    const tmp = tempRoot();
    for (let i = 0; i < 8; i++) tmp.write(`p${i}/a.gate.json`, gate(`q${i}`));
    let calls = 0;
    fsModule.watch = ((...args: Parameters<typeof realWatch>) => {
      if (++calls > 3) throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
      return realWatch(...args);
    }) as typeof realWatch;
    syncBuiltinESMExports();
    const notices: string[] = [];
    const desk = new Desk({ mode: 'cli', watch: true, debounceMs: 20 });
    desk.on('event', (e) => e.type === 'notice' && notices.push(e.notice.message));
    defer(() => desk.close());
    await desk.addRoot(tmp.dir);
    expect(desk.index.waitingGates()).toHaveLength(8);
    expect(desk.listRoots()[0].polling).toBe(true);
    expect(notices.some((n) => /ENOSPC/.test(n) && /polling/.test(n))).toBe(true);
    // Polling reports a file made after its first look at the folder; make them until one shows.
    let n = 0;
    await waitFor(() => {
      if (n++ % 10 === 0) writeFileSync(path.join(tmp.dir, 'p7', `late-${n}.gate.json`), gate('late'));
      return desk.index.waitingGates().length > 8;
    }, 'a change in a folder the OS would not watch');
  });
});

describe('outermost', () => {
  it('keeps only the folders that no other listed folder holds', () => {
    const dirs = ['/w/p1', '/w/p1/a', '/w/p1/a/b', '/w/p2/x', '/w/p10', '/w/p2/x/y', '/w/p1a'];
    expect(outermost(dirs)).toEqual(['/w/p1', '/w/p2/x', '/w/p10', '/w/p1a']);
    expect(outermost([])).toEqual([]);
    expect(outermost(['/'])).toEqual(['/']);
  });
});
