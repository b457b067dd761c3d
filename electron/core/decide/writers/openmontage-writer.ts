// OpenMontage records a decision by rewriting the stage's own checkpoint (FORMATS.md §1.6):
// the superseded file is copied into history/ first, exactly as lib/checkpoint.py archives
// it, then the SAME file is replaced — atomically, and only if it is still the version the
// person saw (swap-if-unchanged.ts) — with `status: "completed"`, `human_approved: true` and a
// new timestamp, every other key kept in its order and format.
//
// OpenMontage has no "rejected" status, so a rejection keeps the stage `awaiting_human` with
// `human_approved: false` and says what the person wants in the two places the schema allows:
// `artifacts.proposal_packet.approval` (proposal stage) and the free `metadata` object, where
// every decision also records who took it and when (`metadata.greenlight_review`).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DecideRequest, PlannedWrite } from '../../../../shared/decisions';
import { stageFromFileName } from '../../families/openmontage/layout';
import { copyExclusive } from '../atomic-write';
import { RefusedError, type DecisionContext, type DecisionWriter, type WriteResult } from '../decision-writer';
import {
  bool,
  detectEnsureAscii,
  getKey,
  getString,
  isObj,
  JsonSyntaxError,
  num,
  parseJsonTree,
  serializePython,
  setKey,
  str,
  type JsonNode,
  type JsonObj,
} from './json-tree';
import { alnumOnly, pythonUtcIsoformat } from './python-time';
import { recoverInterruptedSwaps, SwapConflictError, swapIfUnchanged } from './swap-if-unchanged';
import { absInRoot, dirnameRel, joinRel, previewOf, readGateFile, type TargetFile } from './target-file';

/** Where Greenlight notes who decided, when and why inside `metadata` (a free object in the schema). */
export const OM_REVIEW_KEY = 'greenlight_review';

/** The writer's own key order (lib/checkpoint.py `write_checkpoint`), for keys a file lacks. */
const KEY_ORDER = ['version', 'project_id', 'pipeline_type', 'stage', 'status', 'timestamp', 'checkpoint_policy', 'human_approval_required', 'human_approved'];
const keysBefore = (key: string) => KEY_ORDER.slice(0, KEY_ORDER.indexOf(key));

interface OmPlan {
  target: TargetFile;
  stage: string;
  next: Buffer;
  historyRel: string;
  writes: PlannedWrite[];
  details: Record<string, unknown>;
}

export const openMontageWriter: DecisionWriter = {
  async preview(ctx, req) {
    return previewOf(async () => (await plan(ctx, req)).writes);
  },

  async decide(ctx, req): Promise<WriteResult> {
    // A checkpoint left aside by a decision that crashed half-way is put back before anything else.
    const abs = ctx.gate.fileId ? ctx.resolve(ctx.gate.fileId) : undefined;
    if (abs) await recoverInterruptedSwaps(path.dirname(abs));
    const p = await plan(ctx, req);
    const expect = req.revision ?? p.target.sha256;
    // Archive first (as OpenMontage does), under the name it would use; never over a copy.
    const historyAbs = await copyExclusive(p.target.bytes, absInRoot(ctx.rootPath, p.historyRel));
    let after: string;
    try {
      // Not atomicWrite: its compare-then-rename can replace a version the agent renamed into
      // place in between (see swap-if-unchanged.ts); this never does.
      after = await swapIfUnchanged(p.target.abs, p.next, expect);
    } catch (err) {
      // The checkpoint was not replaced, so the copy archives nothing: take it back — unless the
      // agent wrote while the file was taken aside, when ours is the only archived copy of it.
      if (!(err instanceof SwapConflictError && err.supersededUnarchived)) await fs.rm(historyAbs, { force: true }).catch(() => {});
      throw err;
    }
    const historyRel = joinRel(dirnameRel(p.historyRel), path.basename(historyAbs));
    return {
      writes: p.writes.map((w) => (w.action === 'copy' ? { ...w, target: historyRel } : w)),
      file: p.target.rel,
      before: p.target.sha256,
      after,
      details: { ...p.details, history: historyRel },
    };
  },
};

