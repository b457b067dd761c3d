import { afterEach, describe, expect, it } from 'vitest';
import { checkpointRelFor, openMontageStageFile } from '../../../../../electron/core/families/openmontage';
import { checkpoint, manifestYaml, tempProject } from './om-test-kit';

const P = 'projects/reef';
let t: ReturnType<typeof tempProject> | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

describe('OpenMontage decision target', () => {
  it('names the checkpoint to rewrite, its temp name and the history folder', async () => {
    t = tempProject();
    t.write('pipeline_defs/reef-explainer.yaml', manifestYaml('reef-explainer', [['script', true, true], ['publish', true, true]]));
    t.json(`${P}/checkpoint_script.json`, checkpoint('script', { status: 'awaiting_human', human_approval_required: true, artifacts: { script: {} } }));
    t.json(`${P}/checkpoint_edit.json`, checkpoint('edit', { status: 'in_progress' }));
    const run = (await t.index()).index.listRuns()[0];
    const script = run.stages.find((s) => s.name === 'script')!;
    expect(openMontageStageFile(run, 'script')).toEqual({
      fileId: script.fileId,
      rel: `${P}/checkpoint_script.json`,
      tmpRel: `${P}/checkpoint_script.json.tmp`,
      historyDir: `${P}/history`,
      writable: true,
      reason: undefined,
    });
    expect(openMontageStageFile(run, 'edit')).toMatchObject({ writable: false, reason: expect.stringContaining('in_progress') });
    // A synthesised stage has no file yet; an unknown stage has none at all.
    expect(openMontageStageFile(run, 'publish')).toBeUndefined();
    expect(openMontageStageFile(run, 'nope')).toBeUndefined();
    expect(openMontageStageFile({ ...run, family: 'twinklr' }, 'script')).toBeUndefined();
  });

  it('builds checkpoint paths for a project folder, including a root project', () => {
    expect(checkpointRelFor('projects/reef', 'scene_plan')).toBe('projects/reef/checkpoint_scene_plan.json');
    expect(checkpointRelFor('.', 'idea')).toBe('checkpoint_idea.json');
    expect(checkpointRelFor('', 'idea')).toBe('checkpoint_idea.json');
  });
});
