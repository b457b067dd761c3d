// Editing an artifact: load it with its revision, validate as the person types (OpenMontage
// artifacts against the JSON Schemas their project ships, CineCut's TRAILER_MANIFEST against its
// rules), and save atomically — the original kept, the author and reason recorded, the file
// only replaced if it still has the revision the editor loaded.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import type { DecisionOutcome, EditRequest, EditableArtifact, PlannedWrite, ValidationIssue } from '../../../shared/decisions';
import type { Artifact, Run } from '../../../shared/model';
import { trailerManifestSchema } from '../../../shared/schemas/cinecut';
import type { Desk } from '../desk';
import { resolvePointer } from '../api/read-artifact-content';
import { decodeAndParse, sha256 } from '../read/read-document';
import { zodProblems } from '../validate/zod-problems';
import { appendAudit, readAudit } from './audit-log';
import { ConflictError, copyExclusive } from './atomic-write';
import { swapIfUnchanged } from './writers/swap-if-unchanged';
import { describeIoError } from './decide-gate';
import { KeyedMutex } from '../util/keyed-mutex';

const locks = new KeyedMutex();

interface EditTarget {
  run: Run;
  artifact: Artifact;
  rootPath: string;
  rootId: string;
  abs: string;
  rel: string;
  /** Pointer inside the file ('' = the whole file). */
  pointer: string;
  validator?: { kind: 'json-schema'; schemaPath: string; label: string } | { kind: 'trailer-manifest'; label: string };
}

async function targetFor(desk: Desk, artifactId: string): Promise<EditTarget | string> {
  const hit = desk.index.getArtifact(artifactId);
  if (!hit) return 'This artifact no longer exists.';
  const { artifact } = hit;
  const run = desk.index.getRun(hit.runId);
  if (!run) return 'The run of this artifact is gone.';
  if (!artifact.editable) {
    if (run.family === 'twinklr') return 'Twinklr artifacts are not edited here: Twinklr re-reads its plan files and would skip or restart work.';
    if (run.family === 'omniclaude') return 'OmniClaude checkpoints are append-only records; they are never edited.';
    return 'This artifact cannot be edited here.';
  }
  if (artifact.kind !== 'json' && artifact.kind !== 'text') return 'Only JSON and text artifacts can be edited.';
  const fileId = artifact.fileId;
  const file = fileId ? desk.index.resolveFile(fileId) : undefined;
  if (!file) return 'The file of this artifact is gone.';
  const root = desk.index.roots.get(file.rootId)!;
  const pointer = artifact.source === 'inline' ? artifact.pointer ?? '' : '';
  let validator: EditTarget['validator'];
  if (run.family === 'cinecut' && /TRAILER_MANIFEST\.json$/.test(file.rel)) validator = { kind: 'trailer-manifest', label: 'CineCut TRAILER_MANIFEST rules' };
  if (run.family === 'openmontage') {
    const schemaPath = await findArtifactSchema(root.path, run.folder, artifact.name);
    if (schemaPath) validator = { kind: 'json-schema', schemaPath, label: path.relative(root.path, schemaPath).split(path.sep).join('/') };
  }
  return { run, artifact, rootPath: root.path, rootId: root.id, abs: file.abs, rel: file.rel, pointer, validator };
}

