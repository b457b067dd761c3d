// Short, stable ids derived from content keys, so a run, gate or file keeps its id across
// restarts and re-indexing (the UI keeps its place; decisions refer to them).
import { createHash } from 'node:crypto';

export function stableId(...parts: string[]): string {
  // Hot path on cold scans (every file, run, stage, gate and artifact gets one).
  return createHash('sha1').update(parts.join('\0')).digest('base64url').slice(0, 16);
}
