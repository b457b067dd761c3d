#!/usr/bin/env node
// The `greenlight` command: validate, serve, wait. Runs the built core (npm run build).
const path = require('node:path');
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const { SERVE_NODE_FLAGS } = require('./node-flags.cjs');

const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  console.error('greenlight: not built yet; run `npm run build` first');
  process.exit(2);
}

const args = process.argv.slice(2);
if (args[0] === 'serve' && !SERVE_NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
  // V8's heap flags only apply when node starts: serve starts node again with them. The child
  // is tied to this process by an IPC channel, so it ends when this one does, however it ends.
  const child = spawn(process.execPath, [...process.execArgv, ...SERVE_NODE_FLAGS, __filename, ...args], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
  // Ctrl-C reaches both processes (same process group); a signal sent to this one alone is passed on.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('error', (err) => {
    console.error(`greenlight: ${err.message}`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (require('node:os').constants.signals[signal] ?? 0) : 1)));
} else {
  // Started by the lines above: end with the parent.
  if (process.send) process.on('disconnect', () => process.exit(0));
  require(cli).main(args).then(
    (code) => {
      process.exitCode = code;
      if (process.send) process.disconnect();
    },
    (err) => {
      console.error(`greenlight: ${err && err.stack ? err.stack : err}`);
      process.exitCode = 2;
      if (process.send) process.disconnect();
    },
  );
}
