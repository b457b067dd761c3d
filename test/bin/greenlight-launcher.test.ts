// bin/greenlight.cjs starts `serve` in a node with the desk's flags (bin/node-flags.cjs), and
// that node never outlives the command: a signal is passed on, and a killed launcher takes it
// along. The launcher runs against a stand-in dist/cli.cjs that reports how it was started.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';

const REPO = path.resolve(__dirname, '../..');
let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => tmp?.cleanup());

function install(): string {
  tmp = makeTempDir();
  mkdirSync(path.join(tmp.dir, 'bin'));
  for (const f of ['greenlight.cjs', 'node-flags.cjs']) copyFileSync(path.join(REPO, 'bin', f), path.join(tmp.dir, 'bin', f));
  tmp.write(
    'dist/cli.cjs',
    // Like serve, it stops cleanly on SIGTERM once it is up (the handler is in place before it says so).
    `exports.main = async (args) => {
  const stopped = new Promise((resolve) => process.once('SIGTERM', resolve));
  console.log(JSON.stringify({ pid: process.pid, execArgv: process.execArgv, args }));
  if (args[0] !== 'serve') return 3;
  await stopped;
  return 0;
};`,
  );
  return path.join(tmp.dir, 'bin', 'greenlight.cjs');
}

function start(bin: string, args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const report = new Promise<{ pid: number; execArgv: string[]; args: string[] }>((resolve) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, report, exit };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(probe: () => boolean, ms = 10000) {
  const t0 = Date.now();
  while (!probe()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('bin/greenlight.cjs', () => {
  it('runs serve in a node started with the desk flags, and passes a signal on', async () => {
    const { SERVE_NODE_FLAGS } = await import('../../bin/node-flags.cjs');
    const run = start(install(), ['serve', 'some-folder']);
    const report = await run.report;
    expect(report.execArgv).toEqual(expect.arrayContaining(SERVE_NODE_FLAGS));
    expect(report.args).toEqual(['serve', 'some-folder']);
    expect(report.pid).not.toBe(run.child.pid);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    await until(() => !alive(report.pid));
  });

  it('takes the serve process along when the launcher is killed outright', async () => {
    const run = start(install(), ['serve']);
    const report = await run.report;
    run.child.kill('SIGKILL');
    await run.exit;
    await until(() => !alive(report.pid));
  });

  it('runs other commands in the same process, with their exit code', async () => {
    const run = start(install(), ['validate', 'x']);
    const report = await run.report;
    expect(report.pid).toBe(run.child.pid);
    expect(await run.exit).toBe(3);
  });
});
