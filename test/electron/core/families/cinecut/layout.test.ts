import { describe, it, expect } from 'vitest';
import { cineCutAdapter, locateCineCut } from '../../../../../electron/core/families/cinecut';
import { SIDECAR_NAMES } from '../../../../../shared/decision-sidecar';

describe('CineCut layout', () => {
  it('claims the checkpoint, both manifests and the Greenlight sidecar of a work dir', () => {
    const w = 'films/film_cinecut_work';
    expect(locateCineCut(`${w}/pipeline_checkpoint.json`)).toEqual({ role: 'checkpoint', workDir: w });
    expect(locateCineCut(`${w}/TRAILER_MANIFEST.json`)).toEqual({ role: 'manifest', workDir: w });
    expect(locateCineCut(`${w}/ASSEMBLY_MANIFEST.json`)).toEqual({ role: 'assembly-manifest', workDir: w });
    expect(locateCineCut(`${w}/${SIDECAR_NAMES.cinecut()}`)).toEqual({ role: 'decision', workDir: w });
    const c = cineCutAdapter.classify(`${w}/pipeline_checkpoint.json`)!;
    expect(c).toEqual({ family: 'cinecut', groupKey: `cc:${w}`, role: 'checkpoint', format: 'json' });
  });

  it("accepts the README's <stem>_work folder and a checkpoint at the root", () => {
    expect(locateCineCut('films/film_work/pipeline_checkpoint.json')).toEqual({ role: 'checkpoint', workDir: 'films/film_work' });
    expect(locateCineCut('pipeline_checkpoint.json')).toEqual({ role: 'checkpoint', workDir: '' });
  });

  it('claims the trailer beside the source video into the work dir group, unread', () => {
    expect(locateCineCut('films/film_trailer_thriller.mp4')).toEqual({ role: 'trailer', workDir: 'films/film_cinecut_work' });
    expect(locateCineCut('films/my_film_trailer_sci_fi.mp4')).toEqual({ role: 'trailer', workDir: 'films/my_film_cinecut_work' });
    expect(locateCineCut('film_trailer_drama.mp4')).toEqual({ role: 'trailer', workDir: 'film_cinecut_work' });
    expect(locateCineCut('films/film_cinecut_work/film_trailer_final.mp4')).toEqual({ role: 'trailer', workDir: 'films/film_cinecut_work' });
    expect(cineCutAdapter.classify('films/film_trailer_thriller.mp4')).toMatchObject({ format: 'none', groupKey: 'cc:films/film_cinecut_work' });
  });

  it('claims nothing else', () => {
    for (const rel of [
      'films/film_trailer_blockbuster.mp4', // not a vibe slug
      'films/film.mkv',
      'films/film_cinecut_work/film_proxy.mp4',
      'films/film_cinecut_work/keyframes/000123.jpg',
      'films/film_cinecut_work/tmpab12.ckpt.tmp',
      'films/film_cinecut_work/keyframe_timestamps.json',
      'films/pipeline_checkpoint.json.bak',
      'a/../pipeline_checkpoint.json',
      '',
    ]) {
      expect(locateCineCut(rel), rel).toBeNull();
    }
  });
});