async function plan(ctx: DecisionContext, req: DecideRequest): Promise<OmPlan> {
  if (ctx.run.family !== 'openmontage') throw new RefusedError('not an OpenMontage run');
  const target = await readGateFile(ctx, req.revision);
  const base = path.posix.basename(target.rel);
  const stage = stageFromFileName(base);
  if (!stage) throw new RefusedError(`${base} is not a current checkpoint (checkpoint_<stage>.json)`);

  const text = target.bytes.toString('utf8');
  const bom = text.startsWith('\ufeff');
  let root: JsonNode;
  try {
    root = parseJsonTree(bom ? text.slice(1) : text);
  } catch (err) {
    if (err instanceof JsonSyntaxError) throw new RefusedError(`${base} is not valid JSON (${err.message}); Greenlight does not rewrite it`);
    throw err;
  }
  if (!isObj(root)) throw new RefusedError(`${base} is not a JSON object; Greenlight does not rewrite it`);

  const status = getString(root, 'status');
  if (status === 'in_progress') throw new RefusedError('the agent is writing this stage (status in_progress); Greenlight never touches such a file');
  if (status !== 'awaiting_human') throw new RefusedError(`already decided: the checkpoint's status is ${status === undefined ? 'missing' : `"${status}"`}, not "awaiting_human"`);
  const metadata = getKey(root, 'metadata');
  if (metadata !== undefined && !isObj(metadata)) throw new RefusedError(`${base} has a "metadata" that is not an object; Greenlight does not rewrite it`);
  const earlier = metadata && getKey(metadata, OM_REVIEW_KEY);
  // A note carried over into a re-run (another timestamp) no longer decides anything.
  const earlierAt = isObj(earlier) ? getString(earlier, 'at') : undefined;
  if (isObj(earlier) && getString(earlier, 'decision') === 'changes_requested' && (earlierAt === undefined || earlierAt === getString(root, 'timestamp'))) {
    throw new RefusedError('already decided: changes were requested on this version; the agent re-runs the stage and writes a new one');
  }
  const packet = stage === 'proposal' ? proposalPacket(root) : undefined;
  const approval = packet ? getKey(packet, 'approval') : undefined;
  if (isObj(approval) && getString(approval, 'status') === 'rejected') throw new RefusedError('already decided: the proposal was rejected (proposal_packet.approval.status)');

  const historyRel = await historyRelFor(ctx, target, getKey(root, 'timestamp'), stage);
  const at = pythonUtcIsoformat(ctx.now);
  const details: Record<string, unknown> = { stage, decision: req.decision };
  const approve = req.decision === 'approve';
  setKey(root, 'status', str(approve ? 'completed' : 'awaiting_human'), keysBefore('status'));
  setKey(root, 'timestamp', str(at), keysBefore('timestamp'));
  setKey(root, 'human_approved', bool(approve), keysBefore('human_approved'));

  if (packet) {
    const a: JsonObj = isObj(approval) ? approval : { t: 'obj', entries: [] };
    const verdict = approve ? (req.note ? 'approved_with_changes' : 'approved') : 'rejected';
    setKey(a, 'status', str(verdict));
    if (req.note !== undefined) setKey(a, 'user_notes', str(req.note), ['status']);
    if (approve) {
      const budget = req.approvedBudgetUsd !== undefined ? num(req.approvedBudgetUsd) : estimatedBudget(packet);
      if (budget) setKey(a, 'approved_budget_usd', budget, ['status', 'user_notes']);
    }
    if (!isObj(approval)) setKey(packet, 'approval', a);
    details.proposalApproval = verdict;
  }
  // Who decided, when and why, in the one free object the schema has: OpenMontage itself keeps
  // only the human_approved flag, and has no "rejected" status at all — so a request for changes
  // lives only here (and, at the proposal stage, in the approval block). The adapter reads it.
  const review: JsonObj = { t: 'obj', entries: [['decision', str(approve ? 'approved' : 'changes_requested')]] };
  if (req.note !== undefined) review.entries.push(['note', str(req.note)]);
  review.entries.push(['by', str(ctx.by)], ['at', str(at)]);
  if (ctx.auto) review.entries.push(['auto', bool(true)]);
  if (isObj(metadata)) setKey(metadata, OM_REVIEW_KEY, review);
  else setKey(root, 'metadata', { t: 'obj', entries: [[OM_REVIEW_KEY, review]] });

  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const body = serializePython(root, { ensureAscii: detectEnsureAscii(bom ? text.slice(1) : text), newline });
  const trailing = /\r?\n$/.test(text) ? newline : '';
  const next = Buffer.from((bom ? '\ufeff' : '') + body + trailing, 'utf8');
  const what = approve
    ? `status "completed", human_approved true, timestamp ${at}${packet ? `, proposal approval "${details.proposalApproval}"` : ''}, metadata.${OM_REVIEW_KEY} says who approved`
    : `stays "awaiting_human" with human_approved false, timestamp ${at}; ${packet ? 'proposal approval "rejected" and ' : ''}metadata.${OM_REVIEW_KEY} records the request for changes`;
  return {
    target,
    stage,
    next,
    historyRel,
    details,
    writes: [
      { target: historyRel, action: 'copy', description: 'the current checkpoint is archived first, as OpenMontage archives a superseded checkpoint' },
      { target: target.rel, action: 'rewrite', description: `${base} rewritten atomically: ${what}; every other key kept` },
    ],
  };
}

function proposalPacket(root: JsonObj): JsonObj | undefined {
  const artifacts = getKey(root, 'artifacts');
  const packet = isObj(artifacts) ? getKey(artifacts, 'proposal_packet') : undefined;
  return isObj(packet) ? packet : undefined;
}

function estimatedBudget(packet: JsonObj): JsonNode | undefined {
  const estimate = getKey(packet, 'cost_estimate');
  const total = isObj(estimate) ? getKey(estimate, 'total_estimated_usd') : undefined;
  return total?.t === 'num' && /^[0-9]/.test(total.raw) ? total : undefined;
}

/**
 * `history/checkpoint_<stage>_<stamp>.json`, stamp = the alphanumeric characters of the
 * superseded file's timestamp (else its mtime in ns), `_<mtime_ns>` appended on a collision.
 */
async function historyRelFor(ctx: DecisionContext, target: TargetFile, ts: JsonNode | undefined, stage: string): Promise<string> {
  const dir = joinRel(dirnameRel(target.rel), 'history');
  let mtimeNs: string | undefined;
  const mtime = async () => (mtimeNs ??= String((await fs.stat(target.abs, { bigint: true })).mtimeNs));
  // Python's str() of the value; only a string or a number yields a usable stamp in practice.
  const stamp = alnumOnly(ts?.t === 'str' ? ts.v : ts?.t === 'num' ? ts.raw : '') || (await mtime());
  const first = joinRel(dir, `checkpoint_${stage}_${stamp}.json`);
  const exists = await fs
    .access(absInRoot(ctx.rootPath, first))
    .then(() => true)
    .catch(() => false);
  return exists ? joinRel(dir, `checkpoint_${stage}_${stamp}_${await mtime()}.json`) : first;
}
