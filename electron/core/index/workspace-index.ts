// The in-memory index of every watched root: parsed files grouped by family run group, and the
// runs assembled from them. It does no watching itself; the watcher (or a one-shot scan) feeds
// it paths. Each file change re-parses that file and re-assembles only its group.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Artifact, Gate, Problem, Root, Run, RunSummary } from '../../../shared/model';
import { summarise } from '../../../shared/model';
import type { AssembleContext, FamilyAdapter, FileContext, ParsedFile, ProblemDraft } from '../families/family-adapter';
import { toProblem } from '../families/family-adapter';
import { readDocument, type ReadResult } from '../read/read-document';
import { stableId } from './stable-id';

export interface IndexedRoot {
  id: string;
  path: string;
  name: string;
}

export interface IndexChange {
  upserted: Run[];
  removed: string[];
  /** Problems changed (added or cleared) for these file ids. */
  problemFiles: string[];
  /** Files that changed, for the UI's "what changed" highlight. */
  changedFiles: string[];
}

export type ReadFn = (abs: string, format: 'json' | 'yaml') => Promise<ReadResult>;

export interface WorkspaceIndexOptions {
  adapters: FamilyAdapter[];
  /** Injected for tests and for worker-thread parsing. */
  read?: ReadFn;
  /** Adds what only the host knows to each assembled run (who decided a gate, from the audit log). */
  decorate?: (run: Run) => void;
  now?: () => number;
}

export type UpsertOutcome = 'indexed' | 'ignored' | 'retry' | 'removed';

export class WorkspaceIndex extends EventEmitter {
  readonly roots = new Map<string, IndexedRoot>();
  private readonly adapters: FamilyAdapter[];
  private readonly read: ReadFn;
  private readonly now: () => number;
  private readonly decorate?: (run: Run) => void;
  /** fileId → parsed file */
  private readonly files = new Map<string, ParsedFile>();
  /** scoped group key (rootId + '\0' + groupKey) → file ids */
  private readonly groups = new Map<string, Set<string>>();
  /** scoped group key → runs it produced */
  private readonly groupRuns = new Map<string, Run[]>();
  private readonly runs = new Map<string, Run>();
  /** artifact id → the artifact and its run (bodies are never held: they are read on request) */
  private readonly artifacts = new Map<string, { artifact: Artifact; runId: string }>();
  /** fileId → absolute path (never leaves the main process) */
  private readonly filePaths = new Map<string, { rootId: string; abs: string; rel: string }>();

  constructor(opts: WorkspaceIndexOptions) {
    super();
    this.adapters = opts.adapters;
    this.read = opts.read ?? readDocument;
    this.now = opts.now ?? Date.now;
    this.decorate = opts.decorate;
  }

  addRoot(rootPath: string): IndexedRoot {
    const abs = path.resolve(rootPath);
    const id = stableId('root', abs);
    const root = { id, path: abs, name: path.basename(abs) || abs };
    this.roots.set(id, root);
    return root;
  }

  removeRoot(rootId: string): IndexChange {
    const change: IndexChange = { upserted: [], removed: [], problemFiles: [], changedFiles: [] };
    for (const [fileId, f] of [...this.files]) {
      if (f.rootId !== rootId) continue;
      this.files.delete(fileId);
      change.problemFiles.push(fileId);
    }
    for (const [key, runs] of [...this.groupRuns]) {
      if (!key.startsWith(rootId + '\0')) continue;
      for (const r of runs) {
        this.forgetArtifacts(r);
        this.runs.delete(r.id);
        change.removed.push(r.id);
      }
      this.groupRuns.delete(key);
      this.groups.delete(key);
    }
    for (const [fileId, p] of [...this.filePaths]) if (p.rootId === rootId) this.filePaths.delete(fileId);
    this.roots.delete(rootId);
    this.emit('change', change);
    return change;
  }

