// Reads one checkpoint file from disk into a decoded document, never throwing. Files that
// vanish mid-read, are unreadable or enormous become problems like any other.
import { promises as fs, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import type { ProblemDraft } from '../families/family-adapter';
import { decodeText } from './decode-text';
import { parseJson, type ParseJsonOptions, type ParseResult } from './parse-json';
import { parseYaml } from './parse-yaml';

/** Checkpoints are small; anything past this is not one we should hold in memory. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export type ReadResult =
  | { ok: true; data: unknown; text: string; size: number; mtimeMs: number; sha256?: string; problems: ProblemDraft[] }
  | { ok: false; problems: ProblemDraft[]; retryable: boolean; size: number; mtimeMs: number; sha256?: string; gone?: boolean };

/**
 * How a document comes off the disk. The parse workers pass blocking calls: their thread has
 * nothing else to do, and every async call would cost a round trip through the thread pool.
 */
export interface DocumentIo {
  stat(abs: string): Promise<Stats>;
  readFile(abs: string): Promise<Buffer>;
}

const ASYNC_IO: DocumentIo = { stat: (p) => fs.stat(p), readFile: (p) => fs.readFile(p) };

export async function readDocument(abs: string, format: 'json' | 'yaml', io: DocumentIo = ASYNC_IO): Promise<ReadResult> {
  let size = 0;
  let mtimeMs = 0;
  try {
    const st = await io.stat(abs);
    size = st.size;
    mtimeMs = st.mtimeMs;
    if (!st.isFile()) {
      return { ok: false, retryable: false, size, mtimeMs, problems: [{ severity: 'error', field: '', code: 'file.not_regular', message: 'not a regular file' }] };
    }
    if (size > MAX_DOCUMENT_BYTES) {
      return {
        ok: false,
        retryable: false,
        size,
        mtimeMs,
        problems: [
          {
            severity: 'error',
            field: '',
            code: 'file.too_large',
            message: `file is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit for a checkpoint; not read`,
          },
        ],
      };
    }
    const bytes = await io.readFile(abs);
    // The hash is the file's revision: a decision is only written if the file still has it.
    // Indexing only shows a file, so Python's NaN/Infinity may be shown as null (with a warning).
    return { ...decodeAndParse(bytes, format, bytes.length, mtimeMs, { nonFiniteAsNull: true }), sha256: sha256(bytes) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return { ok: false, retryable: false, gone: true, size, mtimeMs, problems: [{ severity: 'error', field: '', code: 'file.vanished', message: 'file disappeared while being read' }] };
    }
    const message =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied: the file cannot be read'
        : code === 'ELOOP'
          ? 'symbolic link loop'
          : `cannot read file: ${(err as Error).message}`;
    return { ok: false, retryable: false, size, mtimeMs, problems: [{ severity: 'error', field: '', code: `file.${(code ?? 'io').toLowerCase()}`, message }] };
  }
}

export function decodeAndParse(bytes: Uint8Array, format: 'json' | 'yaml', size = bytes.length, mtimeMs = 0, opts: ParseJsonOptions = {}): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, retryable: decoded.retryable, problems: decoded.problems, size, mtimeMs };
  const parsed: ParseResult = format === 'json' ? parseJson(decoded.text, opts) : parseYaml(decoded.text);
  if (!parsed.ok) return { ok: false, retryable: parsed.retryable, problems: [...decoded.problems, ...parsed.problems], size, mtimeMs };
  return { ok: true, data: parsed.data, text: decoded.text, size, mtimeMs, problems: [...decoded.problems, ...parsed.problems] };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
