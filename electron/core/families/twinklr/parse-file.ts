// Parses one decoded Twinklr file into a small record. The file's role comes from its name
// (file-names.ts); the shapes are FORMATS.md §2.2. A half-written file (Twinklr writes in
// place, not atomically) never reaches here: the core retries decoding first.
import { decisionSidecarSchema } from '../../../../shared/decision-sidecar';
import {
  twAudioSchema,
  twFinalSchema,
  twIterationEvaluationSchema,
  twIterationRawSchema,
  twSequenceSchema,
} from '../../../../shared/schemas/twinklr';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import { check } from '../../validate/zod-problems';
import { parseTwinklrPath, type TwName } from './file-names';
import { readEvaluation } from './read-evaluation';
import { readPlan } from './read-plan';
import type { TwRecord } from './records';
import { describeValue, finiteNumber, fmtScore, isObject, str } from './text';

/** The gate key Greenlight's decision sidecar must name for a Twinklr run. */
export const TW_GATE_KEY = 'final';

export function parseTwinklrFile(input: ParseInput): { record?: TwRecord; problems: ProblemDraft[] } {
  const name = parseTwinklrPath(input.rel);
  if (!name) {
    return { problems: [{ severity: 'error', field: '', code: 'tw.name', message: 'file name does not follow a Twinklr checkpoint pattern' }] };
  }
  const problems: ProblemDraft[] = [];
  if (name.project === 'None') {
    problems.push({
      severity: 'warning',
      field: '',
      code: 'tw.project_unset',
      message: 'project is "None": the job config left output_dir/project_name unset, so Twinklr wrote under None/',
    });
  }
  const data = input.data;
  if (name.role !== 'decision' && !isObject(data)) {
    problems.push({ severity: 'error', field: '', code: 'tw.not_object', message: 'a Twinklr checkpoint must be a JSON object' });
    return { record: emptyRecord(name), problems };
  }
  const obj = (isObject(data) ? data : {}) as Record<string, unknown>;
  const project = name.project;
  switch (name.role) {
    case 'iteration-raw': {
      problems.push(...check(twIterationRawSchema, obj).problems);
      wrapperAgreement(obj, name, problems);
      const { plan, problems: p } = 'plan' in obj ? readPlan(obj.plan, '/plan') : { plan: {}, problems: [] };
      problems.push(...p);
      return { record: { kind: 'iteration-raw', project, runId: name.runId, iteration: name.iteration!, plan }, problems };
    }
    case 'iteration-evaluation': {
      problems.push(...check(twIterationEvaluationSchema, obj).problems);
      wrapperAgreement(obj, name, problems);
      const { evaluation, problems: p } = 'evaluation' in obj ? readEvaluation(obj.evaluation, '/evaluation') : { evaluation: { shape: 'unknown' as const }, problems: [] };
      problems.push(...p);
      // The wrapper repeats score/decision beside the evaluation; use them when the body is unreadable.
      const wScore = finiteNumber(obj.score);
      const wDecision = str(obj.decision);
      if (evaluation.score !== undefined && wScore !== undefined && evaluation.scale === 10 && Math.abs(wScore - evaluation.score) > 1e-9) {
        problems.push({ severity: 'warning', field: '/score', code: 'tw.wrapper_mismatch', message: `score ${fmtScore(wScore)} differs from evaluation.score ${fmtScore(evaluation.score)}` });
      }
      if (evaluation.decision && wDecision && evaluation.shape === 'judge' && wDecision !== evaluation.decision) {
        problems.push({ severity: 'warning', field: '/decision', code: 'tw.wrapper_mismatch', message: `decision ${wDecision} differs from evaluation.decision ${evaluation.decision}` });
      }
      if (evaluation.score === undefined && wScore !== undefined) {
        evaluation.score = wScore;
        evaluation.rawScore = wScore;
        evaluation.scale = 10;
      }
      if (evaluation.decision === undefined && wDecision) evaluation.decision = wDecision;
      const planSections = finiteNumber(obj.plan_sections);
      return { record: { kind: 'iteration-evaluation', project, runId: name.runId, iteration: name.iteration!, evaluation, planSections }, problems };
    }
    case 'raw': {
      const { plan, problems: p } = readPlan(obj, '');
      problems.push(...p);
      return { record: { kind: 'raw', project, plan }, problems };
    }
    case 'evaluation': {
      const { evaluation, problems: p } = readEvaluation(obj, '');
      problems.push(...p);
      return { record: { kind: 'evaluation', project, evaluation }, problems };
    }
    case 'final':
      return parseFinal(obj, project, problems);
    case 'implementation': {
      const sections = Array.isArray(obj.sections) ? obj.sections.length : undefined;
      if (sections === undefined) problems.push({ severity: 'warning', field: '/sections', code: 'tw.implementation_sections', message: 'implementation has no "sections" list' });
      return { record: { kind: 'implementation', project, sections }, problems };
    }
    case 'audio': {
      problems.push(...check(twAudioSchema, obj).problems);
      const parts: string[] = [];
      const bpm = finiteNumber(obj.tempo_bpm);
      const dur = finiteNumber(obj.duration_s);
      if (bpm !== undefined) parts.push(`${fmtScore(bpm)} BPM`);
      if (dur !== undefined) parts.push(`${fmtScore(dur)} s`);
      return { record: { kind: 'audio', project, summary: parts.join(' · ') || 'audio features' }, problems };
    }
    case 'sequence': {
      problems.push(...check(twSequenceSchema, obj).problems);
      const parts: string[] = [];
      const xl = str(obj.xlights_version);
      const dur = finiteNumber(obj.duration_s);
      if (xl) parts.push(`xLights ${xl}`);
      if (dur !== undefined) parts.push(`${fmtScore(dur)} s`);
      const sv = str(obj.schema_version);
      if (sv) parts.push(`schema ${sv}`);
      return { record: { kind: 'sequence', project, summary: parts.join(' · ') || 'sequence analysis' }, problems };
    }
    case 'decision': {
      const { value, problems: p } = check(decisionSidecarSchema, data);
      problems.push(...p);
      if (value && value.gate !== TW_GATE_KEY) {
        problems.push({
          severity: 'warning',
          field: '/gate',
          code: 'tw.sidecar_gate',
          message: `decision is for gate "${value.gate}", but a Twinklr run has one gate, "${TW_GATE_KEY}" (accept the final plan)`,
        });
      }
      return { record: { kind: 'decision', project, runId: name.runId, sidecar: value }, problems };
    }
  }
}

