// `npm start [folder...]` (after the build): opens Greenlight on the folders (default: the
// sample workspace). Uses Electron when its binary is installed; on machines where it could not
// be downloaded, says so in one line and serves the same UI in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const samples = path.join(root, 'samples', 'workspace');

const requested = process.argv.slice(2).filter((a) => a !== '--');
const folders = (requested.length ? requested : [samples]).map((f) => path.resolve(process.cwd(), f));

// The sample workspace is generated, not committed: make it on first use.
if (folders.includes(samples) && !existsSync(samples)) {
  const maker = path.join(root, 'scripts', 'make-samples.mjs');
  if (existsSync(maker)) {
    const made = spawnSync(process.execPath, [maker], { cwd: root, stdio: 'inherit' });
    if (made.status !== 0) console.error('start: could not make the sample workspace (scripts/make-samples.mjs failed)');
  } else console.error('start: samples/workspace does not exist and scripts/make-samples.mjs is not there to make it');
}

/** The Electron executable, or null when the package is installed without its binary. */
function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when it was never downloaded.
    const bin = require('electron');
    return typeof bin === 'string' && existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  });
  child.on('error', (err) => {
    console.error(`start: could not run ${cmd}: ${err.message}`);
    process.exitCode = 1;
  });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function browserMode() {
  run(process.execPath, [path.join(root, 'bin', 'greenlight.cjs'), 'serve', '--open', '--', ...folders]);
}

const mainBundle = path.join(root, 'dist', 'electron', 'main.cjs');
const electron = electronBinary();
if (!existsSync(mainBundle)) {
  console.error('start: dist/electron/main.cjs is missing; run `npm run build` first (npm start does this)');
  process.exitCode = 2;
} else if (!electron) {
  console.log('Electron binary not available here (it could not be downloaded); opening Greenlight in browser mode instead.');
  browserMode();
} else {
  const args = [mainBundle];
  // Chromium refuses to start as root with its sandbox on (containers, CI runners).
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  args.push('--', ...folders);
  const headless = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if (!headless) run(electron, args);
  else if (hasCommand('xvfb-run')) run('xvfb-run', ['-a', electron, ...args]);
  else {
    console.log('No display here (no DISPLAY or WAYLAND_DISPLAY, and no xvfb-run); opening Greenlight in browser mode instead.');
    browserMode();
  }
}
