// Short, stable ids derived from content keys, so a run, gate or file keeps its id across
// restarts and re-indexing (the UI keeps its place; decisions refer to them).
import { hash } from 'node:crypto';

export function stableId(...parts: string[]): string {
  // Hot path on cold scans (every file, run, stage, gate and artifact gets one): the one-shot
  // hash gives the same digest as createHash(...).update(...).digest(...) in half the time.
  return hash('sha1', parts.join('\0'), 'base64url').slice(0, 16);
}
