// Builders for CineCut work dirs as the HEAD CLI leaves them (FORMATS.md §5), in temp folders.
import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../../../../fixtures/cinecut');

export const STAGES_DONE = ['proxy', 'subtitles', 'keyframes', 'structural', 'narrative', 'assembly', 'music'];

/** A finished HEAD checkpoint (12 fields) for a source video at `source` (absolute). */
export function checkpointV2(source: string, over: Record<string, unknown> = {}) {
  const dir = path.dirname(source);
  const stem = path.basename(source, path.extname(source));
  const work = path.join(dir, `${stem}_cinecut_work`);
  return {
    source_file: source,
    vibe: 'thriller',
    stages_complete: STAGES_DONE,
    proxy_path: path.join(work, `${stem}_proxy.mp4`),
    keyframe_count: 412,
    dialogue_event_count: 980,
    inference_complete: true,
    cache_hit: false,
    manifest_path: path.join(work, 'TRAILER_MANIFEST.json'),
    assembly_manifest_path: path.join(work, 'ASSEMBLY_MANIFEST.json'),
    proxy_duration_s: 6123.4,
    structural_anchors: { begin_t: 120.5, escalation_t: 1842.0, climax_t: 2714.0, source: 'llm' },
    ...over,
  };
}

/** The first dataclass (f427052): only 9 fields. */
export function checkpointV1(source: string, over: Record<string, unknown> = {}) {
  const { cache_hit, proxy_duration_s, structural_anchors, ...rest } = checkpointV2(source, {
    stages_complete: ['proxy', 'subtitles', 'keyframes', 'narrative', 'assembly'],
  });
  void cache_hit; void proxy_duration_s; void structural_anchors;
  return { ...rest, ...over };
}

export function manifest(source: string, over: Record<string, unknown> = {}) {
  const m = JSON.parse(readFileSync(path.join(FIXTURES, 'trailer-manifest-v2.json'), 'utf8'));
  return { ...m, source_file: source, ...over };
}

export const BASE_TIME = 1_772_000_000;

/** Lays out `films/<stem>.mkv` and its work dir; `put` writes JSON/bytes with mtime BASE_TIME + t. */
export function film(tmp: { dir: string; write(rel: string, content: string | Uint8Array): string }, stem = 'film') {
  const sourceRel = `films/${stem}.mkv`;
  const source = tmp.write(sourceRel, 'not really a film');
  const work = `films/${stem}_cinecut_work`;
  const put = (rel: string, data: unknown, t = 0) => {
    const abs = tmp.write(rel, typeof data === 'string' || data instanceof Uint8Array ? data : JSON.stringify(data, null, 2));
    utimesSync(abs, BASE_TIME + t, BASE_TIME + t);
    return abs;
  };
  return { source, work, stem, put };
}
