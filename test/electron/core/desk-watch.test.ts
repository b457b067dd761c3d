// The live index under each family's real write pattern: temp file + rename (OpenMontage,
// CineCut), link from a temp name (omnibase_infra), in-place write (Twinklr), deletes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs, writeFileSync, linkSync, openSync, writeSync, closeSync, renameSync, unlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Desk } from '../../../electron/core/desk';
import type { DeskEvent } from '../../../shared/api-contract';
import { makeTempDir } from '../../helpers/temp-dir';
import { waitFor } from './watch/watch-kit';


const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function omCheckpoint(stage: string, status: string, approved: boolean, artifact: Record<string, unknown>) {
  return JSON.stringify(
    {
      version: '1.0',
      project_id: 'launch-teaser',
      pipeline_type: 'talking-head',
      stage,
      status,
      timestamp: new Date().toISOString().replace('Z', '+00:00'),
      checkpoint_policy: 'guided',
      human_approval_required: true,
      human_approved: approved,
      artifacts: artifact,
    },
    null,
    2,
  );
}

describe('Desk watching a folder', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let desk: Desk;
  const events: DeskEvent[] = [];

  beforeEach(async () => {
    tmp = makeTempDir();
    events.length = 0;
    desk = new Desk({ mode: 'cli', watch: true, debounceMs: 20 });
    desk.on('event', (e: DeskEvent) => events.push(e));
    await desk.addRoot(tmp.dir);
  });

  afterEach(async () => {
    await desk.close();
    tmp.cleanup();
  });

  const runs = (family: string) => desk.index.listRuns().filter((r) => r.family === family);

  it('OpenMontage: temp file + rename shows a waiting gate, and approval clears it; delete removes the run', async () => {
    const dir = path.join(tmp.dir, 'projects', 'launch-teaser');
    mkdirSync(dir, { recursive: true });
    const target = path.join(dir, 'checkpoint_script.json');
    const script = { script: { version: '1.0', title: 'Launch', sections: [{ id: 's1', text: 'Hello' }] } };
    await fs.writeFile(target + '.tmp', omCheckpoint('script', 'awaiting_human', false, script));
    await sleep(40);
    // The temp file alone never produces a run or a problem.
    expect(runs('openmontage')).toHaveLength(0);
    expect(desk.index.listProblems().filter((p) => p.file.rel.endsWith('.tmp'))).toHaveLength(0);
    renameSync(target + '.tmp', target);
    const gate = await waitFor(() => desk.index.waitingGates().find((g) => g.family === 'openmontage'), 'waiting OpenMontage gate');
    expect(gate.stageName).toBe('script');

    await fs.writeFile(target + '.tmp', omCheckpoint('script', 'completed', true, script));
    renameSync(target + '.tmp', target);
    await waitFor(() => !desk.index.waitingGates().some((g) => g.family === 'openmontage'), 'gate to clear');
    expect(runs('openmontage')[0].stages.find((s) => s.name === 'script')?.status).toBe('completed');

    unlinkSync(target);
    await waitFor(() => runs('openmontage').length === 0, 'run removal');
    await waitFor(() => events.some((e) => e.type === 'index' && e.removed.length > 0), 'a removal event for the UI');
  });

  it('Twinklr: an in-place write caught half-way keeps the last good version, then shows the new one', async () => {
    const plans = path.join(tmp.dir, 'artifacts', 'neon_nights', 'checkpoints', 'plans');
    mkdirSync(plans, { recursive: true });
    const file = path.join(plans, 'neon_nights_0a1b2c3d_iter01_evaluation.json');
    const evaluation = (score: number, decision: string) =>
      JSON.stringify(
        {
          run_id: '0a1b2c3d',
          iteration: 1,
          checkpoint_type: 'evaluation',
          evaluation: { decision, score, strengths: ['tight chorus'], issues: [], feedback_for_planner: 'more contrast', overall_assessment: 'ok' },
          plan_sections: 4,
          score,
          decision,
        },
        null,
        2,
      );
    await fs.writeFile(file, evaluation(5.5, 'SOFT_FAIL'));
    await waitFor(() => runs('twinklr')[0]?.iterations.find((i) => i.n === 1)?.score === 5.5, 'first evaluation');

    const next = evaluation(7.5, 'APPROVE');
    const fd = openSync(file, 'w');
    writeSync(fd, next.slice(0, Math.floor(next.length / 2)));
    await sleep(120); // the watcher sees a truncated file
    expect(runs('twinklr')[0]?.iterations.find((i) => i.n === 1)?.score).toBe(5.5);
    expect(desk.index.listProblems().filter((p) => p.family === 'twinklr' && p.severity === 'error')).toHaveLength(0);
    writeSync(fd, next.slice(Math.floor(next.length / 2)));
    closeSync(fd);
    await waitFor(() => runs('twinklr')[0]?.iterations.find((i) => i.n === 1)?.score === 7.5, 'completed in-place write');
    expect(desk.index.listProblems().filter((p) => p.family === 'twinklr' && p.severity === 'error')).toHaveLength(0);
  });

  it('Twinklr: a file that stays truncated is reported once retries run out', async () => {
    const plans = path.join(tmp.dir, 'artifacts', 'stuck', 'checkpoints', 'plans');
    mkdirSync(plans, { recursive: true });
    await fs.writeFile(path.join(plans, 'stuck_0a1b2c3d_iter01_evaluation.json'), '{"run_id": "0a1b2c3d", "iteration": 1, "checkpoint_ty');
    const problem = await waitFor(() => desk.index.listProblems().find((p) => p.file.rel.endsWith('stuck_0a1b2c3d_iter01_evaluation.json')), 'truncation problem', 5000);
    expect(problem.code).toBe('json.truncated');
    expect(problem.message).toMatch(/ends early/);
  });

  it('OmniClaude: a new attempt linked from a .ckpt temp file becomes current, the old one stays as history', async () => {
    const runDir = path.join(tmp.dir, 'OMN-77', '6f1c2f0e-3f43-4c1e-9d8e-0a3c5b7e9f11');
    mkdirSync(runDir, { recursive: true });
    const yaml = (attempt: number, sha: string) =>
      [
        'schema_version: 1.0.0',
        'run_id: 6f1c2f0e-3f43-4c1e-9d8e-0a3c5b7e9f11',
        'ticket_id: OMN-77',
        'phase: local_review',
        `timestamp_utc: '2026-11-20T10:0${attempt}:00.000000Z'`,
        'repo_commit_map:',
        `  omniclaude: ${sha}`,
        'artifact_paths: []',
        `attempt_number: ${attempt}`,
        'phase_payload:',
        '  phase: local_review',
        `  iteration_count: ${attempt}`,
        '  issue_fingerprints: []',
        `  last_clean_sha: ${sha}`,
        '',
      ].join('\n');
    const writeAttempt = (attempt: number, sha: string) => {
      const tmpName = path.join(runDir, `.ckpt_${attempt}abc.tmp`);
      writeFileSync(tmpName, yaml(attempt, sha));
      linkSync(tmpName, path.join(runDir, `phase_2_local_review_a${attempt}.yaml`));
      unlinkSync(tmpName);
    };
    writeAttempt(1, 'a1b2c3d');
    await waitFor(() => runs('omniclaude')[0]?.stages.find((s) => s.name === 'local_review'), 'first attempt');
    writeAttempt(2, 'b2c3d4e');
    const stage = await waitFor(() => {
      const s = runs('omniclaude')[0]?.stages.find((x) => x.name === 'local_review');
      return s && s.attempts === 2 ? s : undefined;
    }, 'second attempt');
    expect(stage.versions.length).toBeGreaterThanOrEqual(2);
    expect(stage.versions.find((v) => v.current)?.label).toMatch(/2/);
  });

  it('CineCut: mkstemp + replace updates the stage list', async () => {
    const work = path.join(tmp.dir, 'films', 'dusk_cinecut_work');
    mkdirSync(work, { recursive: true });
    const source = path.join(tmp.dir, 'films', 'dusk.mp4');
    await fs.writeFile(source, 'not really a film');
    const checkpoint = (stages: string[]) =>
      JSON.stringify(
        {
          source_file: source,
          vibe: 'drama',
          stages_complete: stages,
          proxy_path: null,
          keyframe_count: null,
          dialogue_event_count: null,
          inference_complete: null,
          cache_hit: null,
          manifest_path: null,
          assembly_manifest_path: null,
          proxy_duration_s: null,
          structural_anchors: null,
        },
        null,
        2,
      );
    const write = async (stages: string[]) => {
      const t = path.join(work, `tmp${Math.random().toString(36).slice(2, 8)}.ckpt.tmp`);
      await fs.writeFile(t, checkpoint(stages));
      renameSync(t, path.join(work, 'pipeline_checkpoint.json'));
    };
    await write(['proxy']);
    await waitFor(() => runs('cinecut')[0]?.stages.find((s) => s.name === 'proxy')?.status === 'completed', 'proxy stage');
    await write(['proxy', 'subtitles']);
    await waitFor(() => runs('cinecut')[0]?.stages.find((s) => s.name === 'subtitles')?.status === 'completed', 'subtitles stage');
    expect(desk.index.listProblems().filter((p) => p.family === 'cinecut' && p.severity === 'error')).toHaveLength(0);
  });

  it('gate protocol: a decision file beside the gate file decides it', async () => {
    await fs.writeFile(path.join(tmp.dir, 'deploy.gate.json'), JSON.stringify({ question: 'Ship it?', requested_at: new Date().toISOString() }));
    await waitFor(() => desk.index.waitingGates().find((g) => g.family === 'gate'), 'protocol gate');
    await fs.writeFile(
      path.join(tmp.dir, 'deploy.decision.json'),
      JSON.stringify({ decision: 'approve', approved: true, decided_by: 'ana', decided_at: new Date().toISOString() }),
    );
    await waitFor(() => !desk.index.waitingGates().some((g) => g.family === 'gate'), 'protocol gate decided');
  });

  it('a removed folder takes its runs with it', async () => {
    await fs.mkdir(path.join(tmp.dir, 'gates'), { recursive: true });
    await fs.writeFile(path.join(tmp.dir, 'gates', 'a.gate.json'), JSON.stringify({ question: 'A?', requested_at: new Date().toISOString() }));
    await waitFor(() => runs('gate').length === 1, 'gate run');
    await fs.rm(path.join(tmp.dir, 'gates'), { recursive: true });
    await waitFor(() => runs('gate').length === 0, 'gate run removal');
  });

  it('a new folder with its gates written at once shows them, and later writes into it too', async () => {
    // One tick: the files exist before the watcher has heard of the folder (it watches folders, not files).
    const dir = path.join(tmp.dir, 'agents', 'nightly');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.gate.json'), JSON.stringify({ question: 'A?', requested_at: new Date().toISOString() }));
    writeFileSync(path.join(tmp.dir, 'agents', 'b.gate.json'), JSON.stringify({ question: 'B?', requested_at: new Date().toISOString() }));
    await waitFor(() => runs('gate').length === 2, 'both gates of the new folders');
    writeFileSync(path.join(dir, 'c.gate.json'), JSON.stringify({ question: 'C?', requested_at: new Date().toISOString() }));
    await waitFor(() => runs('gate').length === 3, 'a gate written later into the new folder');
  });

  it('a renamed folder moves its runs to the new name', async () => {
    mkdirSync(path.join(tmp.dir, 'before'));
    await fs.writeFile(path.join(tmp.dir, 'before', 'a.gate.json'), JSON.stringify({ question: 'A?', requested_at: new Date().toISOString() }));
    await waitFor(() => runs('gate').length === 1, 'gate run');
    renameSync(path.join(tmp.dir, 'before'), path.join(tmp.dir, 'after'));
    await waitFor(() => {
      const files = runs('gate').flatMap((r) => r.files.map((f) => f.rel));
      return files.length === 1 && files[0] === 'after/a.gate.json';
    }, 'the run under the new folder name only');
  });

  it('falls back to polling with a visible warning when the OS runs out of watchers', async () => {
    const watcher = (desk as unknown as { watchers: Map<string, { simulateError(c: string): Promise<void> }> }).watchers.values().next().value!;
    await watcher.simulateError('ENOSPC');
    expect(events.some((e) => e.type === 'notice' && /polling/.test(e.notice.message))).toBe(true);
    expect(desk.listRoots()[0].polling).toBe(true);
    await fs.writeFile(path.join(tmp.dir, 'late.gate.json'), JSON.stringify({ question: 'Late?', requested_at: new Date().toISOString() }));
    await waitFor(() => desk.index.waitingGates().find((g) => g.family === 'gate'), 'change seen while polling');
  });
});
