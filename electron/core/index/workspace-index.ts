// The in-memory index of every watched root: parsed files grouped by family run group, and the
// runs assembled from them. It does no watching itself; the watcher (or a one-shot scan) feeds
// it paths. Each file change re-parses that file and re-assembles only its group; a batch (a
// cold scan) parses every file first and then assembles each group once.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Artifact, Gate, Problem, Root, Run, RunSummary } from '../../../shared/model';
import { summarise } from '../../../shared/model';
import type { AssembleContext, Classification, FamilyAdapter, FileContext, ParsedFile } from '../families/family-adapter';
import { toProblem } from '../families/family-adapter';
import { readDocument } from '../read/read-document';
import { mapLimit } from '../util/map-limit';
import { StringPool } from '../util/string-pool';
import { adapterCrash, readAndParse, type ParseOutcome, type ParseTask, type ReadFn } from './parse-task';

/** Problem code of an adapter whose `assemble` threw (parse crashes keep `internal.adapter_error`). */
const ASSEMBLE_CRASH_CODE = 'internal.assemble_error';
import { stableId } from './stable-id';

export type { ReadFn } from './parse-task';

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

/**
 * Parses batches of files elsewhere (the worker pool); a 'local' outcome is parsed in-process
 * instead. Single files (live changes) are parsed in-process: a checkpoint takes a millisecond
 * or two, less than a round trip to a worker, and idle workers would only hold memory.
 */
export interface FileParser {
  /** Hands over each outcome as it is ready, in any order. */
  parseEach(tasks: ParseTask[], onOutcome: (index: number, outcome: ParseOutcome) => void): Promise<void>;
  /** The batch is done: free what the parser holds until the next one. */
  release?(): Promise<void>;
}

const PARSER_MIN_BATCH = 64;

export interface WorkspaceIndexOptions {
  adapters: FamilyAdapter[];
  /** Injected for tests. */
  read?: ReadFn;
  /** Worker-thread parsing (parse-pool.ts); only for the default adapters and reader. */
  parser?: FileParser;
  /** Batches smaller than this are parsed in-process (default 64). */
  parserMinBatch?: number;
  /** Adds what only the host knows to each assembled run (who decided a gate, from the audit log). */
  decorate?: (run: Run) => void;
  now?: () => number;
}

export type UpsertOutcome = 'indexed' | 'ignored' | 'retry' | 'removed';

/** A file about to be (re)parsed: where it is, who claims it, and when it was asked for. */
interface Pending {
  task: ParseTask;
  adapter: FamilyAdapter;
  key: string;
  /** Later requests win: an older read that finishes last must not overwrite a newer one. */
  seq: number;
}

export class WorkspaceIndex extends EventEmitter {
  readonly roots = new Map<string, IndexedRoot>();
  private readonly adapters: FamilyAdapter[];
  private readonly read: ReadFn;
  private readonly parser?: FileParser;
  private readonly parserMinBatch: number;
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
  /** fileId → where the file is (its absolute path is derived on request, never sent to the renderer) */
  private readonly filePaths = new Map<string, { rootId: string; rel: string }>();
  /** fileId → sequence number of the request whose result is indexed */
  private readonly appliedSeq = new Map<string, number>();
  private seq = 0;
  /** The in-process parse batch now running (see parseEach). */
  private localTail: Promise<void> = Promise.resolve();
  /** Records keep one copy of each short string (statuses, kinds, keys written as values). */
  private readonly strings = new StringPool();
  /**
   * Problem counts kept up to date as files and groups change, so every live event does not
   * walk every file: fileId → [errors, warnings] as last counted, and their sum.
   */
  private readonly fileTally = new Map<string, [number, number]>();
  private readonly tally = { errors: 0, warnings: 0 };
  /** Waiting gates, oldest first; rebuilt only after a change that involved a waiting gate. */
  private waitingCache?: Gate[];

