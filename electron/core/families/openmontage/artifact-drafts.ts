// Reads a checkpoint's `artifacts` map into drafts: inline values (kept as pointers into the
// checkpoint), path strings and `@name.json` (resolved inside the project), non-artifact keys
// such as `output: "renders/x.mp4"`, and the media that render_report / asset_manifest point at,
// so previews have something to show. Also lifts `proposal_packet.approval` for the gate.
import type { ProblemDraft } from '../family-adapter';
import { pointer as toPointer } from '../../validate/zod-problems';
import { omProposalApprovalSchema } from '../../../../shared/schemas/openmontage';
import { CANONICAL_STAGE_ARTIFACTS, KNOWN_ARTIFACT_NAMES, SUPPLEMENTARY_ARTIFACTS } from './constants';
import { isMediaKind, kindFromPath, kindOfInline, summariseValue } from './artifact-summary';
import { isAbsoluteLike, looksLikePath, normaliseInside, readSmallJson, resolveProjectPath } from './artifact-paths';
import type { ArtifactDraft, ArtifactRole, ProposalApproval } from './records';

export interface ArtifactScan {
  drafts: ArtifactDraft[];
  problems: ProblemDraft[];
  approval?: ProposalApproval;
}

export interface ArtifactScanInput {
  artifacts: Record<string, unknown>;
  stage?: string;
  projectDir: string;
  projectFolder: string;
  rootPath: string;
}

/** Referenced media per stage are capped: an asset manifest can list thousands of clips. */
const MAX_MEDIA = 200;

export function roleOf(key: string, stage: string | undefined): ArtifactRole {
  if (stage !== undefined && CANONICAL_STAGE_ARTIFACTS[stage] === key) return 'canonical';
  if (SUPPLEMENTARY_ARTIFACTS.has(key)) return 'supplementary';
  return 'other';
}

