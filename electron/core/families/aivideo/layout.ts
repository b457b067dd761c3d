// Which files are aivideo exports. aivideo keeps its checkpoints in PostgreSQL and S3, so
// nothing on disk has a fixed name: a person saves API responses as JSON. Classification sees
// the path only, so the convention is:
//   - `*.aivideo.json` anywhere (e.g. `launch-teaser.aivideo.json`), or
//   - any `*.json` below a folder named `aivideo` or `aivideo-exports` (any case),
//   - and `aivideo.config.json` in such a folder (or anywhere) is the folder's backend config.
// Files in one folder form one group; the adapter splits it into one run per video_id.
// Greenlight's own files (`greenlight*`) and dot files are never exports.
import type { Classification } from '../family-adapter';

export const CONFIG_NAME = 'aivideo.config.json';
const EXPORT_SUFFIX = '.aivideo.json';
const EXPORT_FOLDER = /^aivideo(-exports)?$/i;

export function folderOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '.' : rel.slice(0, i);
}

export function classifyAiVideo(rel: string): Classification | null {
  const parts = rel.split('/');
  const base = parts[parts.length - 1];
  const lower = base.toLowerCase();
  if (!lower.endsWith('.json') || base.startsWith('.') || lower.startsWith('greenlight')) return null;
  const groupKey = 'av:' + folderOf(rel);
  if (lower === CONFIG_NAME) return { family: 'aivideo', groupKey, role: 'config', format: 'json' };
  if (lower.endsWith(EXPORT_SUFFIX) || parts.slice(0, -1).some((p) => EXPORT_FOLDER.test(p))) {
    return { family: 'aivideo', groupKey, role: 'export', format: 'json' };
  }
  return null;
}
