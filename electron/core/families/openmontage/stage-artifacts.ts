// Turns a checkpoint's artifact drafts into model Artifacts with stable ids: inline ones point
// into the checkpoint file, file ones get a file id from the core.
import type { Artifact } from '../../../../shared/model';
import type { AssembleContext, ParsedFile } from '../family-adapter';
import { mediaTypeOf } from '../shared/artifact-paths';
import type { ArtifactDraft, OmRecord } from './records';

export function stageArtifacts(file: ParsedFile<OmRecord>, drafts: ArtifactDraft[], ctx: AssembleContext, stageBusy: boolean): Artifact[] {
  const out: Artifact[] = [];
  const ids = new Set<string>();
  for (const d of drafts) {
    const a = toArtifact(file, d, ctx, stageBusy);
    if (ids.has(a.id)) continue;
    ids.add(a.id);
    out.push(a);
  }
  return out;
}

function toArtifact(file: ParsedFile<OmRecord>, d: ArtifactDraft, ctx: AssembleContext, stageBusy: boolean): Artifact {
  const editableKind = d.kind === 'json' || d.kind === 'text';
  const metadata: Record<string, unknown> = { key: d.name, via: d.via };
  if (d.source === 'inline') {
    return {
      id: ctx.makeId('artifact', file.fileId, d.pointer),
      name: d.name,
      kind: d.kind,
      role: d.role,
      source: 'inline',
      fileId: file.fileId,
      pointer: d.pointer,
      rel: file.rel,
      summary: d.summary,
      // The agent owns a file while it is in_progress (FORMATS.md §1.6).
      editable: editableKind && !stageBusy,
      metadata,
    };
  }
  if (d.source === 'file' && d.rel) {
    const fileId = ctx.fileIdFor(file.rootId, d.rel);
    if (d.via === 'media') metadata.referencedAt = d.pointer;
    return {
      // Keyed by the referencing checkpoint too: two stages may point at the same file.
      id: ctx.makeId('artifact', fileId, file.fileId, d.pointer),
      name: d.name,
      kind: d.kind,
      role: d.role,
      source: 'file',
      fileId,
      rel: d.rel,
      size: d.size,
      mediaType: mediaTypeOf(d.rel),
      summary: d.summary,
      editable: editableKind && d.via !== 'media' && !stageBusy,
      metadata,
    };
  }
  return {
    id: ctx.makeId('artifact', file.fileId, d.pointer, 'missing'),
    name: d.name,
    kind: d.kind,
    role: d.role,
    source: 'missing',
    rel: d.rel,
    summary: d.summary,
    editable: false,
    metadata,
  };
}
