// What media a work dir holds, looked up when the checkpoint is parsed: the proxy video, the
// keyframe images (a sample: a feature film yields hundreds), audio, and the finished trailer.
// Only names and sizes are kept; nothing outside the watched root is looked at.
import { readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { vibeSlug } from '../../../../shared/schemas/cinecut';
import { kindOf } from './artifact-kind';

export const MAX_KEYFRAME_ARTIFACTS = 12;
const MAX_ENTRIES = 5000;

export interface MediaFile {
  /** Name inside the work dir (or beside it, for the trailer). */
  name: string;
  /** Root-relative POSIX path. */
  rel: string;
  size?: number;
  mtimeMs?: number;
}

export interface WorkDirMedia {
  videos: MediaFile[];
  audio: MediaFile[];
  keyframeCount: number;
  keyframes: MediaFile[];
  trailers: MediaFile[];
  /** Every top-level file name, to resolve names the checkpoint gives. */
  names: string[];
}

export function emptyMedia(): WorkDirMedia {
  return { videos: [], audio: [], keyframeCount: 0, keyframes: [], trailers: [], names: [] };
}

export function scanWorkDir(opts: { workDirAbs: string; workDirRel: string; stem: string; vibe?: string }): WorkDirMedia {
  const media = emptyMedia();
  const { workDirAbs, workDirRel, stem, vibe } = opts;
  const rel = (name: string) => (workDirRel ? `${workDirRel}/${name}` : name);
  for (const name of listFiles(workDirAbs)) {
    media.names.push(name);
    const kind = kindOf(name);
    if (kind !== 'video' && kind !== 'audio') continue;
    const f: MediaFile = { name, rel: rel(name), ...statOf(path.join(workDirAbs, name)) };
    if (kind === 'video' && /_trailer/i.test(name)) media.trailers.push(f);
    else if (kind === 'video') media.videos.push(f);
    else media.audio.push(f);
  }
  const kfAbs = path.join(workDirAbs, 'keyframes');
  const images = listFiles(kfAbs)
    .filter((n) => kindOf(n) === 'image')
    .sort();
  media.keyframeCount = images.length;
  media.keyframes = images.slice(0, MAX_KEYFRAME_ARTIFACTS).map((name) => ({ name, rel: rel(`keyframes/${name}`), ...statOf(path.join(kfAbs, name)) }));
  // The conform output goes beside the source video, i.e. beside the work dir; only look there
  // when that folder is inside the watched root (the work dir is not the root itself).
  if (workDirRel && vibe) {
    const name = `${stem}_trailer_${vibeSlug(vibe)}.mp4`;
    const abs = path.join(path.dirname(workDirAbs), name);
    if (existsSync(abs)) {
      const parentRel = workDirRel.includes('/') ? workDirRel.slice(0, workDirRel.lastIndexOf('/')) : '';
      media.trailers.push({ name, rel: parentRel ? `${parentRel}/${name}` : name, ...statOf(abs) });
    }
  }
  return media;
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .slice(0, MAX_ENTRIES)
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

function statOf(abs: string): { size?: number; mtimeMs?: number } {
  try {
    const st = statSync(abs);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return {};
  }
}

export function findByName(media: WorkDirMedia, name: string): MediaFile | undefined {
  return [...media.videos, ...media.audio, ...media.trailers].find((m) => m.name === name);
}
