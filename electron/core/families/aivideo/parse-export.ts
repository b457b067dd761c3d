// One exported API response → checkpoints, branches and video status. The shape is detected
// from the content (FORMATS.md §4.2/§4.4): the code returns bare arrays and objects, its docs
// and frontend describe wrapped ones, and a person may save any of them:
//   [{checkpoint, children}]                  GET /checkpoint-tree (bare tree)
//   [CheckpointResponse]                      GET /checkpoints
//   [BranchInfo]                              GET /branches
//   CheckpointResponse                        GET /checkpoints/{cid}
//   {video_id, status, current_checkpoint, checkpoint_tree, active_branches}   GET /api/status/{id}
//   {"tree": […]}, {"checkpoints": […]}, {"branches": […]}, {"checkpoint": {…}}  (wrapped, as documented)
import {
  AV_ARTIFACT_ID,
  AV_BRANCH_NAME,
  AV_CHECKPOINT_ID,
  AV_CHECKPOINT_STATUSES,
  AV_VIDEO_STATUSES,
  avArtifactSchema,
  avBranchInfoSchema,
  avCheckpointInfoSchema,
  avCheckpointSchema,
  avStatusSchema,
  avTreeNodeSchema,
  type AvCheckpointStatus,
  type AvPhase,
} from '../../../../shared/schemas/aivideo';
import { pointer as toPointer, zodProblems } from '../../validate/zod-problems';
import type { ParseInput, ProblemDraft } from '../family-adapter';
import type { AvArtifact, AvBranch, AvCheckpoint, AvExportRecord, AvSource } from './records';
import { readTimestamp } from './timestamps';
import type { z } from 'zod';

type Obj = Record<string, unknown>;
type ListKind = 'tree' | 'checkpoints' | 'branches';

const EXPECTED =
  'expected an aivideo API export: a checkpoint-tree array [{"checkpoint": …, "children": […]}], a status object ' +
  '{"video_id", "status", "current_checkpoint", "checkpoint_tree", "active_branches"}, a list of checkpoints or of ' +
  'branches, one checkpoint, or one of these wrapped as {"tree": […]}, {"checkpoints": […]}, {"branches": […]} or {"checkpoint": {…}}';

/** Primitive metadata longer than this is cut (prompts can be long). */
const META_TEXT_MAX = 200;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (isObj(v)) {
    const keys = Object.keys(v);
    return keys.length ? `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}` : 'an empty object';
  }
  return typeof v === 'string' ? 'a string' : `${typeof v} ${String(v)}`;
}

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const intIn = (v: unknown, min: number, max = Infinity) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : undefined;

export class ExportReader {
  readonly record: AvExportRecord = { kind: 'export', shapes: [], checkpoints: [], branches: [] };
  readonly problems: ProblemDraft[] = [];

  read(data: unknown) {
    if (Array.isArray(data)) {
      this.readList(data, '', undefined);
    } else if (isObj(data)) {
      this.readObject(data);
    } else {
      this.problems.push({ severity: 'error', field: '', code: 'av.unknown_shape', message: `${EXPECTED}; found ${describe(data)}` });
      return;
    }
    const r = this.record;
    if (!r.checkpoints.length && !r.branches.length && !r.status && !this.problems.some((p) => p.severity === 'error')) {
      this.problems.push({
        severity: 'warning',
        field: '',
        code: 'av.empty',
        message: 'the export holds no checkpoints, branches or video status (the API returns [] or null before the first phase finishes)',
      });
    }
  }

  private check<T extends z.ZodTypeAny>(schema: T, value: unknown, base: string) {
    const res = schema.safeParse(value);
    if (!res.success) {
      for (const p of zodProblems(res.error, { base })) {
        // zod says "Invalid input: expected string, received undefined"; say what is missing.
        const rest = p.field.slice(base.length);
        if (p.code !== 'schema.unknown_key' && rest && valueAt(value, rest) === undefined) {
          p.code = 'av.missing_field';
          p.message = `${rest.slice(rest.lastIndexOf('/') + 1).replace(/~1/g, '/').replace(/~0/g, '~')} is missing`;
        }
        this.problems.push(p);
      }
    }
  }