  /** Which family (if any) claims this root-relative path. Cheap: path only. */
  classify(rel: string) {
    for (const a of this.adapters) {
      const c = a.classify(rel);
      if (c) return { adapter: a, classification: c };
    }
    return null;
  }

  fileIdFor(rootId: string, rel: string): string {
    const id = stableId('file', rootId, rel);
    if (!this.filePaths.has(id)) {
      const root = this.roots.get(rootId);
      if (root) this.filePaths.set(id, { rootId, rel, abs: path.join(root.path, ...rel.split('/')) });
    }
    return id;
  }

  /** Resolve a file id to its absolute path (main process only). */
  resolveFile(fileId: string): { rootId: string; abs: string; rel: string } | undefined {
    return this.filePaths.get(fileId);
  }

  /**
   * (Re)read one file and re-assemble its group. `retrying` tells whether a later retry is
   * planned: then a retryable decode failure keeps the previous good record and reports 'retry'.
   */
  async upsertFile(rootId: string, abs: string, opts: { willRetry?: boolean } = {}): Promise<UpsertOutcome> {
    const root = this.roots.get(rootId);
    if (!root) return 'ignored';
    const rel = toRel(root.path, abs);
    if (rel === null) return 'ignored';
    const hit = this.classify(rel);
    if (!hit) return 'ignored';
    const { adapter, classification } = hit;
    const fileId = this.fileIdFor(rootId, rel);
    const ctxBase: FileContext = {
      fileId,
      rootId,
      rootPath: root.path,
      abs,
      rel,
      size: 0,
      mtimeMs: 0,
      classification,
    };
    const previous = this.files.get(fileId);
    let parsed: ParsedFile;
    if (classification.format === 'none') {
      parsed = { ...ctxBase, problems: [], record: undefined };
      try {
        const r = adapter.parse({ ...ctxBase, data: undefined, text: '' });
        parsed = { ...ctxBase, record: r.record, problems: r.problems };
      } catch (err) {
        parsed = { ...ctxBase, problems: [crash(err)] };
      }
    } else {
      const res = await this.read(abs, classification.format);
      if (!res.ok && res.gone) {
        this.removeFile(rootId, abs);
        return 'removed';
      }
      const ctx = { ...ctxBase, size: res.size, mtimeMs: res.mtimeMs, sha256: res.sha256 };
      if (!res.ok) {
        if (res.retryable && opts.willRetry) {
          if (previous?.record !== undefined) previous.stale = true;
          return 'retry';
        }
        parsed = { ...ctx, problems: res.problems };
      } else {
        try {
          const r = adapter.parse({ ...ctx, data: res.data, text: res.text });
          parsed = { ...ctx, record: r.record, problems: [...res.problems, ...r.problems] };
        } catch (err) {
          // An adapter bug must not take the desk down; it becomes a problem on the file.
          parsed = { ...ctx, problems: [...res.problems, crash(err)] };
        }
      }
    }
    this.files.set(fileId, parsed);
    const key = scoped(rootId, classification.groupKey);
    let set = this.groups.get(key);
    if (!set) this.groups.set(key, (set = new Set()));
    set.add(fileId);
    const change = this.reassemble(this.withDependents(key, adapter));
    change.changedFiles.push(fileId);
    change.problemFiles.push(fileId);
    this.emit('change', change);
    return 'indexed';
  }

  removeFile(rootId: string, abs: string): boolean {
    const root = this.roots.get(rootId);
    if (!root) return false;
    const rel = toRel(root.path, abs);
    if (rel === null) return false;
    const fileId = stableId('file', rootId, rel);
    const f = this.files.get(fileId);
    if (!f) return false;
    this.files.delete(fileId);
    const key = scoped(rootId, f.classification.groupKey);
    const set = this.groups.get(key);
    set?.delete(fileId);
    const adapter = this.adapters.find((a) => a.family === f.classification.family);
    const change = this.reassemble(this.withDependents(key, adapter));
    change.changedFiles.push(fileId);
    change.problemFiles.push(fileId);
    this.emit('change', change);
    return true;
  }

