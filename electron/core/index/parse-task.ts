// One file version from disk to a small record: read, decode, and the family adapter's `parse`.
// The same function runs on the main thread and inside the parse workers (parse-worker.ts), so
// both give identical records and problems; only plain data goes in and out.
import type { Classification, FamilyAdapter, ProblemDraft } from '../families/family-adapter';
import type { DocumentFormat, ReadResult } from '../read/read-document';

export interface ParseTask {
  fileId: string;
  rootId: string;
  rootPath: string;
  abs: string;
  rel: string;
  classification: Classification;
}

export type ParseOutcome =
  /** The file vanished before it could be read. */
  | { kind: 'gone' }
  /** Decoding failed; `retryable` when it looked half-written. */
  | { kind: 'failed'; retryable: boolean; problems: ProblemDraft[]; size: number; mtimeMs: number; sha256?: string }
  | { kind: 'parsed'; record?: unknown; problems: ProblemDraft[]; size: number; mtimeMs: number; sha256?: string }
  /** A worker could not do it (pool closed, or a record that cannot cross threads): parse in-process. */
  | { kind: 'local' };

export type ReadFn = (abs: string, format: DocumentFormat) => Promise<ReadResult>;

export async function readAndParse(task: ParseTask, adapter: FamilyAdapter, read: ReadFn): Promise<ParseOutcome> {
  const base = { fileId: task.fileId, rootId: task.rootId, rootPath: task.rootPath, abs: task.abs, rel: task.rel, classification: task.classification };
  const format = task.classification.format;
  if (format === 'none') {
    try {
      const r = adapter.parse({ ...base, size: 0, mtimeMs: 0, data: undefined, text: '' });
      return { kind: 'parsed', record: r.record, problems: r.problems, size: 0, mtimeMs: 0 };
    } catch (err) {
      return { kind: 'parsed', problems: [adapterCrash(err)], size: 0, mtimeMs: 0 };
    }
  }
  const res = await read(task.abs, format);
  if (!res.ok && res.gone) return { kind: 'gone' };
  const meta = { size: res.size, mtimeMs: res.mtimeMs, sha256: res.sha256 };
  if (!res.ok) return { kind: 'failed', retryable: res.retryable, problems: res.problems, ...meta };
  try {
    const r = adapter.parse({ ...base, ...meta, data: res.data, text: res.text });
    return { kind: 'parsed', record: r.record, problems: [...res.problems, ...r.problems], ...meta };
  } catch (err) {
    // An adapter bug must not take the desk down; it becomes a problem on the file.
    return { kind: 'parsed', problems: [...res.problems, adapterCrash(err)], ...meta };
  }
}

export function adapterCrash(err: unknown): ProblemDraft {
  return {
    severity: 'error',
    field: '',
    code: 'internal.adapter_error',
    message: `Greenlight could not interpret this file (${err instanceof Error ? err.message : String(err)})`,
  };
}