  constructor(opts: WorkspaceIndexOptions) {
    super();
    this.adapters = opts.adapters;
    this.read = opts.read ?? readDocument;
    this.parser = opts.read ? undefined : opts.parser;
    this.parserMinBatch = opts.parserMinBatch ?? PARSER_MIN_BATCH;
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
      this.appliedSeq.delete(fileId);
      this.recount(fileId);
      change.problemFiles.push(fileId);
    }
    for (const [key, runs] of [...this.groupRuns]) {
      if (!key.startsWith(rootId + '\0')) continue;
      for (const r of runs) {
        this.forgetArtifacts(r);
        this.runs.delete(r.id);
        change.removed.push(r.id);
        if (hasWaiting(r)) this.waitingCache = undefined;
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
      if (root) this.filePaths.set(id, { rootId, rel });
    }
    return id;
  }

  /** Resolve a file id to its absolute path (main process only). */
  resolveFile(fileId: string): { rootId: string; abs: string; rel: string } | undefined {
    const f = this.filePaths.get(fileId);
    const root = f && this.roots.get(f.rootId);
    return f && root ? { rootId: f.rootId, rel: f.rel, abs: path.join(root.path, ...f.rel.split('/')) } : undefined;
  }

  /**
   * (Re)read one file and re-assemble its group. `retrying` tells whether a later retry is
   * planned: then a retryable decode failure keeps the previous good record and reports 'retry'.
   */
  async upsertFile(rootId: string, abs: string, opts: { willRetry?: boolean } = {}): Promise<UpsertOutcome> {
    const p = this.prepare(rootId, abs);
    if (!p) return 'ignored';
    const [outcome] = await this.parseAll([p]);
    const applied = this.apply(p, outcome, !!opts.willRetry);
    if (applied === 'gone') {
      this.removeFile(rootId, abs);
      return 'removed';
    }
    if (applied === 'retry') return 'retry';
    if (applied === 'superseded') return 'indexed';
    const change = this.reassemble(this.withDependents(p.key, p.adapter));
    change.changedFiles.push(p.task.fileId);
    change.problemFiles.push(p.task.fileId);
    this.emit('change', change);
    return 'indexed';
  }

  /**
   * (Re)read many files (a cold scan): parse them all, then assemble every touched group once
   * and emit a single change. Assembling per file would redo a group of n files n times.
   * (Assembling each group as soon as its files are parsed was tried: on two cores it only
   * competes with the workers, and it raises the peak memory, as the workers are still alive.)
   */
  async upsertFiles(rootId: string, absPaths: string[], opts: { willRetry?: boolean; concurrency?: number } = {}): Promise<Record<UpsertOutcome, number>> {
    return this.upsertStream(rootId, async (add) => add(absPaths), opts);
  }

