// Artifact bodies are read on request, never kept in the index: inline ones are cut out of
// their checkpoint by JSON pointer, file ones are read (capped) from inside the root.
import { promises as fs } from 'node:fs';
import type { ArtifactContent, ArtifactResult, FileView } from '../../../shared/api-contract';
import type { Desk } from '../desk';
import { mediaTypeOf } from '../families/shared/artifact-paths';
import { decodeAndParse } from '../read/read-document';
import { resolveArtifactFile, resolveInsideRoot } from './resolve-artifact-file';

export const MAX_TEXT_BYTES = 1024 * 1024;
export const MAX_JSON_BYTES = 8 * 1024 * 1024;

export async function readArtifactContent(desk: Desk, artifactId: string): Promise<ArtifactResult | null> {
  const hit = desk.index.getArtifact(artifactId);
  if (!hit) return null;
  const { artifact } = hit;
  const content = await contentOf();
  return { artifact, content };

  async function contentOf(): Promise<ArtifactContent> {
    switch (artifact.source) {
      case 'url':
        return artifact.url ? { type: 'url', url: artifact.url } : { type: 'missing', message: 'no URL recorded' };
      case 'missing':
        return { type: 'missing', message: `${artifact.rel ?? artifact.name} does not exist` };
      case 'inline': {
        const file = artifact.fileId ? desk.index.resolveFile(artifact.fileId) : undefined;
        if (!file) return { type: 'missing', message: 'checkpoint file is gone' };
        const r = await resolveInsideRoot(desk, file.rootId, file.abs, file.rel);
        if (!r.ok) return { type: 'missing', message: r.reason };
        const bytes = await fs.readFile(r.abs).catch(() => null);
        if (!bytes) return { type: 'missing', message: 'checkpoint file could not be read' };
        // Show what the checkpoint holds even when it has NaN/Infinity (as null), like the index does.
        const doc = decodeAndParse(bytes, /\.ya?ml$/i.test(file.rel) ? 'yaml' : 'json', bytes.length, 0, { nonFiniteAsNull: true });
        if (!doc.ok) return { type: 'missing', message: `checkpoint no longer parses: ${doc.problems[0]?.message ?? 'unknown error'}` };
        const value = resolvePointer(doc.data, artifact.pointer ?? '');
        if (value === undefined) return { type: 'missing', message: `nothing at ${artifact.pointer} any more` };
        if (typeof value === 'string') return { type: 'text', text: value, truncated: false, size: value.length };
        return { type: 'json', value, size: JSON.stringify(value).length };
      }
      case 'file': {
        const r = await resolveArtifactFile(desk, artifactId);
        if (!r.ok) return { type: 'missing', message: r.reason };
        if (artifact.kind === 'json') {
          if (r.size > MAX_JSON_BYTES) return readText(r.abs, r.size);
          const doc = decodeAndParse(await fs.readFile(r.abs), 'json');
          if (doc.ok) return { type: 'json', value: doc.data, size: r.size };
          return readText(r.abs, r.size);
        }
        if (artifact.kind === 'text') return readText(r.abs, r.size);
        return { type: 'media', mediaType: mediaTypeOf(r.abs), size: r.size };
      }
    }
  }
}

async function readText(abs: string, size: number): Promise<ArtifactContent> {
  const handle = await fs.open(abs, 'r');
  try {
    const len = Math.min(size, MAX_TEXT_BYTES);
    const buf = Buffer.alloc(len);
    await handle.read(buf, 0, len, 0);
    return { type: 'text', text: buf.toString('utf8'), truncated: size > MAX_TEXT_BYTES, size };
  } finally {
    await handle.close();
  }
}

export async function readFileView(desk: Desk, fileId: string): Promise<FileView | null> {
  const file = desk.index.resolveFile(fileId);
  if (!file) return null;
  const r = await resolveInsideRoot(desk, file.rootId, file.abs, file.rel);
  const problems = desk.index.problemsOfFile(fileId);
  const ref = { id: fileId, rootId: file.rootId, rel: file.rel };
  if (!r.ok) return { file: ref, text: '', truncated: false, problems };
  const c = await readText(r.abs, r.size);
  return { file: ref, text: c.type === 'text' ? c.text : '', truncated: c.type === 'text' && c.truncated, problems };
}

/** RFC 6901 JSON pointer lookup. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  if (!pointer.startsWith('/')) return undefined;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