  private readObject(o: Obj) {
    if ('checkpoint_tree' in o || 'active_branches' in o || 'current_checkpoint' in o || ('video_id' in o && 'progress' in o)) {
      this.readStatus(o);
      return;
    }
    const wrapped = (['tree', 'checkpoints', 'branches'] as const).filter((k) => k in o);
    if (wrapped.length || ('checkpoint' in o && !('children' in o))) {
      for (const k of wrapped) {
        const v = o[k];
        this.record.shapes.push(`wrapped:${k}`);
        if (v === null) continue; // the API's "null instead of []"
        if (!Array.isArray(v)) {
          this.problems.push({ severity: 'error', field: `/${k}`, code: 'av.unknown_shape', message: `"${k}" must be a list, found ${describe(v)}` });
          continue;
        }
        this.readList(v, `/${k}`, k === 'tree' ? 'tree' : k);
      }
      if ('checkpoint' in o && !('children' in o)) {
        this.record.shapes.push('wrapped:checkpoint');
        if (o.checkpoint !== null) this.readCheckpoint(o.checkpoint, '/checkpoint', 'detail');
      }
      return;
    }
    if ('checkpoint' in o) {
      this.record.shapes.push('tree-node');
      this.readTree([o], '', true);
      return;
    }
    if ('phase_number' in o && ('id' in o || 'branch_name' in o)) {
      this.record.shapes.push('checkpoint');
      this.readCheckpoint(o, '', 'detail');
      return;
    }
    this.problems.push({ severity: 'error', field: '', code: 'av.unknown_shape', message: `${EXPECTED}; found ${describe(o)}` });
  }

  private detect(list: unknown[]): ListKind | undefined {
    const first = list.find(isObj);
    if (!first) return undefined;
    if ('checkpoint' in first) return 'tree';
    if ('latest_checkpoint_id' in first || 'can_continue' in first) return 'branches';
    if ('phase_number' in first && ('id' in first || 'video_id' in first)) return 'checkpoints';
    return undefined;
  }

  private readList(list: unknown[], base: string, expected: ListKind | undefined) {
    const kind = expected ?? this.detect(list);
    if (!expected) this.record.shapes.push(list.length ? kind ?? 'unknown-list' : 'empty-list');
    if (!list.length) return;
    if (!kind) {
      this.problems.push({ severity: 'error', field: base, code: 'av.unknown_shape', message: `${EXPECTED}; found a list whose first item is ${describe(list[0])}` });
      return;
    }
    if (kind === 'tree') this.readTree(list, base);
    else if (kind === 'checkpoints') list.forEach((c, i) => this.readCheckpoint(c, `${base}/${i}`, 'list'));
    else list.forEach((b, i) => this.readBranch(b, `${base}/${i}`));
  }

