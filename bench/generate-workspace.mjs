#!/usr/bin/env node
// The benchmark's synthetic workspace: at scale 1 about 2,000 OpenMontage projects of a
// nine-stage pipeline, 200 Twinklr runs of 20 iterations (one of them 1,000 iterations long, for
// the chart), 500 OmniClaude runs of 5 phases, 200 CineCut work folders and 100 aivideo exports.
// Deterministic for given parameters; a stamp file records them so a later run reuses the
// workspace instead of rewriting ~200 MB.
//
//   node bench/generate-workspace.mjs [--scale 0.1] [--out DIR] [--force]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeClock } from '../scripts/samples/clock.mjs';
import { makeWriter } from './generate/writer.mjs';
import { openMontage } from './generate/openmontage.mjs';
import { twinklr } from './generate/twinklr.mjs';
import { omniclaude } from './generate/omniclaude.mjs';
import { cinecut } from './generate/cinecut.mjs';
import { aivideo } from './generate/aivideo.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(REPO, 'bench', 'workspace');
/** Bump when the generated content changes, so stale workspaces are rebuilt. */
export const GENERATOR_VERSION = 4;
export const STAMP = '.bench-workspace.json';

export function countsFor(scale) {
  const n = (full) => Math.max(1, Math.round(full * scale));
  return {
    omProjects: n(2000),
    twRuns: n(200),
    twIterations: 20,
    // The chart needs its 1,000 points from scale 0.1 up; below that it shrinks with the rest.
    chartIterations: Math.max(10, Math.round(1000 * Math.min(1, scale * 10))),
    ocRuns: n(500),
    ocPhases: 5,
    ccFolders: n(200),
    avExports: n(100),
  };
}

export function generateWorkspace(out, { scale = 1, nowMs = Date.now() } = {}) {
  const counts = countsFor(scale);
  const clock = makeClock(nowMs);
  const w = makeWriter(out, path.join(REPO, 'samples', 'media'));
  const om = openMontage(w, clock, { projects: counts.omProjects });
  const tw = twinklr(w, clock, { runs: counts.twRuns, iterations: counts.twIterations, chartIterations: counts.chartIterations });
  const oc = omniclaude(w, clock, { runs: counts.ocRuns, phases: counts.ocPhases });
  const cc = cinecut(w, clock, { folders: counts.ccFolders });
  const av = aivideo(w, clock, { exports: counts.avExports });
  w.applyMtimes();
  const files = Object.values(w.stats).reduce((a, s) => a + s.files, 0);
  const bytes = Object.values(w.stats).reduce((a, s) => a + s.bytes, 0);
  const media = Object.values(w.stats).reduce((a, s) => a + s.media, 0);
  const stamp = {
    version: GENERATOR_VERSION,
    scale,
    nowMs,
    counts,
    files,
    bytes,
    media,
    perFamily: w.stats,
    openmontage: { states: om.states },
    /** In-progress OpenMontage checkpoints: what the live-latency measure rewrites. */
    liveTargets: om.live.map((l) => l.rel),
    twinklr: tw,
    omniclaude: oc,
    cinecut: cc,
    aivideo: av,
  };
  fs.writeFileSync(path.join(out, STAMP), JSON.stringify(stamp, null, 2));
  return stamp;
}

export function readStamp(out) {
  try {
    return JSON.parse(fs.readFileSync(path.join(out, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Reuses `out` when it was generated with the same scale and generator version and left clean. */
export function ensureWorkspace(out, { scale = 1, force = false, log = () => {} } = {}) {
  const stamp = readStamp(out);
  if (!force && stamp && stamp.version === GENERATOR_VERSION && stamp.scale === scale && !stamp.dirty) {
    log(`workspace: reusing ${path.relative(process.cwd(), out) || out} (${stamp.files} files, ${(stamp.bytes / 1048576).toFixed(0)} MB)`);
    return { stamp, reused: true };
  }
  if (fs.existsSync(out)) {
    if (fs.readdirSync(out).length && !stamp) throw new Error(`refusing to delete ${out}: not empty and not a bench workspace`);
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync(out, { recursive: true });
  const t0 = performance.now();
  const fresh = generateWorkspace(out, { scale });
  log(`workspace: generated ${fresh.files} files (${(fresh.bytes / 1048576).toFixed(0)} MB, plus ${fresh.media} media links) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return { stamp: fresh, reused: false };
}

/** Marks the workspace as being modified (measures write into it), or clean again. */
export function markDirty(out, dirty) {
  const stamp = readStamp(out);
  if (!stamp) return;
  stamp.dirty = dirty || undefined;
  fs.writeFileSync(path.join(out, STAMP), JSON.stringify(stamp, null, 2));
}

function parseCli(argv) {
  const opts = { scale: 1, out: DEFAULT_OUT, force: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [k, inline] = a.includes('=') ? a.split(/=(.*)/s) : [a, undefined];
    const value = () => inline ?? argv[++i];
    if (k === '--scale') opts.scale = Number(value());
    else if (k === '--out') opts.out = path.resolve(value());
    else if (k === '--force') opts.force = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!(opts.scale > 0 && opts.scale <= 10)) throw new Error('--scale must be a number above 0 and at most 10');
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseCli(process.argv.slice(2));
    ensureWorkspace(opts.out, { scale: opts.scale, force: opts.force, log: console.log });
  } catch (err) {
    console.error(`generate-workspace: ${err.message}`);
    process.exit(1);
  }
}
