// Shared by the fault tests: bundle a TypeScript worker so a child process runs the real decide
// path, build a workspace with many waiting gates of every family that writes to disk, and
// judge a folder after a crash: every file must be its old or its new version, whole.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { auditEntrySchema } from '../../../electron/core/decide/audit-log';
import { decisionSidecarSchema } from '../../../shared/decision-sidecar';
import { decisionFileSchema } from '../../../shared/schemas/gate-protocol';

const PROJECT = path.resolve(__dirname, '../../..');

/** Bundles `entry` (TypeScript) into one CommonJS file runnable with plain node. */
export async function bundleWorker(entry: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, path.basename(entry).replace(/\.ts$/, '.cjs'));
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'silent', sourcemap: false });
  return outfile;
}

export function tempDir(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An OpenMontage checkpoint waiting for a person (our own content). */
export function omAwaiting(projectId: string, stage = 'script', extra: Record<string, unknown> = {}): string {
  return (
    JSON.stringify(
      {
        version: '1.0',
        project_id: projectId,
        pipeline_type: 'animated-explainer',
        stage,
        status: 'awaiting_human',
        timestamp: '2026-11-20T10:00:00.123456+00:00',
        checkpoint_policy: 'guided',
        human_approval_required: true,
        human_approved: false,
        artifacts: { script: { title: `Script for ${projectId}`, sections: [{ id: 's1', text: 'Intro', duration_seconds: 6.5 }] } },
        ...extra,
      },
      null,
      2,
    ) + '\n'
  );
}

export function gateRequest(n: number): string {
  return JSON.stringify({ question: `Release batch ${n}?`, options: ['release', 'hold'], requested_at: '2026-11-20T10:00:00Z', context: { batch: n } }, null, 2) + '\n';
}

/**
 * A workspace with waiting gates of every family Greenlight writes into files: the sample
 * workspace (OpenMontage, Twinklr, OmniClaude, CineCut; aivideo needs its API and is left
 * out) plus `extraOm` OpenMontage projects and `extraGates` gate-protocol gates.
 */
export function makeDecisionTemplate(dir: string, extraOm = 10, extraGates = 10): void {
  const samples = path.join(dir, '.samples');
  execFileSync(process.execPath, [path.join(PROJECT, 'scripts/make-samples.mjs'), '--out', samples, '--now', '2026-11-20T12:00:00Z'], { stdio: 'pipe' });
  for (const family of ['openmontage', 'twinklr', 'omniclaude', 'cinecut']) cpSync(path.join(samples, family), path.join(dir, family), { recursive: true });
  rmSync(samples, { recursive: true, force: true });
  for (let i = 0; i < extraOm; i++) {
    const p = path.join(dir, 'openmontage', 'projects', `fault-${i}`);
    mkdirSync(p, { recursive: true });
    writeFileSync(path.join(p, 'checkpoint_script.json'), omAwaiting(`fault-${i}`));
  }
  mkdirSync(path.join(dir, 'gates'), { recursive: true });
  for (let i = 0; i < extraGates; i++) writeFileSync(path.join(dir, 'gates', `batch-${i}.gate.json`), gateRequest(i));
}

/** Every file below `dir` (dot-files included), root-relative POSIX path → bytes. */
export function snapshotFiles(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.set(r, readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}

const TAKEN = /(^|\/)\.greenlight-(.+)\.[0-9a-f]{12}\.taken\.tmp$/;
const TEMP = /(^|\/)\.greenlight-.+\.[0-9a-f]{12}\.tmp$/;
const OM_HISTORY = /^(.*)\/history\/checkpoint_([a-z_]+)_[A-Za-z0-9_]+\.json$/;

export interface CrashVerdict {
  violations: string[];
  /** Originals replaced by a whole new version. */
  changed: string[];
  /** Greenlight's temp files left behind (ignored by every reader). */
  leftovers: string[];
  /** Checkpoints caught inside a swap (taken aside, target absent) — put back by recovery. */
  takenAside: string[];
  auditLines: number;
}

/**
 * Judges a folder after Greenlight was killed while deciding: each original file is its old
 * bytes or a whole new version; each file Greenlight created is complete; the audit log holds
 * only whole lines.
 */
export function judgeAfterCrash(before: Map<string, Buffer>, after: Map<string, Buffer>): CrashVerdict {
  const v: CrashVerdict = { violations: [], changed: [], leftovers: [], takenAside: [], auditLines: 0 };
  const takenTargets = new Set<string>();
  for (const [rel, bytes] of after) {
    const taken = TAKEN.exec(rel);
    if (taken) {
      const target = `${rel.slice(0, rel.length - taken[0].length)}${taken[1]}${taken[2]}`;
      takenTargets.add(target);
      v.takenAside.push(target);
      // What is taken aside is always the version that was approved: the old bytes, whole.
      if (!before.get(target)?.equals(bytes)) v.violations.push(`${rel}: taken-aside copy is not the old ${target}`);
      continue;
    }
    if (TEMP.test(rel)) {
      v.leftovers.push(rel);
      continue;
    }
    const old = before.get(rel);
    if (old) {
      if (old.equals(bytes)) continue;
      const why = newVersionProblem(rel, old, bytes);
      if (why) v.violations.push(`${rel}: neither the old nor a whole new version (${why})`);
      else v.changed.push(rel);
      continue;
    }
    const why = createdFileProblem(rel, bytes, before);
    if (why) v.violations.push(`${rel}: ${why}`);
    if (rel.endsWith('audit.jsonl')) v.auditLines = bytes.toString('utf8').split('\n').filter(Boolean).length;
  }
  for (const rel of before.keys()) if (!after.has(rel) && !takenTargets.has(rel)) v.violations.push(`${rel}: vanished`);
  return v;
}

/** Greenlight rewrites only OpenMontage checkpoints; everything else it must leave byte for byte. */
function newVersionProblem(rel: string, old: Buffer, now: Buffer): string | undefined {
  if (!/\/checkpoint_[a-z_]+\.json$/.test(rel) || rel.includes('/history/')) return 'Greenlight never rewrites this file';
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  try {
    a = JSON.parse(old.toString('utf8'));
    b = JSON.parse(now.toString('utf8'));
  } catch (err) {
    return `does not parse: ${(err as Error).message}`;
  }
  const approved = b.status === 'completed' && b.human_approved === true;
  const review = (b.metadata as Record<string, Record<string, unknown>> | undefined)?.greenlight_review;
  const rejected = b.status === 'awaiting_human' && b.human_approved === false && review?.decision === 'changes_requested';
  if (!approved && !rejected) return `status ${String(b.status)}, human_approved ${String(b.human_approved)}`;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (['status', 'timestamp', 'human_approved', 'metadata', 'artifacts'].includes(key)) continue;
    if (!isDeepStrictEqual(a[key], b[key])) return `key ${key} changed`;
  }
  const strip = (x: unknown) => {
    const c = structuredClone(x ?? {}) as Record<string, Record<string, unknown>>;
    delete c.proposal_packet?.approval;
    return c;
  };
  if (!isDeepStrictEqual(strip(a.artifacts), strip(b.artifacts))) return 'artifacts changed beyond the proposal approval';
  return undefined;
}

function createdFileProblem(rel: string, bytes: Buffer, before: Map<string, Buffer>): string | undefined {
  const text = bytes.toString('utf8');
  if (rel.endsWith('.greenlight/audit.jsonl')) {
    if (text && !text.endsWith('\n')) return 'audit log ends in a torn line';
    for (const [i, line] of text.split('\n').entries()) {
      if (!line) continue;
      try {
        const r = auditEntrySchema.safeParse(JSON.parse(line));
        if (!r.success) return `audit line ${i + 1} is not an entry`;
      } catch {
        return `audit line ${i + 1} is torn: ${line.slice(0, 80)}`;
      }
    }
    return undefined;
  }
  const history = OM_HISTORY.exec(rel);
  if (history) {
    const original = before.get(`${history[1]}/checkpoint_${history[2]}.json`);
    if (!original) return 'history copy of an unknown checkpoint';
    return original.equals(bytes) ? undefined : `history copy is not the whole superseded checkpoint (${bytes.length} of ${original.length} bytes)`;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return `created file does not parse: ${(err as Error).message}`;
  }
  if (rel.endsWith('.decision.json')) return decisionFileSchema.safeParse(doc).success ? undefined : 'not a gate decision file';
  if (/(_decision\.greenlight\.json|greenlight-decision_[a-z_]+_a\d+\.json|greenlight_review\.json)$/.test(rel))
    return decisionSidecarSchema.safeParse(doc).success ? undefined : 'not a Greenlight decision sidecar';
  return 'unexpected file';
}