export function scanArtifacts(input: ArtifactScanInput): ArtifactScan {
  const { artifacts, stage, projectDir, rootPath } = input;
  const drafts: ArtifactDraft[] = [];
  const problems: ProblemDraft[] = [];
  let approval: ProposalApproval | undefined;
  const mediaSources: Array<{ body: unknown; pointer: string }> = [];

  for (const [key, value] of Object.entries(artifacts)) {
    const ptr = toPointer(['artifacts', key]);
    const role = roleOf(key, stage);
    const known = KNOWN_ARTIFACT_NAMES.has(key);
    let body: unknown;

    if (typeof value === 'string' && looksLikePath(value)) {
      const via = value.startsWith('@') ? 'at-path' : 'path';
      if (known) {
        problems.push({
          severity: 'warning',
          field: ptr,
          code: 'om.artifact_as_path',
          message: `"${key}" is a path string; OpenMontage's validate_checkpoint requires known artifacts to be inline objects (Backlot still follows the path)`,
        });
      }
      const res = resolveProjectPath(value, projectDir, rootPath);
      if (!res.ok) {
        problems.push({ severity: 'error', field: ptr, code: 'om.artifact_path_escapes', message: `artifact path refused: ${res.reason}` });
        drafts.push({ name: key, kind: kindFromPath(value), role, source: 'missing', pointer: ptr, summary: `refused path ${clipPath(value)}`, via });
        continue;
      }
      if (!res.exists) {
        problems.push({
          severity: 'warning',
          field: ptr,
          code: 'om.artifact_missing',
          message: `artifact file "${value}" does not exist${value.startsWith('@') ? ' (looked for it in the project folder and in artifacts/)' : ''}`,
        });
      }
      drafts.push({
        name: key,
        kind: kindFromPath(res.rel),
        role,
        source: res.exists ? 'file' : 'missing',
        pointer: ptr,
        rel: res.rel,
        size: res.size,
        summary: value,
        via,
      });
      if (res.exists && (key === 'render_report' || key === 'asset_manifest' || key === 'proposal_packet')) {
        body = readSmallJson(rootPath, res.rel);
      }
    } else {
      if (known && (value === null || typeof value !== 'object' || Array.isArray(value)) && typeof value !== 'string') {
        problems.push({
          severity: 'error',
          field: ptr,
          code: 'schema.invalid_type',
          message: `artifact "${key}" must be an object, not ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
        });
      } else if (known && typeof value === 'string') {
        problems.push({
          severity: 'error',
          field: ptr,
          code: 'schema.invalid_type',
          message: `artifact "${key}" must be an object or a path to one, not free text`,
        });
      }
      drafts.push({ name: key, kind: kindOfInline(value), role, source: 'inline', pointer: ptr, summary: summariseValue(value), via: 'inline' });
      body = value;
      if (key === 'proposal_packet' && isObject(value)) {
        const a = (value as Record<string, unknown>).approval;
        if (a !== undefined) {
          const r = omProposalApprovalSchema.safeParse(a);
          if (!r.success) {
            for (const issue of r.error.issues) {
              problems.push({
                severity: 'warning',
                field: toPointer(['artifacts', 'proposal_packet', 'approval', ...issue.path]),
                code: `schema.${issue.code}`,
                message: issue.message,
              });
            }
          }
        }
      }
    }

    if (key === 'proposal_packet' && isObject(body)) approval = readApproval((body as Record<string, unknown>).approval);
    if ((key === 'render_report' || key === 'asset_manifest') && body !== undefined) mediaSources.push({ body, pointer: ptr });
  }

  const seen = new Set(drafts.filter((d) => d.rel).map((d) => d.rel as string));
  let media = 0;
  for (const src of mediaSources) {
    for (const p of mediaPaths(src.body)) {
      if (media >= MAX_MEDIA) break;
      const d = mediaDraft(p, src.pointer, input);
      if (!d || seen.has(d.rel as string)) continue;
      seen.add(d.rel as string);
      drafts.push(d);
      media++;
    }
  }
  return { drafts, problems, approval };
}

/** Missing canonical artifact for a stage that claims to be done (the writer's own rule). */
export function canonicalProblem(stage: string | undefined, status: string, artifacts: Record<string, unknown> | undefined): ProblemDraft | undefined {
  if (stage === undefined || (status !== 'completed' && status !== 'awaiting_human')) return undefined;
  const canonical = CANONICAL_STAGE_ARTIFACTS[stage];
  if (!canonical) return undefined;
  if (artifacts && Object.prototype.hasOwnProperty.call(artifacts, canonical)) return undefined;
  return {
    severity: 'error',
    field: '/artifacts',
    code: 'om.missing_canonical',
    message: `stage "${stage}" is ${status} but its canonical artifact "${canonical}" is not in artifacts`,
  };
}

/** `outputs[].path` (render_report) and `assets[].path` (asset_manifest). */
function mediaPaths(body: unknown): string[] {
  if (!isObject(body)) return [];
  const b = body as Record<string, unknown>;
  const out: string[] = [];
  for (const listKey of ['outputs', 'assets']) {
    const list = b[listKey];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (isObject(item) && typeof (item as Record<string, unknown>).path === 'string') out.push((item as Record<string, unknown>).path as string);
    }
  }
  return out;
}

function mediaDraft(p: string, sourcePointer: string, input: ArtifactScanInput): ArtifactDraft | undefined {
  const kind = kindFromPath(p);
  if (!isMediaKind(kind) || isAbsoluteLike(p)) return undefined;
  const inside = normaliseInside(p);
  if (inside === undefined) return undefined;
  // Some writers record paths from the repository root (`projects/<id>/renders/x.mp4`).
  const marker = `${input.projectFolder}/`;
  const at = inside.indexOf(marker);
  const extra = at >= 0 && (at === 0 || inside[at - 1] === '/') ? [inside.slice(at + marker.length)] : [];
  const res = resolveProjectPath(inside, input.projectDir, input.rootPath, extra);
  if (!res.ok || !res.exists) return undefined;
  return {
    name: res.rel.slice(res.rel.lastIndexOf('/') + 1),
    kind,
    role: 'other',
    source: 'file',
    pointer: sourcePointer,
    rel: res.rel,
    size: res.size,
    summary: p,
    via: 'media',
  };
}

function readApproval(raw: unknown): ProposalApproval | undefined {
  if (!isObject(raw)) return undefined;
  const a = raw as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const out: ProposalApproval = {
    status: s(a.status),
    // `user_notes` per schema; real files also write `notes`, `approved_by`, `approved_at`.
    notes: s(a.user_notes) ?? s(a.notes),
    budgetUsd: typeof a.approved_budget_usd === 'number' ? a.approved_budget_usd : undefined,
    decidedBy: s(a.approved_by),
    decidedAt: s(a.approved_at),
  };
  return out;
}

function isObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function clipPath(s: string): string {
  return s.length > 80 ? s.slice(0, 79) + '…' : s;
}
