// Reads one checkpoint file from disk into a decoded document, never throwing. Files that
// vanish mid-read, are unreadable or enormous become problems like any other.
import { closeSync, constants as fsConstants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';
import { hash } from 'node:crypto';
import type { ProblemDraft } from '../families/family-adapter';
import { decodeText } from './decode-text';
import { parseJson, type ParseJsonOptions, type ParseResult } from './parse-json';
import { parseYaml } from './parse-yaml';

/** How a document's text is decoded: JSON, YAML (1.2 core schema), or YAML as PyYAML reads it. */
export type DocumentFormat = 'json' | 'yaml' | 'pyyaml';

/** Checkpoints are small; anything past this is not one we should hold in memory. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export type ReadResult =
  | { ok: true; data: unknown; text: string; size: number; mtimeMs: number; sha256?: string; problems: ProblemDraft[] }
  | { ok: false; problems: ProblemDraft[]; retryable: boolean; size: number; mtimeMs: number; sha256?: string; gone?: boolean };

/**
 * How a document comes off the disk: open once, then stat and read through the open file, so
 * what is measured is what is read (and the path is looked up once). A file that is not a
 * regular file or is too large comes back without its bytes. The parse workers pass the
 * blocking version: their thread has nothing else to do, and every async call would cost a
 * round trip through the thread pool.
 */
export interface DocumentIo {
  load(abs: string, maxBytes: number): Promise<{ stats: Stats; bytes?: Buffer }>;
}

// O_NONBLOCK: opening a named pipe someone left in a watched folder must not wait for a writer
// (for regular files the flag changes nothing).
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

const ASYNC_IO: DocumentIo = {
  async load(abs, maxBytes) {
    const handle = await fs.open(abs, OPEN_FLAGS);
    try {
      const stats = await handle.stat();
      if (!stats.isFile() || stats.size > maxBytes) return { stats };
      return { stats, bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  },
};

/**
 * Blocking reads into one scratch buffer, reused: a parse worker reads tens of thousands of
 * files one after another, and a fresh buffer for each leaves the worker thread's allocator
 * holding freed memory that the process keeps as resident long after the scan. The bytes are
 * only valid until the next `load`: readDocument hashes and decodes them before it returns.
 */
export function blockingIo(): DocumentIo {
  let scratch: Buffer = Buffer.allocUnsafe(64 * 1024);
  return {
    async load(abs, maxBytes) {
      const fd = openSync(abs, OPEN_FLAGS);
      try {
        const stats = fstatSync(fd);
        if (!stats.isFile() || stats.size > maxBytes) return { stats };
        // Room for the file and a little more: it may have grown since it was measured.
        if (scratch.length < stats.size + 1) scratch = Buffer.allocUnsafe(Math.min(Math.max(stats.size + 1, scratch.length * 2), maxBytes + 1));
        const { buf, length } = readAllSync(fd, scratch, maxBytes);
        scratch = buf;
        return { stats, bytes: buf.subarray(0, length) };
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Reads an open file to its end into `buf` (a bigger buffer when it does not fit, up to a limit). */
function readAllSync(fd: number, buf: Buffer, maxBytes: number): { buf: Buffer; length: number } {
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      if (length > maxBytes) break;
      const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const n = readSync(fd, buf, length, buf.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return { buf, length };
}

export async function readDocument(abs: string, format: DocumentFormat, io: DocumentIo = ASYNC_IO): Promise<ReadResult> {
  let size = 0;
  let mtimeMs = 0;
  try {
    const { stats: st, bytes } = await io.load(abs, MAX_DOCUMENT_BYTES);
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
    if (!bytes) throw new Error('the file could not be read'); // load gives bytes for every small regular file
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

export function decodeAndParse(bytes: Uint8Array, format: DocumentFormat, size = bytes.length, mtimeMs = 0, opts: ParseJsonOptions = {}): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, retryable: decoded.retryable, problems: decoded.problems, size, mtimeMs };
  const parsed: ParseResult = format === 'json' ? parseJson(decoded.text, opts) : parseYaml(decoded.text, format === 'pyyaml' ? 'pyyaml' : 'core');
  if (!parsed.ok) return { ok: false, retryable: parsed.retryable, problems: [...decoded.problems, ...parsed.problems], size, mtimeMs };
  return { ok: true, data: parsed.data, text: decoded.text, size, mtimeMs, problems: [...decoded.problems, ...parsed.problems] };
}

export function sha256(bytes: Uint8Array | string): string {
  return hash('sha256', bytes, 'hex');
}
