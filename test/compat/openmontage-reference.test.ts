// Compatibility with real OpenMontage files (FORMATS.md §1), read at run time from the shared
// reference folder and never copied into the project. Skipped when the folder is absent.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Run } from '../../shared/model';
import type { FamilyAdapter } from '../../electron/core/families/family-adapter';
import { openMontageAdapter, readManifest } from '../../electron/core/families/openmontage';
import type { ManifestRecord } from '../../electron/core/families/openmontage/records';
import { scanTree } from '../../electron/core/index/scan-tree';
import { parseYaml } from '../../electron/core/read/parse-yaml';
import { indexDir } from '../helpers/index-dir';
import { makeTempDir } from '../helpers/temp-dir';
import { REFERENCE_DIR } from '../helpers/reference-dir';

const REF = path.join(REFERENCE_DIR, 'calesthio-OpenMontage');
const EXAMPLES = path.join(REF, 'examples');
const present = existsSync(EXAMPLES);
if (!present) console.log(`OpenMontage reference files not found at ${REF}: compatibility tests skipped`);

const adapters = [openMontageAdapter as FamilyAdapter];
const gate = (run: Run, stage: string) => run.gates.find((g) => g.stageName === stage);

function loadManifest(era: 'head-cd9f3c1' | 'initial-a3e735c', name: string): { record?: ManifestRecord; errors: string[] } {
  const text = readFileSync(path.join(REF, era, 'pipeline_defs', `${name}.yaml`), 'utf8');
  const parsed = parseYaml(text);
  if (!parsed.ok) return { errors: parsed.problems.map((p) => p.message) };
  const { record, problems } = readManifest(parsed.data, name);
  return { record, errors: problems.filter((p) => p.severity === 'error').map((p) => `${p.field} ${p.message}`) };
}

/** `stage(CH)` notation of FORMATS.md §1.4: C = checkpoint_required, H = human_approval_default. */
function gateTable(m: ManifestRecord): string {
  return m.stages.map((s) => `${s.name}(${s.checkpointRequired ? 'C' : '-'}${s.humanApprovalDefault ? 'H' : '-'})`).join(' ');
}

let tmp: ReturnType<typeof makeTempDir> | undefined;
afterEach(() => {
  tmp?.cleanup();
  tmp = undefined;
});

