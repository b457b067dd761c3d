// The root watcher watches folders, not files: every way a pipeline writes, replaces or removes
// a file is still reported, new folders are watched with the files already in them, removed and
// renamed folders are reported as a whole, and symbolic links follow the scan's rules.
import { describe, expect, it } from 'vitest';
import { linkSync, mkdirSync, openSync, closeSync, writeSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from '../../../helpers/temp-dir';
import { waitFor, watcherFixtures, type Recorder } from './watch-kit';

describe('RootWatcher', () => {
  const { tempRoot, watch, defer } = watcherFixtures();

  it('holds one OS watch per folder, none per file, and none in ignored folders', async () => {
    const tmp = tempRoot();
    for (let i = 0; i < 5; i++) tmp.write(`projects/p${i}/checkpoint_${i}.json`, '{}');
    tmp.write('projects/p0/history/old.json', '{}');
    tmp.write('node_modules/pkg/index.js', '');
    tmp.write('.git/HEAD', '');
    const r = await watch(tmp.dir);
    // root, projects, p0..p4, p0/history
    expect(r.watcher.watchCount).toBe(8);
    expect(r.watcher.isPolling).toBe(false);
  });

  it('reports a file written in place, once per burst of writes', async () => {
    const tmp = tempRoot();
    const file = tmp.write('plans/run_iter01_evaluation.json', '{"score": 1}');
    const r = await watch(tmp.dir);
    const fd = openSync(file, 'w');
    for (let i = 0; i < 20; i++) writeSync(fd, `{"score": ${i}}`.padEnd(40));
    closeSync(fd);
    await r.seen('upsert', file);
    expect(r.count('upsert', file)).toBeLessThan(20);
  });

  it('reports an atomic temp file + rename as the target only', async () => {
    const tmp = tempRoot();
    mkdirSync(path.join(tmp.dir, 'p'));
    const r = await watch(tmp.dir);
    const target = path.join(tmp.dir, 'p', 'checkpoint_script.json');
    writeFileSync(target + '.tmp', '{}');
    renameSync(target + '.tmp', target);
    await r.seen('upsert', target);
    expect(r.events.some((e) => e.abs.endsWith('.tmp'))).toBe(false);
  });

  it('reports a hard-link swap (the old file set aside, the new one linked in)', async () => {
    const tmp = tempRoot();
    const target = tmp.write('run/phase_1_plan_a1.yaml', 'a: 1\n');
    const r = await watch(tmp.dir);
    const fresh = path.join(tmp.dir, 'run', '.ckpt_1.tmp');
    const aside = path.join(tmp.dir, 'run', '.greenlight-phase.taken.tmp');
    writeFileSync(fresh, 'a: 2\n');
    renameSync(target, aside);
    linkSync(fresh, target);
    unlinkSync(fresh);
    unlinkSync(aside);
    await r.seen('upsert', target);
    expect(r.events.some((e) => e.abs === aside || e.abs === fresh)).toBe(false);
  });

  it('reports a deleted file', async () => {
    const tmp = tempRoot();
    const file = tmp.write('a/deploy.gate.json', '{}');
    const r = await watch(tmp.dir);
    unlinkSync(file);
    await r.seen('remove', file);
  });

  it('ignores temp names and ignored folders', async () => {
    const tmp = tempRoot();
    mkdirSync(path.join(tmp.dir, 'node_modules'));
    const r = await watch(tmp.dir);
    writeFileSync(path.join(tmp.dir, 'x.json.tmp'), '{}');
    writeFileSync(path.join(tmp.dir, '.#lock'), '');
    writeFileSync(path.join(tmp.dir, 'node_modules', 'a.json'), '{}');
    mkdirSync(path.join(tmp.dir, '.git'));
    writeFileSync(path.join(tmp.dir, '.git', 'HEAD'), '');
    // Written last: once it is reported, anything reported for the names above would have been too.
    const sentinel = path.join(tmp.dir, 'sentinel.json');
    writeFileSync(sentinel, '{}');
    await r.seen('upsert', sentinel);
    expect(r.events.filter((e) => e.abs !== sentinel)).toEqual([]);
  });

  it('watches a new folder and reports the files written into it before its watch existed', async () => {
    const tmp = tempRoot();
    const r = await watch(tmp.dir);
    // All in one tick: the files exist before the watcher has even heard of the folder.
    const deep = path.join(tmp.dir, 'projects', 'teaser', 'history');
    mkdirSync(deep, { recursive: true });
    const files = [path.join(tmp.dir, 'projects', 'top.json'), path.join(tmp.dir, 'projects', 'teaser', 'checkpoint_idea.json'), path.join(deep, 'old.json')];
    for (const f of files) writeFileSync(f, '{}');
    for (const f of files) await r.seen('upsert', f);
    // And the new folders are watched: a later write is reported too.
    const later = path.join(deep, 'later.json');
    writeFileSync(later, '{}');
    await r.seen('upsert', later);
    expect(r.watcher.watchCount).toBe(4);
  });

  it('keeps up with files written one after another into a folder just made', async () => {
    const tmp = tempRoot();
    const r = await watch(tmp.dir);
    const dir = path.join(tmp.dir, 'fresh');
    mkdirSync(dir);
    const files: string[] = [];
    for (let i = 0; i < 30; i++) {
      const f = path.join(dir, `checkpoint_${i}.json`);
      writeFileSync(f, '{}');
      files.push(f);
      if (i % 10 === 0) await new Promise((res) => setImmediate(res));
    }
    for (const f of files) await r.seen('upsert', f);
  });

  it('reports a removed folder as a whole and lets go of its watches', async () => {
    const tmp = tempRoot();
    tmp.write('gates/a/a.gate.json', '{}');
    tmp.write('gates/b.gate.json', '{}');
    const r = await watch(tmp.dir);
    expect(r.watcher.watchCount).toBe(3);
    rmSync(path.join(tmp.dir, 'gates'), { recursive: true });
    await r.seen('remove-dir', path.join(tmp.dir, 'gates'));
    await waitFor(() => r.watcher.watchCount === 1, 'watches let go');
  });

  it('reports a renamed folder as gone, and its files under the new name', async () => {
    const tmp = tempRoot();
    const old = tmp.write('projects/draft/checkpoint_script.json', '{}');
    tmp.write('projects/draft/history/v1.json', '{}');
    const r = await watch(tmp.dir);
    renameSync(path.join(tmp.dir, 'projects', 'draft'), path.join(tmp.dir, 'projects', 'final'));
    await r.seen('remove-dir', path.dirname(old));
    await r.seen('upsert', path.join(tmp.dir, 'projects', 'final', 'checkpoint_script.json'));
    await r.seen('upsert', path.join(tmp.dir, 'projects', 'final', 'history', 'v1.json'));
    // Later writes are reported under the new name only.
    const next = path.join(tmp.dir, 'projects', 'final', 'history', 'v2.json');
    writeFileSync(next, '{}');
    await r.seen('upsert', next);
    expect(r.events.some((e) => e.kind === 'upsert' && e.abs.includes(`${path.sep}draft${path.sep}`))).toBe(false);
  });

  it('watches a folder deleted and made again under the same name', async () => {
    const tmp = tempRoot();
    tmp.write('run/a.json', '{}');
    const r = await watch(tmp.dir);
    const dir = path.join(tmp.dir, 'run');
    rmSync(dir, { recursive: true });
    mkdirSync(dir);
    const first = path.join(dir, 'b.json');
    writeFileSync(first, '{}');
    await r.seen('upsert', first);
    const second = path.join(dir, 'c.json');
    writeFileSync(second, '{}');
    await r.seen('upsert', second);
  });

  it('watches a root that is itself a symbolic link, reporting paths under the link', async () => {
    const tmp = tempRoot();
    mkdirSync(path.join(tmp.dir, 'real', 'p'), { recursive: true });
    const link = path.join(tmp.dir, 'link');
    symlinkSync(path.join(tmp.dir, 'real'), link, 'dir');
    const r = await watch(link);
    expect(r.watcher.watchCount).toBe(2);
    writeFileSync(path.join(tmp.dir, 'real', 'p', 'x.json'), '{}');
    await r.seen('upsert', path.join(link, 'p', 'x.json'));
    mkdirSync(path.join(link, 'q'));
    writeFileSync(path.join(link, 'q', 'y.json'), '{}');
    await r.seen('upsert', path.join(link, 'q', 'y.json'));
  });

  it('follows a symbolic link to a folder inside the root once, and never one that leads outside', async () => {
    const tmp = tempRoot();
    const outside = makeTempDir('greenlight-watch-outside-');
    defer(() => outside.cleanup());
    const root = path.join(tmp.dir, 'root');
    mkdirSync(path.join(root, 'store', 'proj'), { recursive: true });
    symlinkSync(path.join(root, 'store', 'proj'), path.join(root, 'view'), 'dir');
    symlinkSync(outside.dir, path.join(root, 'away'), 'dir');
    const r = await watch(root);
    // root, store, and store/proj by one of its two paths; nothing outside.
    expect(r.watcher.watchCount).toBe(3);
    writeFileSync(path.join(root, 'store', 'proj', 'a.json'), '{}');
    const seen = await waitFor(() => r.events.find((e) => e.kind === 'upsert' && e.abs.endsWith(`${path.sep}a.json`)), 'a.json');
    expect([path.join(root, 'store', 'proj', 'a.json'), path.join(root, 'view', 'a.json')]).toContain(seen.abs);
    writeFileSync(path.join(outside.dir, 'secret.json'), '{}');
    const sentinel = path.join(root, 'store', 'sentinel.json');
    writeFileSync(sentinel, '{}');
    await r.seen('upsert', sentinel);
    expect(r.events.filter((e) => e.abs.endsWith('a.json'))).toHaveLength(1);
    expect(r.events.some((e) => e.abs.includes('secret'))).toBe(false);
  });

  it('follows a link made after start only while it stays inside the root', async () => {
    const tmp = tempRoot();
    const outside = makeTempDir('greenlight-watch-outside-');
    defer(() => outside.cleanup());
    const root = path.join(tmp.dir, 'root');
    // Inside the root but in an ignored folder: reachable only through the link, as the scan reads it.
    const hidden = path.join(root, 'node_modules', 'pkg');
    mkdirSync(hidden, { recursive: true });
    const r = await watch(root);
    symlinkSync(outside.dir, path.join(root, 'away'), 'dir');
    await waitFor(() => r.notices.find((n) => n.includes('leads outside')), 'a notice about the link');
    symlinkSync(hidden, path.join(root, 'shortcut'), 'dir');
    await waitFor(() => r.watcher.watchCount === 2, 'the link followed');
    writeFileSync(path.join(hidden, 'x.json'), '{}');
    await r.seen('upsert', path.join(root, 'shortcut', 'x.json'));
    writeFileSync(path.join(outside.dir, 'secret.json'), '{}');
    const sentinel = path.join(root, 'sentinel.json');
    writeFileSync(sentinel, '{}');
    await r.seen('upsert', sentinel);
    expect(r.events.some((e) => e.abs.includes('secret') || e.abs.includes('node_modules'))).toBe(false);
  });

  it('reports nothing after close and holds no watch', async () => {
    const tmp = tempRoot();
    tmp.write('a/b/c.json', '{}');
    const r = await watch(tmp.dir);
    writeFileSync(path.join(tmp.dir, 'a', 'pending.json'), '{}'); // its debounce is cut short by close
    await r.watcher.close();
    expect(r.watcher.watchCount).toBe(0);
    const before = r.events.length;
    writeFileSync(path.join(tmp.dir, 'a', 'b', 'd.json'), '{}');
    await new Promise((res) => setTimeout(res, 200));
    expect(r.events.length).toBe(before);
  });

  it('watches every folder of a tree of 2,000 folders', async () => {
    const tmp = tempRoot();
    for (let i = 0; i < 1000; i++) {
      const dir = path.join(tmp.dir, 'projects', `p${i}`, 'history');
      mkdirSync(dir, { recursive: true });
      for (let j = 0; j < 3; j++) writeFileSync(path.join(dir, '..', `checkpoint_${j}.json`), '{}');
    }
    const r = await watch(tmp.dir);
    expect(r.watcher.watchCount).toBe(2 + 2000);
    // The last folder listed is watched like the first.
    const f = path.join(tmp.dir, 'projects', 'p999', 'history', 'x.json');
    writeFileSync(f, '{}');
    await r.seen('upsert', f);
  });
});