  /** Depth-first over the tree without recursion (exports nest as deep as the JSON allows). */
  private readTree(roots: unknown[], base: string, single = false) {
    const stack: Array<{ node: unknown; ptr: string; parent?: string }> = [];
    for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i], ptr: single ? base : `${base}/${i}` });
    while (stack.length) {
      const { node, ptr, parent } = stack.pop()!;
      if (!isObj(node) || !isObj(node.checkpoint)) {
        this.problems.push({
          severity: 'error',
          field: ptr,
          code: 'av.tree_node',
          message: `a checkpoint-tree node is {"checkpoint": {…}, "children": […]}; found ${describe(node)}`,
        });
        continue;
      }
      this.check(avTreeNodeSchema, node, ptr);
      const cp = this.readCheckpoint(node.checkpoint, `${ptr}/checkpoint`, 'tree', parent);
      const children = node.children;
      if (!Array.isArray(children)) continue;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], ptr: `${ptr}/children/${i}`, parent: cp?.id });
    }
  }

  private readStatusField(o: Obj, base: string): AvCheckpointStatus | undefined {
    const v = o.status;
    if (typeof v !== 'string') return undefined;
    const lower = v.toLowerCase();
    if (!(AV_CHECKPOINT_STATUSES as readonly string[]).includes(lower)) return undefined;
    if (v !== lower) {
      this.problems.push({
        severity: 'warning',
        field: `${base}/status`,
        code: 'av.status_case',
        message: `checkpoint status "${v}" is not lower case as the database stores it; read as "${lower}"`,
      });
    }
    return lower as AvCheckpointStatus;
  }

  private conventions(id: string | undefined, branch: string | undefined, base: string, idField: string) {
    if (id && !AV_CHECKPOINT_ID.test(id)) {
      this.problems.push({ severity: 'warning', field: `${base}/${idField}`, code: 'av.checkpoint_id', message: `checkpoint id "${id.slice(0, 60)}" does not look like the API's cp-<uuid>` });
    }
    if (branch && !AV_BRANCH_NAME.test(branch)) {
      this.problems.push({
        severity: 'warning',
        field: `${base}/branch_name`,
        code: 'av.branch_name',
        message: `branch "${branch.slice(0, 60)}" is not of the form the API generates (main, main-1, main-1-2, …)`,
      });
    }
  }

  readCheckpoint(value: unknown, base: string, source: AvSource, treeParent?: string): AvCheckpoint | undefined {
    if (!isObj(value)) {
      this.problems.push({ severity: 'error', field: base, code: 'av.checkpoint', message: `a checkpoint must be an object, found ${describe(value)}` });
      return undefined;
    }
    this.check(avCheckpointSchema, value, base);
    const id = str(value.id);
    const branch = str(value.branch_name);
    this.conventions(id, branch, base, 'id');
    const created = readTimestamp(value.created_at, `${base}/created_at`, this.problems);
    const approved = readTimestamp(value.approved_at, `${base}/approved_at`, this.problems);
    const cp: AvCheckpoint = {
      id: id ?? `#${base}`,
      videoId: str(value.video_id),
      branch,
      phase: intIn(value.phase_number, 1, 4) as AvPhase | undefined,
      version: intIn(value.version, 1),
      status: this.readStatusField(value, base),
      approvedAt: approved.iso,
      createdAt: created.iso,
      createdMs: created.ms,
      costUsd: money(value.cost_usd),
      parentId: 'parent_checkpoint_id' in value ? (typeof value.parent_checkpoint_id === 'string' ? value.parent_checkpoint_id : null) : undefined,
      treeParentId: treeParent,
      userId: str(value.user_id),
      editDescription: str(value.edit_description),
      pointer: base,
      source,
    };
    if (cp.status === 'approved' && !cp.approvedAt && value.approved_at == null) {
      this.problems.push({ severity: 'warning', field: `${base}/approved_at`, code: 'av.approved_without_time', message: 'the checkpoint is approved but approved_at is empty' });
    }
    if (cp.status === 'pending' && cp.approvedAt) {
      this.problems.push({ severity: 'warning', field: `${base}/approved_at`, code: 'av.pending_with_time', message: 'the checkpoint is pending but has an approved_at time' });
    }
    if (Array.isArray(value.artifacts) && value.artifacts.length) {
      cp.artifacts = [];
      value.artifacts.forEach((a, i) => {
        const art = this.readArtifact(a, `${base}/artifacts/${i}`);
        if (art) cp.artifacts!.push(art);
      });
    }
    this.record.checkpoints.push(cp);
    return cp;
  }

  private readArtifact(value: unknown, base: string, keyFromMap?: string): AvArtifact | undefined {
    if (!isObj(value)) {
      this.problems.push({ severity: 'error', field: base, code: 'av.artifact', message: `an artifact must be an object, found ${describe(value)}` });
      return undefined;
    }
    this.check(avArtifactSchema, value, base);
    const id = str(value.id);
    if (id && !AV_ARTIFACT_ID.test(id)) {
      this.problems.push({ severity: 'warning', field: `${base}/id`, code: 'av.artifact_id', message: `artifact id "${id.slice(0, 60)}" does not look like the API's art-<uuid>` });
    }
    const key = str(value.artifact_key) ?? keyFromMap ?? '?';
    if (keyFromMap !== undefined && str(value.artifact_key) && value.artifact_key !== keyFromMap) {
      this.problems.push({
        severity: 'warning',
        field: `${base}/artifact_key`,
        code: 'av.artifact_key_mismatch',
        message: `listed under "${keyFromMap}" but its artifact_key is "${String(value.artifact_key)}"`,
      });
    }
    const art: AvArtifact = {
      id,
      type: str(value.artifact_type) ?? 'unknown',
      key,
      url: typeof value.s3_url === 'string' ? value.s3_url : '',
      version: intIn(value.version, 1),
      createdAt: readTimestamp(value.created_at, `${base}/created_at`, this.problems).iso,
      pointer: base,
      meta: {},
      size: typeof value.file_size_bytes === 'number' ? value.file_size_bytes : undefined,
    };
    const metadata = value.metadata;
    if (isObj(metadata)) {
      for (const [k, v] of Object.entries(metadata)) {
        if (typeof v === 'string') art.meta[k] = v.length > META_TEXT_MAX ? v.slice(0, META_TEXT_MAX - 1) + '…' : v;
        else if (typeof v === 'number' || typeof v === 'boolean') art.meta[k] = v;
      }
      if (isObj(metadata.spec)) {
        art.specSummary = specSummary(metadata.spec);
        const product = metadata.spec.product;
        if (isObj(product) && typeof product.name === 'string' && product.name) art.productName = product.name.slice(0, 80);
      }
    }
    return art;
  }

  private readBranch(value: unknown, base: string) {
    if (!isObj(value)) {
      this.problems.push({ severity: 'error', field: base, code: 'av.branch', message: `a branch entry must be an object, found ${describe(value)}` });
      return;
    }
    this.check(avBranchInfoSchema, value, base);
    const branch = str(value.branch_name);
    const latest = str(value.latest_checkpoint_id);
    this.conventions(latest, branch, base, 'latest_checkpoint_id');
    const b: AvBranch = {
      branch: branch ?? '?',
      latestCheckpointId: latest,
      phase: intIn(value.phase_number, 1, 4) as AvPhase | undefined,
      status: this.readStatusField(value, base),
      canContinue: typeof value.can_continue === 'boolean' ? value.can_continue : undefined,
      pointer: base,
    };
    if (b.status && b.canContinue !== undefined && b.canContinue !== (b.status === 'pending')) {
      this.problems.push({
        severity: 'warning',
        field: `${base}/can_continue`,
        code: 'av.can_continue_mismatch',
        message: `can_continue is ${b.canContinue} for a ${b.status} branch; the API computes it as status == "pending" (its docs show false for a pending branch), so Greenlight goes by the status`,
      });
    }
    this.record.branches.push(b);
  }

  private readStatus(o: Obj) {
    this.record.shapes.push('status');
    this.check(avStatusSchema, o, '');
    const videoId = str(o.video_id);
    const status = typeof o.status === 'string' ? o.status.toLowerCase() : undefined;
    if (status && !(AV_VIDEO_STATUSES as readonly string[]).includes(status)) {
      this.problems.push({
        severity: 'warning',
        field: '/status',
        code: 'av.video_status',
        message: `video status "${String(o.status).slice(0, 60)}" is not one aivideo defines (${AV_VIDEO_STATUSES.join(', ')})`,
      });
    }
    const before = this.record.checkpoints.length;
    let currentId: string | undefined;
    if (isObj(o.current_checkpoint)) {
      currentId = this.readCheckpointInfo(o.current_checkpoint, '/current_checkpoint', videoId)?.id;
    }
    if (Array.isArray(o.checkpoint_tree)) this.readList(o.checkpoint_tree, '/checkpoint_tree', 'tree');
    if (Array.isArray(o.active_branches)) this.readList(o.active_branches, '/active_branches', 'branches');
    for (const cp of this.record.checkpoints.slice(before)) {
      if (!cp.videoId) cp.videoId = videoId;
      else if (videoId && cp.videoId !== videoId) {
        this.problems.push({
          severity: 'warning',
          field: `${cp.pointer}/video_id`,
          code: 'av.video_mismatch',
          message: `checkpoint belongs to video ${cp.videoId}, but this status object is for ${videoId}`,
        });
      }
    }
    if (videoId) {
      this.record.status = {
        videoId,
        status,
        progress: typeof o.progress === 'number' ? o.progress : undefined,
        currentPhase: str(o.current_phase),
        error: str(o.error),
        currentCheckpointId: currentId,
        hasTree: Array.isArray(o.checkpoint_tree),
        hasBranches: Array.isArray(o.active_branches),
      };
    }
  }

  private readCheckpointInfo(o: Obj, base: string, videoId: string | undefined): AvCheckpoint | undefined {
    this.check(avCheckpointInfoSchema, o, base);
    const id = str(o.checkpoint_id);
    const branch = str(o.branch_name);
    this.conventions(id, branch, base, 'checkpoint_id');
    const created = readTimestamp(o.created_at, `${base}/created_at`, this.problems);
    const cp: AvCheckpoint = {
      id: id ?? `#${base}`,
      videoId,
      branch,
      phase: intIn(o.phase_number, 1, 4) as AvPhase | undefined,
      version: intIn(o.version, 1),
      status: this.readStatusField(o, base),
      createdAt: created.iso,
      createdMs: created.ms,
      pointer: base,
      source: 'status',
    };
    if (isObj(o.artifacts)) {
      const entries = Object.entries(o.artifacts);
      if (entries.length) {
        cp.artifacts = [];
        for (const [key, a] of entries) {
          const art = this.readArtifact(a, `${base}/artifacts${toPointer([key])}`, key);
          if (art) cp.artifacts.push(art);
        }
      }
    }
    this.record.checkpoints.push(cp);
    return cp;
  }
}

function valueAt(root: unknown, ptr: string): unknown {
  let cur: unknown = root;
  for (const raw of ptr.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function money(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** "3 beats · 30 s · luxury · Chrono X watch" from a phase-1 spec. */
export function specSummary(spec: Obj): string {
  const parts: string[] = [];
  if (Array.isArray(spec.beats)) parts.push(`${spec.beats.length} beat${spec.beats.length === 1 ? '' : 's'}`);
  if (typeof spec.duration === 'number') parts.push(`${spec.duration} s`);
  if (typeof spec.template === 'string') parts.push(spec.template);
  if (isObj(spec.style) && typeof spec.style.mood === 'string') parts.push(spec.style.mood);
  if (isObj(spec.product) && typeof spec.product.name === 'string') parts.push(spec.product.name);
  const s = parts.join(' · ') || 'video spec';
  return s.length > 160 ? s.slice(0, 159) + '…' : s;
}

export function parseExport(input: ParseInput): { record: AvExportRecord; problems: ProblemDraft[] } {
  const reader = new ExportReader();
  reader.read(input.data);
  return { record: reader.record, problems: reader.problems };
}
