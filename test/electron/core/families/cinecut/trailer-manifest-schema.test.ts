import { describe, it, expect } from 'vitest';
import { trailerManifestSchema, normaliseVibe } from '../../../../../shared/schemas/cinecut';
import { zodProblems } from '../../../../../electron/core/validate/zod-problems';
import { manifest } from './cinecut-fixtures';

function problems(data: unknown) {
  const r = trailerManifestSchema.safeParse(data);
  return r.success ? [] : zodProblems(r.error);
}

describe('TRAILER_MANIFEST schema (manifest/schema.py rules)', () => {
  it('accepts a full v2 manifest and extra keys (Pydantic ignores them)', () => {
    expect(problems(manifest('/films/film.mkv'))).toEqual([]);
    expect(problems(manifest('/films/film.mkv', { editor_note: 'tightened act 2' }))).toEqual([]);
  });

  it('accepts a minimal v1 manifest with defaults left out', () => {
    const v1 = {
      schema_version: '1.0',
      source_file: 'x',
      vibe: 'action',
      clips: [{ source_start_s: 0, source_end_s: 1.5, beat_type: 'breath', act: 'breath' }],
    };
    expect(problems(v1)).toEqual([]);
  });

  it('normalises the vibe like CineCut (case, spaces, aliases)', () => {
    expect(normaliseVibe('Sci Fi')).toBe('sci-fi');
    expect(normaliseVibe('scifi')).toBe('sci-fi');
    expect(problems(manifest('/f.mkv', { vibe: 'Sci Fi' }))).toEqual([]);
    expect(problems(manifest('/f.mkv', { vibe: 'SCI_FI' }))).toEqual([]);
    expect(problems(manifest('/f.mkv', { vibe: 'noir' }))[0]).toMatchObject({ field: '/vibe', message: expect.stringContaining('unknown vibe') });
  });

  it('reports clip rule violations with pointers', () => {
    const m = manifest('/f.mkv');
    m.clips[0].source_end_s = 121.0; // equal to start
    m.clips[1].beat_type = 'plot_twist';
    m.clips[1].act = 'act4';
    m.clips[2].transition = 'wipe';
    m.clips[2].money_shot_score = 1.5;
    m.clips[2].narrative_zone = 'ENDING';
    m.clips.push({ source_start_s: -1, source_end_s: 3, beat_type: 'breath', act: 'breath', transition: null });
    const fields = problems(m).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        '/clips/0/source_end_s',
        '/clips/1/beat_type',
        '/clips/1/act',
        '/clips/2/transition',
        '/clips/2/money_shot_score',
        '/clips/2/narrative_zone',
        '/clips/3/source_start_s',
        '/clips/3/transition',
      ]),
    );
    expect(problems(m).find((p) => p.field === '/clips/0/source_end_s')!.message).toBe('source_end_s (121) must be > source_start_s (121)');
  });

  it('reports manifest-level rules', () => {
    expect(problems(manifest('/f.mkv', { clips: [] })).map((p) => p.field)).toEqual(['/clips']);
    expect(problems(manifest('/f.mkv', { bpm_grid: { bpm: 0, beat_count: 3, source: 'librosa' } })).map((p) => p.field)).toEqual(['/bpm_grid/bpm']);
    expect(problems(manifest('/f.mkv', { music_bed: { track_id: '1' } })).map((p) => p.field)).toEqual(
      expect.arrayContaining(['/music_bed/track_name', '/music_bed/local_path']),
    );
    const { source_file, ...noSource } = manifest('/f.mkv');
    void source_file;
    expect(problems(noSource).map((p) => p.field)).toEqual(['/source_file']);
    expect(problems(manifest('/f.mkv', { structural_anchors: { begin_t: -2, escalation_t: 1, climax_t: 2 } })).map((p) => p.field)).toEqual(['/structural_anchors/begin_t']);
  });
});