  /**
   * As upsertFiles, for files that arrive in parts (a scan listing folder after folder): each
   * part goes to the parse workers as soon as it is large enough, so they are busy while the
   * listing goes on. Runs are assembled once, after the last part is parsed.
   */
  async upsertStream(
    rootId: string,
    produce: (add: (absPaths: string[]) => void) => Promise<void>,
    opts: { willRetry?: boolean; concurrency?: number } = {},
  ): Promise<Record<UpsertOutcome, number>> {
    const counts: Record<UpsertOutcome, number> = { indexed: 0, ignored: 0, retry: 0, removed: 0 };
    const pending: Pending[] = [];
    const change: IndexChange = { upserted: [], removed: [], problemFiles: [], changedFiles: [] };
    const touched = new Map<string, FamilyAdapter>();
    const joined = new Set<Pending>();
    // Results are indexed as they arrive, so the decoded batches never pile up.
    const onOutcome = (p: Pending, outcome: ParseOutcome) => {
      const applied = this.apply(p, outcome, !!opts.willRetry, false);
      if (applied === 'indexed') joined.add(p);
      if (applied === 'retry') return void counts.retry++;
      if (applied === 'superseded') return void counts.indexed++;
      if (applied === 'gone') {
        counts.removed++;
        if (!this.forgetFile(p.task.fileId)) return;
      } else counts.indexed++;
      touched.set(p.key, p.adapter);
      change.changedFiles.push(p.task.fileId);
      change.problemFiles.push(p.task.fileId);
    };
    const parsing: Array<Promise<void>> = [];
    let unsent = 0; // pending[unsent..] are not handed to the parser yet
    const send = (all: boolean) => {
      // Parts go out in runs of at least PARSER_MIN_BATCH files (the last one whatever its size,
      // where a small batch as a whole is parsed in-process).
      if (pending.length - unsent < (all ? 1 : this.parserMinBatch)) return;
      const part = pending.slice(unsent);
      unsent = pending.length;
      const whole = all && part.length === pending.length;
      parsing.push(this.parseEach(part, (i, o) => onOutcome(part[i], o), opts.concurrency, !whole));
    };
    await produce((absPaths) => {
      for (const abs of absPaths) {
        const p = this.prepare(rootId, abs);
        if (p) pending.push(p);
        else counts.ignored++;
      }
      send(false);
    });
    send(true);
    await Promise.all(parsing);
    // Workers started for the batch (or warmed for one that turned out small) are let go
    // before assembly allocates; live changes are parsed in-process.
    await this.parser?.release?.();
    performance.mark('greenlight:batch-parsed', { detail: { files: pending.length } });
    // Files join their groups in path order, not in the order they were listed or the workers
    // finished them, so a run lists its files the same way every time.
    pending.sort((a, b) => (a.task.abs < b.task.abs ? -1 : a.task.abs > b.task.abs ? 1 : a.seq - b.seq));
    for (const p of pending) if (joined.has(p)) this.join(p);
    pending.length = 0; // the tasks are indexed now; let them go before assembly allocates
    joined.clear();
    const keys = new Set<string>();
    for (const [key, adapter] of touched) for (const k of this.withDependents(key, adapter)) keys.add(k);
    const assembled = this.reassemble([...keys]);
    change.upserted = assembled.upserted;
    change.removed = assembled.removed;
    if (keys.size) this.emit('change', change);
    return counts;
  }

  private prepare(rootId: string, abs: string): Pending | null {
    const root = this.roots.get(rootId);
    if (!root) return null;
    const rel = toRel(root.path, abs);
    if (rel === null) return null;
    const hit = this.classify(rel);
    if (!hit) return null;
    const fileId = this.fileIdFor(rootId, rel);
    const task: ParseTask = { fileId, rootId, rootPath: root.path, abs, rel, classification: hit.classification };
    return { task, adapter: hit.adapter, key: scoped(rootId, hit.classification.groupKey), seq: ++this.seq };
  }

  /** Read and parse, on the worker pool when there is one; in-process otherwise. */
  private async parseAll(pending: Pending[], concurrency?: number): Promise<ParseOutcome[]> {
    const out: ParseOutcome[] = new Array(pending.length);
    await this.parseEach(pending, (i, o) => (out[i] = o), concurrency);
    return out;
  }

  /** `partOfMore`: one part of a larger batch, worth the workers whatever its own size. */
  private async parseEach(pending: Pending[], onOutcome: (index: number, outcome: ParseOutcome) => void, concurrency = 16, partOfMore = false): Promise<void> {
    let local: number[] = pending.map((_, i) => i);
    if (this.parser && (partOfMore || pending.length >= this.parserMinBatch)) {
      local = [];
      await this.parser.parseEach(
        pending.map((p) => p.task),
        (i, o) => (o.kind === 'local' ? local.push(i) : onOutcome(i, o)),
      );
    }
    if (!local.length) return;
    // In-process parsing runs one batch at a time: the parts of a streamed scan would otherwise
    // each read `concurrency` files at once, and hold them all in memory together.
    const run = this.localTail.then(() =>
      mapLimit(local, concurrency, async (i) => {
        onOutcome(i, await readAndParse(pending[i].task, pending[i].adapter, this.read));
      }),
    );
    this.localTail = run.then(
      () => undefined,
      () => undefined,
    );
    await run;
  }