  /** A folder vanished: drop every indexed file below it. */
  removeUnder(rootId: string, absDir: string): number {
    const root = this.roots.get(rootId);
    if (!root) return 0;
    const relDir = toRel(root.path, absDir);
    if (relDir === null) return 0;
    const prefix = relDir + '/';
    let n = 0;
    for (const f of [...this.files.values()]) {
      if (f.rootId === rootId && f.rel.startsWith(prefix)) {
        if (this.removeFile(rootId, f.abs)) n++;
      }
    }
    return n;
  }

  /** Re-assemble groups, e.g. every OpenMontage group after a pipeline manifest changed. */
  reassembleWhere(pred: (groupKey: string, family: string) => boolean): IndexChange {
    const keys: string[] = [];
    for (const [key, ids] of this.groups) {
      const first = this.files.get(ids.values().next().value as string);
      if (first && pred(key.slice(key.indexOf('\0') + 1), first.classification.family)) keys.push(key);
    }
    const change = this.reassemble(keys);
    if (keys.length) this.emit('change', change);
    return change;
  }

  /** The group itself plus the groups of the same family that depend on it. */
  private withDependents(key: string, adapter: FamilyAdapter | undefined): string[] {
    const rootId = key.slice(0, key.indexOf('\0'));
    const pred = adapter?.dependents?.(key.slice(key.indexOf('\0') + 1));
    if (!pred) return [key];
    const keys = [key];
    for (const [k, ids] of this.groups) {
      if (k === key || !k.startsWith(rootId + '\0')) continue;
      const first = this.files.get(ids.values().next().value as string);
      if (first?.classification.family === adapter!.family && pred(k.slice(k.indexOf('\0') + 1))) keys.push(k);
    }
    return keys;
  }

  private reassemble(keys: string[]): IndexChange {
    const change: IndexChange = { upserted: [], removed: [], problemFiles: [], changedFiles: [] };
    for (const key of keys) {
      const rootId = key.slice(0, key.indexOf('\0'));
      const groupKey = key.slice(key.indexOf('\0') + 1);
      const ids = this.groups.get(key) ?? new Set<string>();
      const files = [...ids].map((id) => this.files.get(id)).filter((f): f is ParsedFile => !!f);
      const before = this.groupRuns.get(key) ?? [];
      let runs: Run[] = [];
      if (files.length) {
        const adapter = this.adapters.find((a) => a.family === files[0].classification.family);
        if (adapter) {
          try {
            runs = adapter.assemble(groupKey, files, this.assembleContext(rootId));
          } catch (err) {
            // Keep the files' problems visible even when assembly fails.
            files[0].problems.push(crash(err));
            runs = [];
          }
        }
      }
      for (const run of runs) {
        this.attachProblems(run, files);
        this.decorate?.(run);
        run.pendingGates = run.gates.filter((g) => g.status === 'waiting').length;
      }
      if (!ids.size) this.groups.delete(key);
      const newIds = new Set(runs.map((r) => r.id));
      for (const r of before) {
        this.forgetArtifacts(r);
        if (!newIds.has(r.id)) {
          this.runs.delete(r.id);
          change.removed.push(r.id);
        }
      }
      for (const r of runs) {
        this.runs.set(r.id, r);
        this.rememberArtifacts(r);
        change.upserted.push(r);
      }
      if (runs.length) this.groupRuns.set(key, runs);
      else this.groupRuns.delete(key);
    }
    return change;
  }

  private rememberArtifacts(run: Run) {
    for (const a of run.artifacts) this.artifacts.set(a.id, { artifact: a, runId: run.id });
    for (const s of run.stages) for (const a of s.artifacts) this.artifacts.set(a.id, { artifact: a, runId: run.id });
  }

