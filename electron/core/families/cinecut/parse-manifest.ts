// TRAILER_MANIFEST.json, the file a person edits at the `--review` gate (FORMATS.md §5.4).
// Validated against the same rules as CineCut's Pydantic model, with pointers such as
// `/clips/3/beat_type`; the record keeps counts and a content hash, never the clips.
import { createHash } from 'node:crypto';
import { trailerManifestSchema } from '../../../../shared/schemas/cinecut';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import { check } from '../../validate/zod-problems';
import type { CcManifestInfo } from './records';
import { finiteNumber, isObject, str } from './values';

export function parseTrailerManifest(input: ParseInput): { record?: { kind: 'manifest'; manifest: CcManifestInfo }; problems: ProblemDraft[] } {
  const data = input.data;
  const sha256 = createHash('sha256').update(input.text ?? '').digest('hex');
  if (!isObject(data)) {
    return {
      record: { kind: 'manifest', manifest: { sha256 } },
      problems: [{ severity: 'error', field: '', code: 'cc.manifest_not_object', message: 'the trailer manifest must be a JSON object; CineCut would refuse to load it' }],
    };
  }
  const { problems } = check(trailerManifestSchema, data);
  let durationS: number | undefined;
  let clipCount: number | undefined;
  if (Array.isArray(data.clips)) {
    clipCount = data.clips.length;
    durationS = 0;
    for (const c of data.clips) {
      if (!isObject(c)) continue;
      const a = finiteNumber(c.source_start_s);
      const b = finiteNumber(c.source_end_s);
      if (a !== undefined && b !== undefined && b > a) durationS += b - a;
    }
    durationS = Math.round(durationS * 1000) / 1000;
  }
  const music = isObject(data.music_bed) ? data.music_bed : undefined;
  const bpmGrid = isObject(data.bpm_grid) ? data.bpm_grid : undefined;
  return {
    record: {
      kind: 'manifest',
      manifest: {
        schemaVersion: str(data.schema_version),
        sourceFile: str(data.source_file),
        vibe: str(data.vibe),
        clipCount,
        durationS,
        musicTrack: music ? [str(music.track_name), str(music.artist_name)].filter(Boolean).join(' — ') || undefined : undefined,
        bpm: bpmGrid ? finiteNumber(bpmGrid.bpm) : undefined,
        sha256,
      },
    },
    problems,
  };
}

export function manifestSummary(m: CcManifestInfo): string | undefined {
  const parts: string[] = [];
  if (m.clipCount !== undefined) parts.push(`${m.clipCount} clip${m.clipCount === 1 ? '' : 's'}`);
  if (m.durationS !== undefined) parts.push(`${m.durationS} s`);
  if (m.vibe) parts.push(m.vibe);
  if (m.bpm !== undefined) parts.push(`${m.bpm} BPM`);
  if (m.schemaVersion) parts.push(`schema ${m.schemaVersion}`);
  return parts.length ? parts.join(' · ') : undefined;
}
