// The examples in docs/examples run as documented: the pipeline writes a gate and waits, the
// desk's gate-protocol writer decides, the pipeline gets the answer and exits accordingly.
// `greenlight` is stood in for by a bundle of the wait command (the CLI wiring is the lead's).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gateProtocolWriter } from '../../../electron/core/decide/writers/gate-protocol-writer';
import { gateContext } from '../core/decide/writers/decide-kit';
import { makeTempDir } from '../../helpers/temp-dir';

const REPO = path.resolve(__dirname, '../../..');
const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;
const HAS_BASH = spawnSync('bash', ['--version']).status === 0;

let shim: ReturnType<typeof makeTempDir>;
let greenlight: string;
beforeAll(async () => {
  shim = makeTempDir('greenlight-cli-shim-');
  const entry = shim.write(
    'cli.ts',
    `import { waitCommand } from ${JSON.stringify(path.join(REPO, 'electron/cli/wait-command'))};
const [cmd, ...rest] = process.argv.slice(2);
if (cmd !== 'wait') process.exit(2);
waitCommand(rest, (s) => process.stdout.write(s + '\\n'), (s) => process.stderr.write(s + '\\n')).then((c) => process.exit(c));`,
  );
  const out = path.join(shim.dir, 'greenlight.cjs');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
  greenlight = `${process.execPath} ${out}`;
}, 60_000);
afterAll(() => shim?.cleanup());

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});

/** Start the example, wait for its gate, decide it with the desk's writer, return the exit. */
async function runExample(cmd: string, args: string[], decide: { decision: 'approve' | 'reject'; option?: string }) {
  tmp = makeTempDir('greenlight-example-');
  const dir = path.join(tmp.dir, 'gates');
  const child = spawn(cmd, [...args, dir, 'approve-cut'], { env: { ...process.env, GREENLIGHT: greenlight }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const gateFile = path.join(dir, 'approve-cut.gate.json');
  for (let i = 0; i < 200 && !existsSync(gateFile); i++) await new Promise((r) => setTimeout(r, 50));
  const { ctx, gate } = await gateContext(tmp.dir, (r) => r.family === 'gate');
  expect(gate).toMatchObject({ status: 'waiting', question: 'Ship the cut?', options: ['ship', 'hold'] });
  await new Promise((r) => setTimeout(r, 100));
  await gateProtocolWriter.decide({ ...ctx, now: new Date() }, { gateId: gate.id, ...decide, note: 'from the test' });
  const code = await exited;
  return { code, stdout, stderr };
}

describe('docs/examples', () => {
  it.skipIf(!HAS_BASH)('wait-on-gate.sh: exit 0 and the decision when approved', async () => {
    const r = await runExample('bash', [path.join(REPO, 'docs/examples/wait-on-gate.sh')], { decision: 'approve', option: 'ship' });
    expect(r.stderr).toContain('waiting for a decision');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^approved: \{"decision":"ship","approved":true,"note":"from the test"/);
  }, 30_000);

  it.skipIf(!HAS_PYTHON)('wait_on_gate.py (polling): exit 1 when rejected', async () => {
    const r = await runExample('python3', [path.join(REPO, 'docs/examples/wait_on_gate.py')], { decision: 'reject', option: 'hold' });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'hold', approved: false, note: 'from the test' });
  }, 30_000);

  it.skipIf(!HAS_PYTHON)('wait_on_gate.py --use-cli: exit 0 through greenlight wait', async () => {
    const r = await runExample('python3', [path.join(REPO, 'docs/examples/wait_on_gate.py'), '--use-cli'], { decision: 'approve' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: 'approve', approved: true });
  }, 30_000);
});
