// Files beside the checkpoints that are not checkpoints: Greenlight's own decision sidecars,
// and strays that the pipeline's `phase_*.yaml` glob would still try to load.
import { decisionSidecarSchema } from '../../../../shared/decision-sidecar';
import { isOcPhase } from '../../../../shared/schemas/omniclaude';
import { check } from '../../validate/zod-problems';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import { parseSidecarName } from './layout';
import type { OcDecisionRecord, OcStrayRecord } from './records';

export function parseDecision(input: ParseInput): { record?: OcDecisionRecord; problems: ProblemDraft[] } {
  const base = input.rel.slice(input.rel.lastIndexOf('/') + 1);
  const name = parseSidecarName(base) ?? { phase: '', attempt: 0 };
  const problems: ProblemDraft[] = [];
  if (!isOcPhase(name.phase)) {
    problems.push({
      severity: 'warning',
      field: '',
      code: 'oc.sidecar_phase',
      message: `decision file names phase "${name.phase}", which is not an OmniClaude phase; it cannot belong to any gate`,
    });
  }
  const { value, problems: schemaProblems } = check(decisionSidecarSchema, input.data);
  problems.push(...schemaProblems);
  if (value) {
    const expected = [name.phase, `${name.phase}_a${name.attempt}`];
    if (!expected.includes(value.gate)) {
      problems.push({
        severity: 'warning',
        field: '/gate',
        code: 'oc.sidecar_gate_mismatch',
        message: `gate is "${value.gate}" but the file name is for ${name.phase} attempt ${name.attempt}; the file name decides which checkpoint it answers`,
      });
    }
  }
  return { record: { kind: 'decision', phase: name.phase, attempt: name.attempt, sidecar: value }, problems };
}

export function parseStray(input: ParseInput): { record: OcStrayRecord; problems: ProblemDraft[] } {
  const base = input.rel.slice(input.rel.lastIndexOf('/') + 1);
  return {
    record: { kind: 'stray' },
    problems: [
      {
        severity: 'warning',
        field: '',
        code: 'oc.stray_phase_file',
        message: `"${base}" is not a checkpoint name (phase_<N>_<phase>_a<K>.yaml), but the pipeline's list glob phase_*.yaml (and possibly its read glob) would still load it as one and skip or fail on it; keep notes outside the run folder or under .review/`,
      },
    ],
  };
}
