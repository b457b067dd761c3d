#!/usr/bin/env node
// `npm run bench [-- options]`: generates (or reuses) the synthetic workspace, then measures in
// one run — cold index against the read+parse floor, live latency over SSE, peak RSS, inbox and
// chart render in Chromium, approve latency — and prints a table, also saved as
// bench/results/<timestamp>.json with the machine it ran on. A benchmark reports: it exits 0
// whether targets hold or not, and 1 only when it crashed.
//
//   --scale 0.1           a smaller workspace (default 1: about 30,000 files, 180 MB)
//   --workers N           parse workers in the core (0: parse on the main thread)
//   --no-browser --no-live --no-approve   skip measures
//   --writes N --gates N --loads N        sample sizes (200, 100, 15)
//   --core FILE           a prebuilt core bundle (to compare revisions); --label TEXT names the run
//   --node-args "..."     flags for the core process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
//   --hold                keep the core serving after the cold index, for profiling by hand
//   --out DIR             where the workspace lives (default bench/workspace)
import { fork, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCore } from './build-core.mjs';
import { DEFAULT_OUT, ensureWorkspace, markDirty } from './generate-workspace.mjs';
import { makeClient } from './measures/http-client.mjs';
import { measureLiveLatency } from './measures/live-latency.mjs';
import { measureApprove, pickGates } from './measures/approve-latency.mjs';
import { measureChart, measureInbox, withBrowser } from './measures/chromium.mjs';
import { restoreFolders, snapshotFolders } from './measures/restore-workspace.mjs';
import { TARGETS, verdicts, formatTable } from './measures/targets.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// The core runs with the node flags `greenlight serve` starts with (bin/node-flags.cjs).
const { SERVE_NODE_FLAGS } = createRequire(import.meta.url)('../bin/node-flags.cjs');

function parseArgs(argv) {
  // 15 page loads: a fresh Chromium page varies by ±20 ms here, and a median of five moved by as much between runs.
  const o = { scale: 1, browser: true, live: true, approve: true, workers: undefined, out: DEFAULT_OUT, writes: 200, gates: 100, loads: 15, core: undefined, nodeArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const [k, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const v = () => inline ?? argv[++i];
    if (k === '--scale') o.scale = Number(v());
    else if (k === '--help' || k === '-h') {
      // The header comment of this file is the usage.
      const text = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
      console.log(text.slice(1, text.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
      process.exit(0);
    } else if (k === '--no-browser') o.browser = false;
    else if (k === '--no-live') o.live = false;
    else if (k === '--no-approve') o.approve = false;
    // Extra node flags for the core process, e.g. --node-args "--cpu-prof --cpu-prof-dir=/tmp/prof".
    else if (k === '--node-args') o.nodeArgs = v().split(/\s+/).filter(Boolean);
    else if (k === '--workers') o.workers = Number(v());
    else if (k === '--out') o.out = path.resolve(v());
    else if (k === '--writes') o.writes = Number(v());
    else if (k === '--gates') o.gates = Number(v());
    else if (k === '--loads') o.loads = Number(v());
    // A prebuilt core bundle (e.g. of an older revision, to compare before and after).
    else if (k === '--core') o.core = path.resolve(v());
    else if (k === '--label') o.label = v();
    // Keep the core serving after the measures (prints its URL) until Enter is pressed: for profiling by hand.
    else if (k === '--hold') o.hold = true;
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!(o.scale > 0 && o.scale <= 10)) throw new Error('--scale must be above 0 and at most 10');
  return o;
}

function machine() {
  const cpus = os.cpus();
  let cpuModel = cpus[0]?.model ?? 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    /* not Linux */
  }
  let chromium;
  try {
    chromium = execFileSync(process.env.GREENLIGHT_CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    chromium = undefined;
  }
  return { cpuModel, cores: cpus.length, memoryGiB: Math.round((os.totalmem() / 1073741824) * 10) / 10, node: process.version, platform: `${os.platform()} ${os.release()}`, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), chromium };
}

function coreArgs(o) {
  return o.workers === undefined ? [] : ['--workers', String(o.workers)];
}

/** One mode of the core, in a process of its own (it starts cold); its last line of output is the result. */
function runCoreMode(core, args, nodeFlags = []) {
  const out = execFileSync(process.execPath, [...nodeFlags, core, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop());
}

const runFloor = (core, workspace) => runCoreMode(core, ['floor', workspace]);

/** The floor's work on every core: the least time any index could take here. */
const runFloorParallel = (core, workspace) => runCoreMode(core, ['floor-parallel', workspace]);

/** A cold index without the file watcher: how much of the time is the index itself. */
const runIndexOnly = (core, workspace, o) => runCoreMode(core, ['index', workspace, '--no-watch', ...coreArgs(o)], [...SERVE_NODE_FLAGS, ...o.nodeArgs]);

function startCore(core, workspace, o) {
  const child = fork(core, ['serve', workspace, ...coreArgs(o)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [...SERVE_NODE_FLAGS, ...o.nodeArgs] });
  const waitFor = (type, timeoutMs = 30 * 60 * 1000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`core: no ${type} message after ${timeoutMs / 1000} s`)), timeoutMs);
      const onMsg = (m) => {
        if (m?.type !== type) return;
        clearTimeout(timer);
        child.off('message', onMsg);
        resolve(m);
      };
      child.on('message', onMsg);
      child.once('exit', (code) => reject(new Error(`core exited (${code}) before ${type}`)));
    });
  return { child, waitFor, send: (m) => child.send(m) };
}

