import { describe, expect, it } from 'vitest';
import {
  isOpenMontageManifestGroup,
  manifestDependents,
  openMontageAdapter,
} from '../../../../../electron/core/families/openmontage';

const c = (rel: string) => openMontageAdapter.classify(rel);

describe('OpenMontage classify', () => {
  it('claims current checkpoints in all three layout generations and in any root', () => {
    for (const dir of ['projects/reef', 'pipeline/reef', 'pipelines/reef', 'work/clients/acme/reef']) {
      expect(c(`${dir}/checkpoint_script.json`)).toEqual({ family: 'openmontage', groupKey: `om:${dir}`, role: 'checkpoint', format: 'json' });
    }
  });

  it('treats a root that is itself the project folder as project ""', () => {
    expect(c('checkpoint_idea.json')).toMatchObject({ groupKey: 'om:', role: 'checkpoint' });
  });

  it('keeps underscores of stage names (scene_plan, character_design)', () => {
    expect(c('projects/reef/checkpoint_scene_plan.json')?.role).toBe('checkpoint');
    expect(c('projects/reef/checkpoint_character_design.json')?.groupKey).toBe('om:projects/reef');
  });

  it('puts history copies in their project group, whatever their stamp suffix', () => {
    for (const name of ['checkpoint_scene_plan_20260712T0843278006200000.json', 'checkpoint_script_20260712T1025000000_1752310000000000000.json']) {
      expect(c(`projects/reef/history/${name}`)).toMatchObject({ groupKey: 'om:projects/reef', role: 'history', format: 'json' });
    }
  });

  it('claims project.json, decision_log.json and the Greenlight lineage sidecar', () => {
    expect(c('projects/reef/project.json')).toMatchObject({ groupKey: 'om:projects/reef', role: 'project' });
    expect(c('projects/reef/decision_log.json')).toMatchObject({ groupKey: 'om:projects/reef', role: 'decision_log' });
    expect(c('projects/reef/greenlight/lineage.json')).toMatchObject({ groupKey: 'om:projects/reef', role: 'lineage' });
  });

  it('claims pipeline manifests, grouped by the folder holding pipeline_defs/', () => {
    expect(c('pipeline_defs/animated-explainer.yaml')).toEqual({ family: 'openmontage', groupKey: 'om-manifests:', role: 'manifest', format: 'yaml' });
    expect(c('OpenMontage/pipeline_defs/cinematic.yml')).toMatchObject({ groupKey: 'om-manifests:OpenMontage', role: 'manifest' });
    expect(c('OpenMontage/pipeline_defs/README.md')).toBeNull();
  });

  it('never claims temp files or unrelated names', () => {
    expect(c('projects/reef/checkpoint_script.json.tmp')).toBeNull();
    expect(c('projects/reef/checkpoint_.json')).toBeNull();
    expect(c('projects/reef/pipeline_checkpoint.json')).toBeNull();
    expect(c('projects/reef/artifacts/script.json')).toBeNull();
    expect(c('projects/reef/checkpoint_script.yaml')).toBeNull();
    expect(c('')).toBeNull();
    expect(c('projects//checkpoint_script.json')).toBeNull();
    expect(c('../checkpoint_script.json')).toBeNull();
  });

  it('tells which groups a manifest change must re-assemble', () => {
    expect(isOpenMontageManifestGroup('om-manifests:')).toBe(true);
    expect(isOpenMontageManifestGroup('om:projects/reef')).toBe(false);
    const below = manifestDependents('om-manifests:OpenMontage')!;
    expect(below('om:OpenMontage/projects/reef')).toBe(true);
    expect(below('om:Other/projects/reef')).toBe(false);
    expect(below('om:OpenMontageX/reef')).toBe(false);
    const atRoot = manifestDependents('om-manifests:')!;
    expect(atRoot('om:projects/reef')).toBe(true);
    expect(manifestDependents('om:projects/reef')).toBeNull();
    expect(openMontageAdapter.dependents?.('om-manifests:')?.('om:pipeline/x')).toBe(true);
  });
});