  /** Puts one parse outcome into the index (no assembly). */
  private apply(p: Pending, outcome: ParseOutcome, willRetry: boolean, joinGroup = true): 'indexed' | 'gone' | 'retry' | 'superseded' {
    const { fileId } = p.task;
    if (p.seq <= (this.appliedSeq.get(fileId) ?? 0)) return 'superseded';
    if (outcome.kind === 'gone') return 'gone';
    if (outcome.kind === 'local') throw new Error('unparsed outcome'); // parseAll never leaves one
    const ctx: FileContext & { sha256?: string } = {
      fileId,
      rootId: p.task.rootId,
      rootPath: p.task.rootPath,
      abs: p.task.abs,
      rel: p.task.rel,
      size: outcome.size,
      mtimeMs: outcome.mtimeMs,
      classification: p.task.classification,
      sha256: outcome.sha256,
    };
    let parsed: ParsedFile;
    if (outcome.kind === 'failed') {
      if (outcome.retryable && willRetry) {
        const previous = this.files.get(fileId);
        if (previous?.record !== undefined) previous.stale = true;
        return 'retry';
      }
      parsed = { ...ctx, problems: outcome.problems };
    } else {
      parsed = { ...ctx, record: this.strings.internDeep(outcome.record), problems: outcome.problems };
    }
    this.appliedSeq.set(fileId, p.seq);
    this.files.set(fileId, parsed);
    this.recount(fileId);
    if (joinGroup) this.join(p);
    return 'indexed';
  }

  private join(p: Pending): void {
    let set = this.groups.get(p.key);
    if (!set) this.groups.set(p.key, (set = new Set()));
    set.add(p.task.fileId);
  }

  /** Drops a file from its group without re-assembling; false when it was not indexed. */
  private forgetFile(fileId: string): boolean {
    const f = this.files.get(fileId);
    if (!f) return false;
    this.files.delete(fileId);
    this.appliedSeq.delete(fileId);
    this.recount(fileId);
    this.groups.get(scoped(f.rootId, f.classification.groupKey))?.delete(fileId);
    return true;
  }

  removeFile(rootId: string, abs: string): boolean {
    const root = this.roots.get(rootId);
    if (!root) return false;
    const rel = toRel(root.path, abs);
    if (rel === null) return false;
    const fileId = stableId('file', rootId, rel);
    const f = this.files.get(fileId);
    if (!f) return false;
    this.forgetFile(fileId);
    const key = scoped(rootId, f.classification.groupKey);
    const adapter = this.adapters.find((a) => a.family === f.classification.family);
    const change = this.reassemble(this.withDependents(key, adapter));
    change.changedFiles.push(fileId);
    change.problemFiles.push(fileId);
    this.emit('change', change);
    return true;
  }

  /** A folder vanished: drop every indexed file below it, then re-assemble once. */
  removeUnder(rootId: string, absDir: string): number {
    const root = this.roots.get(rootId);
    if (!root) return 0;
    const relDir = toRel(root.path, absDir);
    if (relDir === null) return 0;
    const prefix = relDir + '/';
    const change: IndexChange = { upserted: [], removed: [], problemFiles: [], changedFiles: [] };
    const touched = new Map<string, FamilyAdapter | undefined>();
    for (const f of [...this.files.values()]) {
      if (f.rootId !== rootId || !f.rel.startsWith(prefix)) continue;
      this.forgetFile(f.fileId);
      touched.set(scoped(rootId, f.classification.groupKey), this.adapterOf(f.classification));
      change.changedFiles.push(f.fileId);
      change.problemFiles.push(f.fileId);
    }
    if (!touched.size) return 0;
    const keys = new Set<string>();
    for (const [key, adapter] of touched) for (const k of this.withDependents(key, adapter)) keys.add(k);
    const assembled = this.reassemble([...keys]);
    change.upserted = assembled.upserted;
    change.removed = assembled.removed;
    this.emit('change', change);
    return change.changedFiles.length;
  }