const log = (s) => process.stdout.write(`${s}\n`);

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const started = new Date();
  let core = o.core;
  if (!core) {
    log('bench: building the core entry');
    core = await buildCore();
  }
  const { stamp, reused } = ensureWorkspace(o.out, { scale: o.scale, log });
  const workspace = o.out;
  const m = machine();
  log(`bench: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}, load ${m.loadavg.join(' ')}`);

  log('bench: floor (sequential read + parse), first pass');
  const floor1 = runFloor(core, workspace);
  log(`bench: the floor's work split over ${m.cores} threads (the least any index could take here)`);
  const spread1 = runFloorParallel(core, workspace);
  log('bench: cold index without the watcher, in a separate process');
  const indexOnly = runIndexOnly(core, workspace, o);
  log(`bench: cold index as \`greenlight serve\` does it (watcher on), in a separate process${o.workers !== undefined ? ` (${o.workers} parse workers)` : ''}`);
  const proc = startCore(core, workspace, o);
  const ready = await proc.waitFor('ready');
  const index = ready.index;
  log(`bench: indexed ${index.files} files, ${index.runs} runs, ${index.waitingGates} waiting gates in ${(index.ms / 1000).toFixed(2)} s`);
  log('bench: floor, second pass');
  const floor2 = runFloor(core, workspace);
  const spread2 = runFloorParallel(core, workspace);
  const floorMs = Math.min(floor1.ms, floor2.ms);
  const spread = spread1.ms <= spread2.ms ? spread1 : spread2;

  const client = makeClient({ port: ready.port, token: ready.token });
  const results = {
    index,
    indexOnly,
    floor: { ms: floorMs, cpuMs: Math.min(floor1.cpuMs, floor2.cpuMs), passes: [floor1.ms, floor2.ms], files: floor1.files, bytes: floor1.bytes },
    coldRatio: index.ms / floorMs,
    indexOnlyRatio: indexOnly.ms / floorMs,
    floorSpread: { ms: spread.ms, cpuMs: spread.cpuMs, threads: spread.threads, passes: [spread1.ms, spread2.ms], ratio: spread.ms / floorMs },
  };

  if (o.browser) {
    log('bench: Chromium: inbox and iteration chart');
    const snap = await client.call('getSnapshot');
    const chartRun = snap.runs.filter((r) => r.family === 'twinklr').sort((a, b) => (b.iterationCount ?? 0) - (a.iterationCount ?? 0))[0];
    await withBrowser(async (browser) => {
      results.inbox = { ...(await measureInbox(browser, { port: ready.port, token: ready.token, loads: o.loads })), runs: snap.runs.length, gates: snap.gates.length };
      if (chartRun) results.chart = { ...(await measureChart(browser, { port: ready.port, token: ready.token, runId: chartRun.id, loads: o.loads })), points: chartRun.iterationCount };
    });
  }

  if (o.hold) {
    log(`bench: holding the core at http://127.0.0.1:${ready.port}/?token=${ready.token} — press Enter to go on`);
    await new Promise((r) => process.stdin.once('data', r));
  }
  markDirty(workspace, true);
  const gates = await pickGates(client, o.gates);
  const targets = stamp.liveTargets.filter((rel) => !gates.some((g) => path.posix.dirname(g.rel) === path.posix.dirname(rel)));
  const touched = [...targets, ...gates.map((g) => g.rel)].map((rel) => path.dirname(path.join(workspace, ...rel.split('/'))));
  const snap = snapshotFolders(touched);
  try {
    if (o.live) {
      log(`bench: live latency over SSE (${o.writes} atomic writes)`);
      results.live = await measureLiveLatency({ client, workspace, targets, writes: o.writes });
    }
    if (o.approve) {
      log(`bench: approve through the API (${gates.length} gates)`);
      results.approve = await measureApprove({ client, workspace, gates });
    }
    proc.send({ type: 'rss' });
    results.rssAfterWrites = await proc.waitFor('rss', 10000);
  } finally {
    proc.send({ type: 'stop' });
    await proc.waitFor('stopped', 20000).catch(() => proc.child.kill());
    client.close();
    const r = restoreFolders(snap);
    fs.rmSync(path.join(workspace, '.greenlight'), { recursive: true, force: true });
    markDirty(workspace, false);
    log(`bench: workspace restored (${r.restored} files put back, ${r.removed} removed)`);
  }

  const rows = verdicts(results);
  log('');
  log(formatTable(rows));
  const record = { startedAt: started.toISOString(), label: o.label, core: o.core ?? 'bench/.build/core.cjs', nodeFlags: [...SERVE_NODE_FLAGS, ...o.nodeArgs], scale: o.scale, workers: o.workers, machine: m, workspace: { reused, files: stamp.files, bytes: stamp.bytes, media: stamp.media, counts: stamp.counts }, results, verdicts: rows, targets: TARGETS };
  const file = path.join(HERE, 'results', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(record, null, 2));
  log(`\nbench: results written to ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
