import { describe, it, expect } from 'vitest';
import { parseTwinklrPath, twinklrGroupKey } from '../../../../../electron/core/families/twinklr/file-names';
import { twinklrAdapter } from '../../../../../electron/core/families/twinklr';

const P = 'artifacts/need_a_favor/checkpoints/plans';

describe('Twinklr file names', () => {
  it('reads iteration files with a run id, parsing the project from the right', () => {
    expect(parseTwinklrPath(`${P}/need_a_favor_a3f9b2c1_iter01_raw.json`)).toEqual({
      role: 'iteration-raw',
      project: 'need_a_favor',
      runId: 'a3f9b2c1',
      iteration: 1,
      checkpointsDir: 'artifacts/need_a_favor/checkpoints',
    });
    expect(parseTwinklrPath(`${P}/need_a_favor_a3f9b2c1_iter02_evaluation.json`)).toMatchObject({ role: 'iteration-evaluation', iteration: 2, runId: 'a3f9b2c1' });
  });

  it('reads iteration files without a run id (start_run() never called)', () => {
    const n = parseTwinklrPath(`${P}/need_a_favor_iter03_evaluation.json`);
    expect(n).toMatchObject({ role: 'iteration-evaluation', project: 'need_a_favor', iteration: 3 });
    expect(n!.runId).toBeUndefined();
  });

  it('reads 3-digit iterations from 100 on', () => {
    expect(parseTwinklrPath(`${P}/song_deadbeef_iter100_raw.json`)).toMatchObject({ iteration: 100, runId: 'deadbeef', project: 'song' });
  });

  it('keeps underscores and "iter" inside project names', () => {
    expect(parseTwinklrPath(`${P}/my_iter_song_iter01_raw.json`)).toMatchObject({ project: 'my_iter_song', iteration: 1 });
    // tried first, so an iteration file is never taken for a latest raw of project "x_iter01"
    expect(parseTwinklrPath(`${P}/x_iter01_raw.json`)).toMatchObject({ role: 'iteration-raw', project: 'x' });
  });

  it('reads the latest, final and old-era implementation files in plans/', () => {
    for (const type of ['raw', 'evaluation', 'final', 'implementation'] as const) {
      expect(parseTwinklrPath(`${P}/need_a_favor_${type}.json`)).toMatchObject({ role: type, project: 'need_a_favor' });
    }
  });

  it('reads audio and sequence files in checkpoints/, including the unset None project', () => {
    expect(parseTwinklrPath('artifacts/need_a_favor/checkpoints/need_a_favor_audio.json')).toMatchObject({ role: 'audio', project: 'need_a_favor', checkpointsDir: 'artifacts/need_a_favor/checkpoints' });
    expect(parseTwinklrPath('artifacts/need_a_favor/checkpoints/need_a_favor_sequence.json')).toMatchObject({ role: 'sequence' });
    expect(parseTwinklrPath('None/checkpoints/None_audio.json')).toMatchObject({ role: 'audio', project: 'None', checkpointsDir: 'None/checkpoints' });
  });

  it("reads Greenlight's decision sidecar as a decision, never as a Twinklr type file", () => {
    expect(parseTwinklrPath(`${P}/need_a_favor_decision.greenlight.json`)).toEqual({ role: 'decision', project: 'need_a_favor', runId: undefined, checkpointsDir: 'artifacts/need_a_favor/checkpoints' });
    expect(parseTwinklrPath(`${P}/need_a_favor_a3f9b2c1_decision.greenlight.json`)).toMatchObject({ role: 'decision', project: 'need_a_favor', runId: 'a3f9b2c1' });
    // a sidecar for a project literally named "x_final" is still a sidecar
    expect(parseTwinklrPath(`${P}/x_final_decision.greenlight.json`)).toMatchObject({ role: 'decision', project: 'x_final' });
  });

  it('claims nothing else', () => {
    for (const rel of [
      `${P}/need_a_favor_audio.json`, // audio lives one level up
      'artifacts/need_a_favor/checkpoints/need_a_favor_raw.json', // raw lives in plans/
      `${P}/notes.json`,
      `${P}/need_a_favor_iter01_raw.yaml`,
      `${P}/need_a_favor_a3f9b2c1_iter01_review.json`,
      'plans/need_a_favor_raw.json', // plans/ outside checkpoints/
      'cache/agent/sess/agent.raw/need_a_favor_a3f9b2c1_iter01/artifact.json', // FSCache successor
      'project/checkpoint_script.json',
      '',
      'a/../checkpoints/plans/x_raw.json',
    ]) {
      expect(parseTwinklrPath(rel), rel).toBeNull();
    }
  });

  it('groups by checkpoints folder and project', () => {
    const a = twinklrAdapter.classify(`${P}/need_a_favor_a3f9b2c1_iter01_raw.json`)!;
    const b = twinklrAdapter.classify('artifacts/need_a_favor/checkpoints/need_a_favor_audio.json')!;
    expect(a.groupKey).toBe('tw:artifacts/need_a_favor/checkpoints:need_a_favor');
    expect(b.groupKey).toBe(a.groupKey);
    expect(a).toMatchObject({ family: 'twinklr', format: 'json', role: 'iteration-raw' });
    expect(twinklrGroupKey({ checkpointsDir: 'checkpoints', project: 'p' })).toBe('tw:checkpoints:p');
    expect(twinklrAdapter.classify('checkpoints/plans/p_raw.json')!.groupKey).toBe('tw:checkpoints:p');
  });
});
