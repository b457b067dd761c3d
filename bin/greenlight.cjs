#!/usr/bin/env node
// The `greenlight` command: validate, serve, wait. Runs the built core (npm run build).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(cli)) {
  console.error('greenlight: not built yet; run `npm run build` first');
  process.exit(2);
}
require(cli).main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`greenlight: ${err && err.stack ? err.stack : err}`); process.exitCode = 2; },
);