function parseFinal(obj: Record<string, unknown>, project: string, problems: ProblemDraft[]): { record: TwRecord; problems: ProblemDraft[] } {
  problems.push(...check(twFinalSchema, obj).problems);
  const era: 'iteration' | 'old' = 'implementation' in obj || 'tokens_used' in obj || 'execution_time_s' in obj ? 'old' : 'iteration';
  const { plan, problems: pp } = isObject(obj.plan) ? readPlan(obj.plan, '/plan') : { plan: {}, problems: [] };
  problems.push(...pp);
  let evaluation;
  if ('evaluation' in obj && obj.evaluation !== null) {
    const r = readEvaluation(obj.evaluation, '/evaluation');
    evaluation = r.evaluation;
    problems.push(...r.problems);
  }
  const best = finiteNumber(obj.best_score);
  // best_score is a JudgeResponse score (0–10); a value above 10 can only be an old 0–100 one.
  const bestScale = best === undefined ? undefined : best > 10 ? 100 : 10;
  return {
    record: {
      kind: 'final',
      project,
      status: str(obj.status),
      era,
      plan,
      evaluation,
      iterations: finiteNumber(obj.iterations),
      bestScore: best === undefined ? undefined : bestScale === 100 ? best / 10 : best,
      bestScoreRaw: best,
      bestScoreScale: bestScale,
      reason: str(obj.reason),
      tokens: finiteNumber(obj.total_tokens) ?? finiteNumber(obj.tokens_used),
      durationS: finiteNumber(obj.duration_seconds) ?? finiteNumber(obj.execution_time_s),
    },
    problems,
  };
}

/** The wrapper's own run_id/iteration should repeat what the file name says. */
function wrapperAgreement(obj: Record<string, unknown>, name: TwName, problems: ProblemDraft[]) {
  const it = finiteNumber(obj.iteration);
  if (it !== undefined && name.iteration !== undefined && it !== name.iteration) {
    problems.push({
      severity: 'warning',
      field: '/iteration',
      code: 'tw.iteration_mismatch',
      message: `file name says iteration ${name.iteration} but the file says ${it}; the file name is used`,
    });
  }
  if ('run_id' in obj) {
    const rid = obj.run_id;
    const inFile = typeof rid === 'string' ? rid : undefined;
    if (inFile !== name.runId && !(rid === null && name.runId === undefined)) {
      problems.push({
        severity: 'warning',
        field: '/run_id',
        code: 'tw.run_id_mismatch',
        message: `file name says run ${name.runId ?? '(none)'} but the file says ${inFile ?? describeValue(rid)}; the file name is used`,
      });
    }
  }
}

function emptyRecord(name: TwName): TwRecord {
  const project = name.project;
  switch (name.role) {
    case 'iteration-raw':
      return { kind: 'iteration-raw', project, runId: name.runId, iteration: name.iteration!, plan: {} };
    case 'iteration-evaluation':
      return { kind: 'iteration-evaluation', project, runId: name.runId, iteration: name.iteration!, evaluation: { shape: 'unknown' } };
    case 'raw':
      return { kind: 'raw', project, plan: {} };
    case 'evaluation':
      return { kind: 'evaluation', project, evaluation: { shape: 'unknown' } };
    case 'final':
      return { kind: 'final', project, era: 'iteration', plan: {} };
    case 'implementation':
      return { kind: 'implementation', project };
    case 'audio':
      return { kind: 'audio', project, summary: 'audio features' };
    case 'sequence':
      return { kind: 'sequence', project, summary: 'sequence analysis' };
    case 'decision':
      return { kind: 'decision', project, runId: name.runId };
  }
}
