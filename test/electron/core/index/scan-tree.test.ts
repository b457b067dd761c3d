// The cold listing of a root: what it returns, what it skips, and how it treats symbolic links
// (followed inside the root, once; reported and left alone when they lead out or loop).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanTree, type ScanIssue } from '../../../../electron/core/index/scan-tree';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gl-scan-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(rel: string, text = '{}') {
  const abs = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  return abs;
}

async function scan(root = path.join(tmp, 'root')) {
  const issues: ScanIssue[] = [];
  const aside: string[] = [];
  const files = await scanTree(root, { onIssue: (i) => issues.push(i), onTakenAside: (d) => aside.push(d) });
  return { files: files.map((f) => path.relative(root, f)), issues, aside };
}

describe('scanTree', () => {
  it('lists every file below the root, sorted, without ignored folders or writers\' temp files', async () => {
    write('root/b/checkpoint_script.json');
    write('root/a/deep/er/state.yaml');
    write('root/a/.git/HEAD');
    write('root/node_modules/x/package.json');
    write('root/a/checkpoint_plan.json.tmp');
    write('root/a/.#lock');
    write('root/z.json');
    const { files, issues } = await scan();
    expect(files).toEqual([path.join('a', 'deep', 'er', 'state.yaml'), path.join('b', 'checkpoint_script.json'), 'z.json']);
    expect(issues).toEqual([]);
  });

  it('lists thousands of folders completely (many listings in flight)', async () => {
    for (let i = 0; i < 300; i++) for (let j = 0; j < 3; j++) write(`root/p${i}/s${j}/f.json`);
    const { files } = await scan();
    expect(files).toHaveLength(900);
    expect(new Set(files).size).toBe(900);
  });

  it('follows a symbolic link to a folder inside the root once, and reports links out, loops and broken links', async () => {
    write('root/real/a.json');
    write('outside/secret.json');
    fs.symlinkSync(path.join(tmp, 'root', 'real'), path.join(tmp, 'root', 'alias'));
    fs.symlinkSync(path.join(tmp, 'outside'), path.join(tmp, 'root', 'out'));
    fs.symlinkSync(path.join(tmp, 'outside', 'secret.json'), path.join(tmp, 'root', 'secret.json'));
    fs.symlinkSync(path.join(tmp, 'root'), path.join(tmp, 'root', 'real', 'loop'));
    fs.symlinkSync(path.join(tmp, 'root', 'nowhere'), path.join(tmp, 'root', 'broken.json'));
    const { files, issues } = await scan();
    // The folder is listed under one of its two names, never twice, and the loop is not entered.
    expect(files.filter((f) => f.endsWith('a.json'))).toHaveLength(1);
    expect(files.some((f) => f.includes('secret'))).toBe(false);
    const said = (name: string) => issues.find((i) => path.basename(i.abs) === name)?.message ?? '';
    expect(said('out')).toMatch(/outside the watched folder/);
    expect(said('secret.json')).toMatch(/outside the watched folder/);
    expect(said('broken.json')).toMatch(/broken or looping symbolic link/);
  });

  it('lists a root that is itself a symbolic link', async () => {
    write('target/x/c.json');
    fs.symlinkSync(path.join(tmp, 'target'), path.join(tmp, 'root'));
    expect((await scan()).files).toEqual([path.join('x', 'c.json')]);
  });

  it('reports a folder set aside mid-decision, and an unreadable folder without stopping', async () => {
    write('root/p/.greenlight-abc.taken.tmp');
    write('root/p/checkpoint_plan.json');
    write('root/locked/hidden.json');
    fs.chmodSync(path.join(tmp, 'root', 'locked'), 0o000);
    try {
      const { files, issues, aside } = await scan();
      expect(aside).toEqual([path.join(tmp, 'root', 'p')]);
      expect(files).toContain(path.join('p', 'checkpoint_plan.json'));
      // As root every folder is readable: then the folder is simply listed.
      if (process.getuid?.() !== 0) expect(issues).toEqual([{ abs: path.join(tmp, 'root', 'locked'), message: 'permission denied: folder cannot be read' }]);
    } finally {
      fs.chmodSync(path.join(tmp, 'root', 'locked'), 0o755);
    }
  });
});