describe.skipIf(!present)('OpenMontage reference examples', () => {
  it('recognises every real checkpoint as OpenMontage and reads it without errors', async () => {
    const all = await scanTree(EXAMPLES);
    const checkpoints = all.filter((abs) => /^checkpoint_.+\.json$/.test(path.basename(abs)));
    expect(checkpoints.length).toBeGreaterThanOrEqual(30);
    const { index, root } = await indexDir(EXAMPLES, adapters);
    const inRuns = new Set(index.listRuns().flatMap((r) => r.files.map((f) => f.rel)));
    for (const abs of checkpoints) {
      const rel = path.relative(root.path, abs).split(path.sep).join('/');
      expect(openMontageAdapter.classify(rel)).toMatchObject({ family: 'openmontage', role: 'checkpoint' });
      expect(inRuns.has(rel), rel).toBe(true);
    }
    // FORMATS.md §1.7: every copied file passes the HEAD schema except mingchao's, which only
    // break rules Greenlight reports as warnings (extra `notes`, path-string artifacts).
    const errors = index.listProblems().filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
    const mingchaoCodes = new Set(index.listProblems().filter((p) => p.file.rel.includes('mingchao-yangyang-c1/')).map((p) => p.code));
    expect([...mingchaoCodes].sort()).toEqual(['om.artifact_as_path', 'om.artifact_missing', 'om.unknown_key']);
    expect(index.listProblems().filter((p) => !p.file.rel.includes('mingchao-yangyang-c1/'))).toEqual([]);
  });

  it('gives exactly one waiting gate per pr366 awaiting_human snapshot, six in all', async () => {
    const base = path.join(EXAMPLES, 'pr366-awaiting-human');
    const waiting: string[] = [];
    for (const sha of readdirSync(base).sort()) {
      // Each snapshot is the same project at a different commit: index them separately.
      const { index } = await indexDir(path.join(base, sha), adapters);
      const runs = index.listRuns();
      expect(runs, sha).toHaveLength(1);
      const gates = index.waitingGates();
      expect(gates, sha).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: 'waiting', pendingGates: 1, currentStage: gates[0].stageName });
      expect(gates[0].since).toBe(runs[0].stages.find((s) => s.name === gates[0].stageName)?.updatedAt);
      waiting.push(gates[0].stageName);
    }
    expect(waiting.sort()).toEqual(['assets', 'compose', 'proposal', 'publish', 'scene_plan', 'script']);
  });

  it('reads the proposal snapshot: pending approval, inline packet, 0–5 review scores on script', async () => {
    const base = path.join(EXAMPLES, 'pr366-awaiting-human');
    const proposal = (await indexDir(path.join(base, '201f099'), adapters)).index.listRuns()[0];
    expect(gate(proposal, 'proposal')).toMatchObject({ status: 'waiting', note: 'Proposal approval pending', decisions: ['approve', 'reject', 'edit', 'branch'] });
    expect(proposal.stages[0].artifacts.map((a) => [a.name, a.role, a.source])).toEqual([
      ['proposal_packet', 'canonical', 'inline'],
      ['decision_log', 'supplementary', 'inline'],
    ]);
    const script = (await indexDir(path.join(base, '367224d'), adapters)).index.listRuns()[0];
    expect(script.stages[0].review).toMatchObject({ scale: 5, rawScore: 4.5, score: 9 });
  });

  it('shows the approved successors under pr366-final-5a7c43b with no waiting gate', async () => {
    const { index } = await indexDir(path.join(EXAMPLES, 'pr366-final-5a7c43b'), adapters);
    expect(index.waitingGates()).toEqual([]);
    const runs = index.listRuns();
    const photo = runs.find((r) => r.project === 'photosynthesis-explainer')!;
    const ming = runs.find((r) => r.project === 'mingchao-yangyang-c1')!;
    for (const stage of ['proposal', 'script', 'assets', 'compose', 'publish']) expect(gate(photo, stage)?.status, stage).toBe('approved');
    // scene_plan was approved (human_approved: true) in a file that dropped the gate flags;
    // without a manifest beside it nothing marks it as gated, so no gate, and certainly no wait.
    expect(gate(photo, 'scene_plan')).toBeUndefined();
    expect(photo.stages.find((s) => s.name === 'scene_plan')?.details).toMatchObject({ humanApproved: true });
    expect(gate(photo, 'proposal')?.note).toContain('approved budget $0.05');
    expect(gate(ming, 'publish')?.status).toBe('approved');
    expect(photo.title).toBe('How Photosynthesis Works');

    // mingchao: @-paths and relative path strings resolve to the copied artifact files.
    const mProposal = ming.stages.find((s) => s.name === 'proposal')!;
    expect(mProposal.artifacts[0]).toMatchObject({ source: 'file', rel: 'projects/mingchao-yangyang-c1/proposal_packet.json', role: 'canonical' });
    expect(gate(ming, 'proposal')).toMatchObject({ status: 'approved', decidedBy: 'user' });
    const compose = ming.stages.find((s) => s.name === 'compose')!;
    expect(compose.artifacts.map((a) => [a.name, a.source, a.kind])).toEqual([
      ['composition', 'file', 'json'],
      ['render_report', 'file', 'json'],
      ['output', 'missing', 'video'],
    ]);
    expect(compose.details).toMatchObject({ notes: expect.stringContaining('tiktok render complete') });
  });

  it('parses the real pipeline manifests of both generations into the FORMATS.md §1.4 gate table', () => {
    const head = (n: string) => loadManifest('head-cd9f3c1', n);
    const initial = (n: string) => loadManifest('initial-a3e735c', n);
    for (const era of ['head-cd9f3c1', 'initial-a3e735c'] as const) {
      for (const f of readdirSync(path.join(REF, era, 'pipeline_defs'))) {
        const m = loadManifest(era, f.replace(/\.yaml$/, ''));
        expect(m.errors, `${era}/${f}`).toEqual([]);
        expect(m.record?.stages.length, `${era}/${f}`).toBeGreaterThan(0);
      }
    }
    const STANDARD = 'idea(CH) script(CH) scene_plan(CH) assets(CH) edit(C-) compose(C-) publish(CH)';
    expect(gateTable(head('animated-explainer').record!)).toBe('research(--) proposal(CH) script(CH) scene_plan(CH) assets(CH) edit(C-) compose(C-) publish(CH)');
    expect(gateTable(head('animation').record!)).toBe(gateTable(head('animated-explainer').record!));
    expect(gateTable(head('cinematic').record!)).toBe('research(C-) proposal(CH) script(CH) scene_plan(CH) assets(CH) edit(C-) compose(C-) publish(CH)');
    expect(gateTable(head('character-animation').record!)).toBe(
      'research(--) proposal(CH) script(CH) character_design(CH) rig_plan(C-) scene_plan(CH) assets(CH) edit(C-) compose(C-) publish(CH)',
    );
    for (const n of ['avatar-spokesperson', 'clip-factory', 'hybrid', 'localization-dub', 'podcast-repurpose', 'screen-demo', 'talking-head']) {
      expect(gateTable(head(n).record!), n).toBe(STANDARD);
    }
    expect(gateTable(head('documentary-montage').record!)).toBe('idea(CH) scene_plan(CH) assets(CH) edit(CH) compose(C-)');
    expect(gateTable(head('framework-smoke').record!)).toBe('research(CH) script(CH)');
    // First release: assets gated nowhere; cinematic started at idea.
    for (const f of readdirSync(path.join(REF, 'initial-a3e735c', 'pipeline_defs'))) {
      const m = initial(f.replace(/\.yaml$/, '')).record!;
      expect(m.stages.find((s) => s.name === 'assets')?.gated ?? false, f).toBe(false);
    }
    expect(initial('cinematic').record!.stages[0].name).toBe('idea');
    expect(gateTable(initial('animated-explainer').record!).startsWith('research(--) proposal(CH)')).toBe(true);
  });

  it('gates real projects from a real manifest placed beside them', async () => {
    tmp = makeTempDir('greenlight-om-compat-');
    cpSync(path.join(REF, 'head-cd9f3c1', 'pipeline_defs'), path.join(tmp.dir, 'pipeline_defs'), { recursive: true });
    cpSync(path.join(EXAMPLES, 'pr366-final-5a7c43b', 'projects', 'photosynthesis-explainer'), path.join(tmp.dir, 'projects', 'photosynthesis-explainer'), { recursive: true });
    cpSync(path.join(EXAMPLES, 'pr490-776f660', 'pipelines', 'why-the-sky-is-blue'), path.join(tmp.dir, 'pipelines', 'why-the-sky-is-blue'), { recursive: true });
    const { index } = await indexDir(tmp.dir, adapters);
    const photo = index.listRuns().find((r) => r.project === 'photosynthesis-explainer')!;
    expect(photo.meta).toMatchObject({ manifest: 'animated-explainer v2.0', manifest_file: 'pipeline_defs/animated-explainer.yaml' });
    expect(photo.stages.map((s) => [s.name, s.gateRequired])).toEqual([
      ['research', false],
      ['proposal', true],
      ['script', true],
      ['scene_plan', true],
      ['assets', true],
      ['edit', false],
      ['compose', true], // not gated by the manifest, but the checkpoint asked for approval
      ['publish', true],
    ]);
    expect(gate(photo, 'scene_plan')?.status).toBe('approved');
    expect(photo.status).toBe('completed');
    expect(photo.stages.some((s) => s.flags.includes('gate_skipped'))).toBe(false);

    // The pre-gating project, read against today's gates: every gated stage was skipped.
    const sky = index.listRuns().find((r) => r.project === 'why-the-sky-is-blue')!;
    expect(sky.stages.filter((s) => s.flags.includes('gate_skipped')).map((s) => s.name)).toEqual(['proposal', 'script', 'scene_plan', 'assets']);
    expect(sky.stages.find((s) => s.name === 'publish')).toMatchObject({ status: 'pending', flags: ['synthesised'] });
    expect(sky.status).toBe('incomplete');
  });
});