  private forgetArtifacts(run: Run) {
    for (const a of run.artifacts) this.artifacts.delete(a.id);
    for (const s of run.stages) for (const a of s.artifacts) this.artifacts.delete(a.id);
  }

  getArtifact(id: string): { artifact: Artifact; runId: string } | undefined {
    return this.artifacts.get(id);
  }

  problemCount(): { errors: number; warnings: number } {
    let errors = 0;
    let warnings = 0;
    for (const f of this.files.values())
      for (const p of f.problems) {
        if (p.severity === 'error') errors++;
        else warnings++;
      }
    return { errors, warnings };
  }

  private attachProblems(run: Run, files: ParsedFile[]) {
    const own = new Set(run.files.map((f) => f.id));
    let errors = 0;
    let warnings = 0;
    for (const f of files) {
      if (!own.has(f.fileId)) continue;
      for (const p of f.problems) {
        if (p.severity === 'error') errors++;
        else warnings++;
      }
    }
    run.errors = errors;
    run.warnings = warnings;
    for (const g of run.gates) if (g.fileId && !g.revision) g.revision = this.files.get(g.fileId)?.sha256;
    run.pendingGates = run.gates.filter((g) => g.status === 'waiting').length;
  }

  private assembleContext(rootId: string): AssembleContext {
    return {
      makeId: (...parts: string[]) => stableId(rootId, ...parts),
      fileIdFor: (rid: string, rel: string) => this.fileIdFor(rid, rel),
      filesOfGroup: (groupKey: string) => {
        const ids = this.groups.get(scoped(rootId, groupKey));
        return ids ? [...ids].map((id) => this.files.get(id)!).filter(Boolean) : [];
      },
      now: this.now,
    };
  }

  // ---- queries -------------------------------------------------------------------------

  listRoots(): Root[] {
    return [...this.roots.values()].map((r) => ({ id: r.id, name: r.name, path: r.path, watching: true, polling: false }));
  }

  listRuns(): Run[] {
    return [...this.runs.values()];
  }

  listRunSummaries(): RunSummary[] {
    return this.listRuns().map(summarise);
  }

  getRun(id: string): Run | undefined {
    return this.runs.get(id);
  }

  /** Every waiting gate, oldest first. */
  waitingGates(): Gate[] {
    const out: Gate[] = [];
    for (const r of this.runs.values()) for (const g of r.gates) if (g.status === 'waiting') out.push(g);
    return out.sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
  }

  /** Every problem of every file, with the run it belongs to where there is one. */
  listProblems(): Problem[] {
    const runOfFile = new Map<string, string>();
    for (const r of this.runs.values()) for (const f of r.files) runOfFile.set(f.id, r.id);
    const out: Problem[] = [];
    for (const f of this.files.values()) for (const p of f.problems) out.push(toProblem(p, f, runOfFile.get(f.fileId)));
    return out;
  }

  problemsOfFile(fileId: string): Problem[] {
    const f = this.files.get(fileId);
    if (!f) return [];
    const runId = [...this.runs.values()].find((r) => r.files.some((x) => x.id === fileId))?.id;
    return f.problems.map((p) => toProblem(p, f, runId));
  }

  getParsedFile(fileId: string): ParsedFile | undefined {
    return this.files.get(fileId);
  }

  fileCount(): number {
    return this.files.size;
  }
}

function scoped(rootId: string, groupKey: string) {
  return rootId + '\0' + groupKey;
}

/** POSIX path of `abs` relative to `root`, or null when it lies outside it. */
export function toRel(root: string, abs: string): string | null {
  const rel = path.relative(root, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}

function crash(err: unknown): ProblemDraft {
  return {
    severity: 'error',
    field: '',
    code: 'internal.adapter_error',
    message: `Greenlight could not interpret this file (${err instanceof Error ? err.message : String(err)})`,
  };
}