/** `schemas/artifacts/<name>.schema.json` in the project or any folder above it, up to the root. */
async function findArtifactSchema(rootPath: string, projectRel: string, name: string): Promise<string | undefined> {
  let dir = projectRel === '.' ? '' : projectRel;
  for (;;) {
    const candidate = path.join(rootPath, ...(dir ? dir.split('/') : []), 'schemas', 'artifacts', `${name}.schema.json`);
    if (await fs.stat(candidate).catch(() => null)) return candidate;
    if (!dir) return undefined;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}

export async function getEditable(desk: Desk, artifactId: string): Promise<EditableArtifact | null> {
  const t = await targetFor(desk, artifactId);
  if (typeof t === 'string') return null;
  const bytes = await fs.readFile(t.abs).catch(() => null);
  if (!bytes) return null;
  const isJson = t.artifact.kind === 'json';
  let content: string;
  if (isJson) {
    const doc = decodeAndParse(bytes, 'json');
    if (!doc.ok) return null;
    const value = resolvePointer(doc.data, t.pointer);
    if (value === undefined) return null;
    content = JSON.stringify(value, null, 2);
  } else content = bytes.toString('utf8');
  const history = (await readAudit(t.rootPath))
    .filter((e) => e.action === 'edit' && e.details?.artifactId === artifactId)
    .map((e) => ({ at: e.at, by: e.by, reason: e.note ?? '', before: e.before ?? null, after: e.after ?? null }));
  return { artifactId, name: t.artifact.name, language: isJson ? 'json' : 'text', content, revision: sha256(bytes), validator: t.validator?.label, history };
}

export async function validateEdit(desk: Desk, artifactId: string, content: string): Promise<ValidationIssue[]> {
  const t = await targetFor(desk, artifactId);
  if (typeof t === 'string') return [{ field: '', message: t, severity: 'error' }];
  if (t.artifact.kind !== 'json') return [];
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const { line, column } = pos ? lineCol(content, Number(pos[1])) : { line: undefined, column: undefined };
    return [{ field: '', message: `invalid JSON: ${msg}`, severity: 'error', line, column }];
  }
  return validateValue(t, value);
}

async function validateValue(t: EditTarget, value: unknown): Promise<ValidationIssue[]> {
  if (!t.validator) return [];
  if (t.validator.kind === 'trailer-manifest') {
    const r = trailerManifestSchema.safeParse(value);
    return r.success ? [] : zodProblems(r.error).map((p) => ({ field: p.field, message: p.message, severity: 'error' as const }));
  }
  const schemaText = await fs.readFile(t.validator.schemaPath, 'utf8').catch(() => null);
  if (!schemaText) return [];
  try {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(schemaText));
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e: ErrorObject) => ({
      field: e.instancePath + (e.keyword === 'additionalProperties' ? `/${(e.params as { additionalProperty: string }).additionalProperty}` : ''),
      message: e.message ?? 'invalid',
      severity: 'error' as const,
    }));
  } catch (err) {
    return [{ field: '', message: `the project's schema ${t.validator.label} could not be used: ${(err as Error).message}`, severity: 'warning' }];
  }
}

function lineCol(text: string, pos: number) {
  let line = 1;
  let column = 1;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return { line, column };
}