  private adapterOf(c: Classification): FamilyAdapter | undefined {
    return this.adapters.find((a) => a.family === c.family);
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
      // Groups whose files the adapter saw (its own, and any it looked up): assembly may add or
      // clear problems on them, so they are counted again afterwards.
      const seen = new Set<string>([key]);
      if (files.length) {
        const adapter = this.adapters.find((a) => a.family === files[0].classification.family);
        if (adapter) {
          try {
            runs = adapter.assemble(groupKey, files, this.assembleContext(rootId, seen));
          } catch (err) {
            // Keep the files' problems visible even when assembly fails, once: a group is
            // re-assembled on every change, and the previous crash report is replaced.
            files[0].problems = [
              ...files[0].problems.filter((p) => p.code !== ASSEMBLE_CRASH_CODE),
              { ...adapterCrash(err), code: ASSEMBLE_CRASH_CODE },
            ];
            runs = [];
          }
        }
      }
      for (const f of files) this.recount(f.fileId);
      for (const k of seen) if (k !== key) for (const id of this.groups.get(k) ?? []) this.recount(id);
      for (const run of runs) {
        this.attachProblems(run, files);
        this.decorate?.(run);
        run.pendingGates = run.gates.filter((g) => g.status === 'waiting').length;
      }
      if (!ids.size) this.groups.delete(key);
      const newIds = new Set(runs.map((r) => r.id));
      for (const r of before) {
        this.forgetArtifacts(r);
        if (hasWaiting(r)) this.waitingCache = undefined;
        if (!newIds.has(r.id)) {
          this.runs.delete(r.id);
          change.removed.push(r.id);
        }
      }
      for (const r of runs) {
        this.runs.set(r.id, r);
        this.rememberArtifacts(r);
        if (hasWaiting(r)) this.waitingCache = undefined;
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
    return { ...this.tally };
  }

  /** Brings the problem tally up to date for one file (indexed, changed or gone). */
  private recount(fileId: string): void {
    const old = this.fileTally.get(fileId);
    const f = this.files.get(fileId);
    let errors = 0;
    let warnings = 0;
    if (f)
      for (const p of f.problems) {
        if (p.severity === 'error') errors++;
        else warnings++;
      }
    this.tally.errors += errors - (old?.[0] ?? 0);
    this.tally.warnings += warnings - (old?.[1] ?? 0);
    if (f) this.fileTally.set(fileId, [errors, warnings]);
    else this.fileTally.delete(fileId);
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

  private assembleContext(rootId: string, seen?: Set<string>): AssembleContext {
    return {
      makeId: (...parts: string[]) => stableId(rootId, ...parts),
      fileIdFor: (rid: string, rel: string) => this.fileIdFor(rid, rel),
      filesOfGroup: (groupKey: string) => {
        seen?.add(scoped(rootId, groupKey));
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
    if (!this.waitingCache) {
      const out: Gate[] = [];
      for (const r of this.runs.values()) for (const g of r.gates) if (g.status === 'waiting') out.push(g);
      // The collator is what localeCompare uses, without building it again for every comparison.
      this.waitingCache = out.sort((a, b) => SINCE_ORDER.compare(a.since ?? '', b.since ?? ''));
    }
    return [...this.waitingCache];
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

const SINCE_ORDER = new Intl.Collator();

function hasWaiting(run: Run): boolean {
  return run.gates.some((g) => g.status === 'waiting');
}

function scoped(rootId: string, groupKey: string) {
  return rootId + '\0' + groupKey;
}

/** A relative path with `.`/`..` segments, doubled or trailing separators: left to path.relative. */
const NOT_PLAIN = path.sep === '/' ? /(^|\/)\.\.?(\/|$)|\/\/|\/$|^\// : /(^|[\\/])\.\.?([\\/]|$)|[\\/][\\/]|[\\/]$|\//;

/** POSIX path of `abs` relative to `root`, or null when it lies outside it. */
export function toRel(root: string, abs: string): string | null {
  // The common case, cheaply: a normalised path below the root (every path a scan lists).
  if (abs.length > root.length + 1 && abs.startsWith(root) && abs[root.length] === path.sep && !root.endsWith(path.sep)) {
    const rest = abs.slice(root.length + 1);
    if (!NOT_PLAIN.test(rest)) return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  const rel = path.relative(root, abs);
  // Outside: `..` itself or below it (a name like `...` or `..notes` is inside).
  if (!rel || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}
