// `greenlight validate`: the contract a pipeline's CI relies on (output shape and exit codes).
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { validateCommand } from '../../../electron/cli/validate-command';
import { main } from '../../../electron/cli/cli';
import { makeTempDir } from '../../helpers/temp-dir';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await validateCommand(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('greenlight validate', () => {
  const good = makeTempDir();
  const bad = makeTempDir();
  good.write('gates/release.gate.json', JSON.stringify({ question: 'Release 2.1?', requested_at: '2026-11-20T09:00:00Z' }));
  bad.write('gates/broken.gate.json', JSON.stringify({ question: 42, requested_at: '2026-11-20T09:00:00Z' }));
  bad.write('gates/cut.gate.json', '{"question": "Cut?", "requested_');
  afterAll(() => {
    good.cleanup();
    bad.cleanup();
  });

  it('exits 0 and prints a line per run when there is no error', async () => {
    const r = await run([good.dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/run\s+gate\s+waiting\s+Release 2\.1\?/);
    expect(r.out).toMatch(/1 runs, 1 waiting gates, 0 errors/);
  });

  it('prints the documented JSON object', async () => {
    const r = await run([good.dir, '--json']);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc).sort()).toEqual(['problems', 'runs']);
    expect(doc.runs[0]).toMatchObject({ family: 'gate', title: 'Release 2.1?', status: 'waiting', pendingGates: 1 });
    expect(Object.keys(doc.runs[0]).sort()).toEqual(['family', 'id', 'pendingGates', 'problems', 'stages', 'status', 'title'].sort());
  });

  it('exits 1 and names the file and field of each error', async () => {
    const r = await run([bad.dir, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    const broken = doc.problems.find((p: { path: string }) => p.path.endsWith(path.join('gates', 'broken.gate.json')));
    expect(broken).toMatchObject({ severity: 'error', field: '/question' });
    const cut = doc.problems.find((p: { path: string }) => p.path.endsWith('cut.gate.json'));
    expect(cut.message).toMatch(/ends early/);
    for (const p of doc.problems) expect(Object.keys(p).sort()).toEqual(['field', 'message', 'path', 'severity']);
  });

  it('exits 2 on bad usage', async () => {
    expect(await main(['validate'])).toBe(2);
    expect(await main(['validate', '--bogus', good.dir])).toBe(2);
    expect(await main(['validate', path.join(good.dir, 'does-not-exist')])).toBe(2);
    expect(await main(['frobnicate'])).toBe(2);
  });
});