export async function saveEdit(desk: Desk, req: EditRequest, by: string): Promise<DecisionOutcome> {
  const t = await targetFor(desk, req.artifactId);
  if (typeof t === 'string') return { status: 'refused', message: t };
  return locks.run(t.abs, async () => {
    const bytes = await fs.readFile(t.abs).catch(() => null);
    if (!bytes) return { status: 'refused', message: `${t.rel} is gone.` };
    const before = sha256(bytes);
    if (before !== req.revision) {
      await desk.refreshFile(t.rootId, t.abs);
      return { status: 'conflict', message: `${path.posix.basename(t.rel)} changed since you opened the editor, so nothing was saved. Reopen the editor to see the new version.` };
    }
    let next: string;
    if (t.artifact.kind === 'json') {
      let value: unknown;
      try {
        value = JSON.parse(req.content);
      } catch (err) {
        return { status: 'refused', message: `Not saved: the edit is not valid JSON (${(err as Error).message}).` };
      }
      const issues = (await validateValue(t, value)).filter((i) => i.severity === 'error');
      if (issues.length) return { status: 'refused', message: `Not saved: ${issues.length} validation error${issues.length === 1 ? '' : 's'}, first at ${issues[0].field || 'the top'}: ${issues[0].message}` };
      if (t.pointer === '') next = JSON.stringify(value, null, 2) + (bytes.at(-1) === 10 ? '\n' : '');
      else {
        const doc = decodeAndParse(bytes, 'json');
        if (!doc.ok) return { status: 'refused', message: `${t.rel} no longer parses; not saved.` };
        if (!setPointer(doc.data, t.pointer, value)) return { status: 'refused', message: `${t.pointer} is no longer in ${t.rel}; not saved.` };
        if (t.run.family === 'openmontage') recordEditInMetadata(doc.data, t.artifact.name, by, req.reason);
        next = JSON.stringify(doc.data, null, 2) + (bytes.at(-1) === 10 ? '\n' : '');
      }
    } else next = req.content;
    try {
      // Keep the original: OpenMontage's own place for superseded checkpoints is history/;
      // every edit also keeps a content-addressed copy under .greenlight/originals/.
      const originalsDir = path.join(t.rootPath, '.greenlight', 'originals');
      const original = await copyExclusive(bytes, path.join(originalsDir, `${before}${path.extname(t.abs) || '.txt'}`)).catch(async (e) => {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return path.join(originalsDir, `${before}${path.extname(t.abs)}`);
        throw e;
      });
      const writes: PlannedWrite[] = [{ target: t.rel, action: 'rewrite', description: `${t.artifact.name} replaced (${req.reason})` }];
      if (t.run.family === 'openmontage' && /(^|\/)checkpoint_[^/]+\.json$/.test(t.rel)) {
        const hist = path.join(path.dirname(t.abs), 'history', `${path.basename(t.abs, '.json')}_${stamp(bytes)}.json`);
        const kept = await copyExclusive(bytes, hist);
        writes.unshift({ target: path.relative(t.rootPath, kept).split(path.sep).join('/'), action: 'copy', description: 'the previous version, kept in history/' });
      }
      // The pipeline may rewrite this file at any moment: take-and-link never loses its write.
      const after = await swapIfUnchanged(t.abs, Buffer.from(next), before);
      await appendAudit(t.rootPath, {
        at: new Date().toISOString(),
        by,
        action: 'edit',
        family: t.run.family,
        runId: t.run.id,
        file: t.rel,
        before,
        after,
        note: req.reason,
        details: { artifactId: req.artifactId, artifact: t.artifact.name, pointer: t.pointer, original: path.relative(t.rootPath, original).split(path.sep).join('/') },
      });
      await desk.refreshFile(t.rootId, t.abs);
      return { status: 'written', writes, message: `Saved ${t.artifact.name}; the original is kept.` };
    } catch (err) {
      if (err instanceof ConflictError) {
        await desk.refreshFile(t.rootId, t.abs);
        return { status: 'conflict', message: `${path.posix.basename(t.rel)} changed while saving, so nothing was written. Reopen the editor to see the new version.` };
      }
      return { status: 'failed', message: describeIoError(err, t.rel) };
    }
  });
}

function stamp(bytes: Uint8Array): string {
  const doc = decodeAndParse(bytes, 'json');
  const ts = doc.ok && doc.data && typeof (doc.data as { timestamp?: unknown }).timestamp === 'string' ? (doc.data as { timestamp: string }).timestamp : new Date().toISOString();
  return ts.replace(/[^A-Za-z0-9]/g, '');
}

function recordEditInMetadata(doc: unknown, artifact: string, by: string, reason: string) {
  if (!doc || typeof doc !== 'object') return;
  const d = doc as Record<string, unknown>;
  const metadata = (d.metadata && typeof d.metadata === 'object' ? d.metadata : (d.metadata = {})) as Record<string, unknown>;
  const edits = Array.isArray(metadata.greenlight_edits) ? metadata.greenlight_edits : (metadata.greenlight_edits = []);
  (edits as unknown[]).push({ artifact, by, at: new Date().toISOString(), reason });
}

function setPointer(doc: unknown, pointer: string, value: unknown): boolean {
  const parts = pointer.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts.pop()!;
  const parent = resolvePointer(doc, parts.length ? '/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '');
  if (!parent || typeof parent !== 'object' || !Object.prototype.hasOwnProperty.call(parent, last)) return false;
  (parent as Record<string, unknown>)[last] = value;
  return true;
}
