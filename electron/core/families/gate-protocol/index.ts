// Adapter for Greenlight's own gate protocol: each `<name>.gate.json` is a one-stage run whose
// gate waits until `<name>.decision.json` appears beside it.
import path from 'node:path';
import type { Artifact, Gate, Run, Stage } from '../../../../shared/model';
import { DECISION_SUFFIX, GATE_SUFFIX, decisionFileSchema, gateFileSchema, type DecisionFile, type GateFile } from '../../../../shared/schemas/gate-protocol';
import { check } from '../../validate/zod-problems';
import type { FamilyAdapter, ParsedFile } from '../family-adapter';
import { artifactKindOf, resolveInside } from '../shared/artifact-paths';
import { futureTimeProblem } from '../shared/future-time';

type GateRecord = { kind: 'gate'; gate: Partial<GateFile>; artifacts: Artifact[] } | { kind: 'decision'; decision: DecisionFile };

export const gateProtocolAdapter: FamilyAdapter<GateRecord> = {
  family: 'gate',
  classify(rel) {
    const base = path.posix.basename(rel);
    const dir = path.posix.dirname(rel);
    if (base.endsWith(GATE_SUFFIX) && base.length > GATE_SUFFIX.length)
      return { family: 'gate', groupKey: `gate:${dir}/${base.slice(0, -GATE_SUFFIX.length)}`, role: 'gate', format: 'json' };
    if (base.endsWith(DECISION_SUFFIX) && base.length > DECISION_SUFFIX.length)
      return { family: 'gate', groupKey: `gate:${dir}/${base.slice(0, -DECISION_SUFFIX.length)}`, role: 'decision', format: 'json' };
    return null;
  },
  parse(input) {
    if (input.classification.role === 'decision') {
      const { value, problems } = check(decisionFileSchema, input.data);
      return { record: value ? { kind: 'decision', decision: value } : undefined, problems };
    }
    const { value, problems } = check(gateFileSchema, input.data);
    const gate: Partial<GateFile> = value ?? (isObject(input.data) ? (input.data as Partial<GateFile>) : {});
    const artifacts: Artifact[] = [];
    const dirRel = path.posix.dirname(input.rel);
    (Array.isArray(gate.artifacts) ? gate.artifacts : []).forEach((ref, i) => {
      const p = typeof ref === 'string' ? ref : ref?.path;
      if (typeof p !== 'string') return;
      // The schema may have failed: a hand-written `name` can be anything, and the UI prints it.
      const name = typeof ref !== 'string' && typeof ref.name === 'string' ? ref.name : path.posix.basename(p);
      const resolved = resolveInside(input.rootPath, dirRel, p);
      if (!resolved.ok) {
        problems.push({ severity: 'error', field: `/artifacts/${i}`, code: 'path.escapes', message: resolved.reason });
        return;
      }
      if (resolved.outside) problems.push({ severity: 'error', field: `/artifacts/${i}`, code: 'path.symlink_escapes', message: resolved.outside });
      artifacts.push({
        id: `${input.fileId}:${i}`,
        name,
        kind: artifactKindOf(p),
        role: 'other',
        source: resolved.exists ? 'file' : 'missing',
        rel: resolved.rel,
      });
    });
    if (gate.requested_at !== undefined && typeof gate.requested_at === 'string' && Number.isNaN(Date.parse(gate.requested_at)))
      problems.push({ severity: 'error', field: '/requested_at', code: 'gate.bad_time', message: `not a date-time: "${gate.requested_at}"` });
    else if (typeof gate.requested_at === 'string') {
      if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(gate.requested_at.trim()))
        problems.push({ severity: 'warning', field: '/requested_at', code: 'gate.naive_time', message: `"${gate.requested_at}" has no time zone, so it is read as this computer's local time; write it with Z or an offset` });
      const future = futureTimeProblem(Date.parse(gate.requested_at), gate.requested_at, '/requested_at', 'gate.future_time');
      if (future) problems.push(future);
    }
    return { record: { kind: 'gate', gate, artifacts }, problems };
  },
  assemble(groupKey, files: ParsedFile<GateRecord>[], ctx) {
    const gateFile = files.find((f) => f.record?.kind === 'gate');
    if (!gateFile || gateFile.record?.kind !== 'gate') return [];
    const decisionFile = files.find((f) => f.record?.kind === 'decision');
    const decision = decisionFile?.record?.kind === 'decision' ? decisionFile.record.decision : undefined;
    const g = gateFile.record.gate;
    const name = groupKey.slice(groupKey.lastIndexOf('/') + 1);
    const runId = ctx.makeId('run', 'gate', groupKey);
    const stageId = ctx.makeId('stage', groupKey);
    const requestedAt = typeof g.requested_at === 'string' ? g.requested_at : new Date(gateFile.mtimeMs).toISOString();
    const timedOut = !decision && typeof g.timeout === 'number' && Date.parse(requestedAt) + g.timeout * 1000 < ctx.now();
    const gate: Gate = {
      id: ctx.makeId('gate', groupKey),
      runId,
      family: 'gate',
      stageId,
      stageName: name,
      title: typeof g.title === 'string' ? g.title : typeof g.question === 'string' ? g.question : name,
      status: decision ? (decision.auto ? 'auto_approved' : decision.approved ? 'approved' : 'rejected') : timedOut ? 'timed_out' : 'waiting',
      since: requestedAt,
      decisions: ['approve', 'reject'],
      unavailable: {
        edit: 'A protocol gate carries no editable checkpoint; the pipeline owns its files.',
        branch: 'The gate protocol has no notion of branches.',
      },
      decidedBy: decision?.decided_by,
      decidedAt: decision?.decided_at,
      note: decision?.note,
      fileId: gateFile.fileId,
      rel: gateFile.rel,
      question: typeof g.question === 'string' ? g.question : undefined,
      options: Array.isArray(g.options) ? g.options.filter((o): o is string => typeof o === 'string') : undefined,
    };
    const artifacts = gateFile.record.artifacts.map((a) => ({
      ...a,
      id: ctx.makeId('artifact', a.id),
      fileId: a.rel && a.source === 'file' ? ctx.fileIdFor(gateFile.rootId, a.rel) : undefined,
    }));
    if (g.context !== undefined)
      artifacts.unshift({ id: ctx.makeId('artifact', gateFile.fileId, '/context'), name: 'context', kind: 'json', role: 'canonical', source: 'inline', fileId: gateFile.fileId, pointer: '/context' });
    const stage: Stage = {
      id: stageId,
      name,
      order: 0,
      status: gate.status === 'waiting' ? 'awaiting_human' : gate.status === 'rejected' ? 'failed' : 'completed',
      startedAt: requestedAt,
      updatedAt: decision?.decided_at ?? requestedAt,
      attempts: 1,
      versions: [],
      gateRequired: true,
      gateId: gate.id,
      artifacts,
      fileId: gateFile.fileId,
      rel: gateFile.rel,
      flags: [],
    };
    const run: Run = {
      id: runId,
      family: 'gate',
      rootId: gateFile.rootId,
      folder: path.posix.dirname(gateFile.rel),
      project: typeof g.pipeline === 'string' ? g.pipeline : path.posix.basename(path.posix.dirname(gateFile.rel)) || name,
      title: gate.title,
      status: gate.status === 'waiting' ? 'waiting' : gate.status === 'rejected' || gate.status === 'timed_out' ? 'failed' : 'completed',
      startedAt: requestedAt,
      updatedAt: stage.updatedAt,
      stageCount: 1,
      currentStage: name,
      pendingGates: 0,
      errors: 0,
      warnings: 0,
      stages: [stage],
      iterations: [],
      gates: [gate],
      branches: [],
      artifacts: [],
      files: files.map((f) => ({ id: f.fileId, rootId: f.rootId, rel: f.rel })),
      meta: { timeout: typeof g.timeout === 'number' ? g.timeout : null, default: typeof g.default === 'string' ? g.default : null },
    };
    return [run];
  },
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
