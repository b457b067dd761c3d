// Where OmniClaude files sit: `<base>/<ticket_id>/<run_id>/phase_<N>_<phase>_a<attempt>.yaml`
// (FORMATS.md §3.1), with `<base>` anywhere under a watched root (`~/.claude/checkpoints` or
// `$ONEX_STATE_DIR/checkpoints`). Greenlight's decision sidecars sit beside them under names
// the pipeline's `phase_*.yaml` glob never matches.
import type { Classification } from '../family-adapter';
import { canonicalUuid } from './run-id';

/** `phase_<N>_<name>_a<K>.yaml`; the name is lazy so `_a<K>` is the last one, as the reader's sort key. */
export const CHECKPOINT_NAME = /^phase_(\d+)_([a-z][a-z0-9_]*?)_a(\d+)\.yaml$/;
/** `SIDECAR_NAMES.omniclaude(phase, attempt)` = `greenlight-decision_<phase>_a<K>.json`. */
export const SIDECAR_NAME = /^greenlight-decision_([a-z][a-z0-9_]*?)_a(\d+)\.json$/;
/** The pipeline's list glob; anything matching it that is not a checkpoint name is a stray. */
const LIST_GLOB = /^phase_.*\.yaml$/;

export interface CheckpointName {
  ordinal: number;
  name: string;
  attempt: number;
}

export function parseCheckpointName(base: string): CheckpointName | undefined {
  const m = CHECKPOINT_NAME.exec(base);
  if (!m) return undefined;
  return { ordinal: Number(m[1]), name: m[2], attempt: Number(m[3]) };
}

export function parseSidecarName(base: string): { phase: string; attempt: number } | undefined {
  const m = SIDECAR_NAME.exec(base);
  return m ? { phase: m[1], attempt: Number(m[2]) } : undefined;
}

export interface RunDirs {
  base: string;
  ticketDir: string;
  runDir: string;
  /** Root-relative folder of the run. */
  runRel: string;
}

export function splitRunPath(rel: string): RunDirs | undefined {
  const parts = rel.split('/');
  if (parts.length < 3) return undefined;
  const base = parts[parts.length - 1];
  const runDir = parts[parts.length - 2];
  const ticketDir = parts[parts.length - 3];
  // Dot folders are not runs: `<run>/.review/` is where FORMATS suggests app-owned notes go.
  if (!runDir || !ticketDir || runDir.startsWith('.') || ticketDir.startsWith('.')) return undefined;
  return { base, ticketDir, runDir, runRel: parts.slice(0, -1).join('/') };
}

export function classifyOmniClaude(rel: string): Classification | null {
  const dirs = splitRunPath(rel);
  if (!dirs) return null;
  const { base, runRel } = dirs;
  const groupKey = 'oc:' + runRel;
  if (CHECKPOINT_NAME.test(base)) return { family: 'omniclaude', groupKey, role: 'checkpoint', format: 'pyyaml' };
  if (SIDECAR_NAME.test(base)) return { family: 'omniclaude', groupKey, role: 'decision', format: 'json' };
  // e.g. `phase_1_implement_a1.review.yaml`: the pipeline's globs would pick it up as a
  // checkpoint, so it is claimed (never decoded) only to warn about it — and only in a folder
  // that is plainly a run (a UUID or a short hex id), so unrelated `phase_*.yaml` stay alone.
  if (LIST_GLOB.test(base) && looksLikeRunDir(dirs.runDir)) return { family: 'omniclaude', groupKey, role: 'stray', format: 'none' };
  return null;
}

function looksLikeRunDir(name: string): boolean {
  return canonicalUuid(name) !== undefined || /^[0-9a-f]{6,32}$/i.test(name);
}
