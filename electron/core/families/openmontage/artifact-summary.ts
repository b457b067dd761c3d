// Kinds and one-line summaries of artifact values, so that lists show something useful
// without carrying artifact bodies in records. File kinds come from the shared extension table.
import type { ArtifactKind } from '../../../../shared/model';
import { artifactKindOf } from '../shared/artifact-paths';

export const kindFromPath = (p: string): ArtifactKind => artifactKindOf(p);

export function isMediaKind(kind: ArtifactKind): boolean {
  return kind === 'image' || kind === 'video' || kind === 'audio';
}

export function kindOfInline(value: unknown): ArtifactKind {
  return value !== null && typeof value === 'object' ? 'json' : 'text';
}

const SUMMARY_MAX = 120;
const TITLE_KEYS = ['title', 'topic', 'name', 'summary', 'description'];

/** A short description of an inline value: its title and the sizes of its main lists. */
export function summariseValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return clip(value.replace(/\s+/g, ' ').trim());
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of TITLE_KEYS) {
    const v = obj[k];
    if (typeof v === 'string' && v.trim()) {
      parts.push(clip(v.replace(/\s+/g, ' ').trim(), 70));
      break;
    }
  }
  let lists = 0;
  for (const [k, v] of Object.entries(obj)) {
    if (!Array.isArray(v) || lists >= 3) continue;
    parts.push(`${v.length} ${k.replace(/_/g, ' ')}`);
    lists++;
  }
  if (!parts.length) {
    const n = Object.keys(obj).length;
    return `${n} field${n === 1 ? '' : 's'}`;
  }
  return clip(parts.join(' · '));
}

function clip(s: string, max = SUMMARY_MAX): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
