// `npm test`: unit tests, then a build, then the end-to-end suites against `greenlight serve`
// in Debian's Chromium (and Electron where its binary exists). Ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function step(name, cmd, args) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

function vitest(project) {
  const out = path.join(results, `${project}.json`);
  step(`${project} tests`, process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests ?? 0;
    // A file that fails to load has no failed test of its own: count it as one failure.
    const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
    totals.failed += (r.numFailedTests ?? 0) + brokenFiles;
    totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else ok = false;
}

// The end-to-end suites need Debian's Chromium; install it when we may (root or sudo, apt).
function ensureChromium() {
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(exe)) return;
  const asRoot = process.getuid?.() === 0;
  const apt = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'];
  console.log(`Chromium not found at ${exe}: installing Debian's chromium package for the end-to-end tests`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync(asRoot ? args[0] : 'sudo', asRoot ? args.slice(1) : ['-n', ...args], { stdio: 'inherit', env });
  run(['apt-get', 'update', '-qq']);
  if (run(apt).status !== 0) console.log('Could not install chromium; the end-to-end suites will fail and say why.');
}

ensureChromium();
step('typecheck', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
vitest('unit');
if (step('build', process.execPath, [path.join(root, 'scripts/build.mjs')])) vitest('e2e');
else totals.failed++;

if (!ok && totals.failed === 0) totals.failed = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
