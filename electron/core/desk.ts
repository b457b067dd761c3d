// The desk: the whole core behind one object. It owns the index and one watcher per root,
// turns file events into index updates (with retries for half-written files), batches the
// index's changes into DeskEvents for every connected renderer, and knows nothing of Electron.
import { EventEmitter } from 'node:events';
import { existsSync, promises as fs, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DeskEvent, Snapshot } from '../../shared/api-contract';
import type { FileRef, Notice, Root } from '../../shared/model';
import { summarise } from '../../shared/model';
import { ALL_ADAPTERS } from './families/all-adapters';
import type { FamilyAdapter } from './families/family-adapter';
import { findWorkerFile, ParsePool } from './index/parse-pool';
import { isTempFile } from './index/ignore-rules';
import { scanTree } from './index/scan-tree';
import { stableId } from './index/stable-id';
import { WorkspaceIndex, type IndexChange, type ReadFn } from './index/workspace-index';
import { RootWatcher } from './watch/root-watcher';
import { mapLimit } from './util/map-limit';
import { KeyedMutex } from './util/keyed-mutex';
import type { Run } from '../../shared/model';
import { readAudit } from './decide/audit-log';
import { MAX_DOCUMENT_BYTES, sha256 } from './read/read-document';
import { recoverInterruptedSwaps } from './decide/writers/swap-if-unchanged';

export const VERSION = '0.1.0';

/** Delays before re-reading a file that looked half-written (Twinklr writes in place). */
export const RETRY_DELAYS_MS = [50, 150, 400, 1000];

/** When a changed path is checked again against what was indexed (see Desk.followUp). */
export const FOLLOW_UP_MS = [300, 1500];

export interface DeskOptions {
  mode: 'electron' | 'browser' | 'cli';
  watch?: boolean;
  adapters?: FamilyAdapter[];
  read?: ReadFn;
  polling?: boolean;
  debounceMs?: number;
  /** How many files are read at once during a cold scan when parsing in-process. */
  concurrency?: number;
  /**
   * Parse workers for the default adapters and reader (0: parse on the main thread). Defaults
   * to the cores available (at most 4) when the bundled worker (parse-worker.cjs) is found.
   */
  parseWorkers?: number;
  /** The bundled worker script; found beside the running bundle by default. */
  parseWorkerFile?: string;
}

export class Desk extends EventEmitter {
  readonly index: WorkspaceIndex;
  private readonly watchers = new Map<string, RootWatcher>();
  private readonly scanning = new Set<string>();
  private readonly notices: Notice[] = [];
  private readonly retries = new Map<string, { attempt: number; timer: NodeJS.Timeout }>();
  private pending: IndexChange = emptyChange();
  private flushTimer?: NodeJS.Timeout;
  private muted = 0;
  private readonly fileLocks = new KeyedMutex();
  private readonly followUps = new Map<string, NodeJS.Timeout[]>();
  /** Decisions Greenlight recorded (audit log), by gate id: who, when, why, and whether a rule did it. */
  private readonly decisions = new Map<string, DecisionInfo>();
  private readonly pool?: ParsePool;

  constructor(private readonly opts: DeskOptions) {
    super();
    this.setMaxListeners(100);
    // Workers run the built-in adapters only; injected adapters or readers stay in-process.
    const workerFile = opts.parseWorkers === 0 || opts.read || (opts.adapters && opts.adapters !== ALL_ADAPTERS) ? undefined : (opts.parseWorkerFile ?? findWorkerFile());
    if (workerFile) this.pool = new ParsePool({ workerFile, size: opts.parseWorkers });
    this.index = new WorkspaceIndex({ adapters: opts.adapters ?? ALL_ADAPTERS, read: opts.read, parser: this.pool, decorate: (run) => this.decorateRun(run) });
    this.index.on('change', (c: IndexChange) => this.collect(c));
  }

  get ready(): boolean {
    return this.scanning.size === 0;
  }

  /** Add a folder: scan it fully, then (unless watch is off) keep it live. */
  async addRoot(dir: string): Promise<Root> {
    const abs = path.resolve(dir);
    if (!existsSync(abs) || !statSync(abs).isDirectory()) throw new Error(`not a folder: ${dir}`);
    const existing = [...this.index.roots.values()].find((r) => r.path === abs);
    if (existing) return this.rootInfo(existing.id)!;
    const root = this.index.addRoot(abs);
    this.scanning.add(root.id);
    this.pool?.warm();
    for (const e of await readAudit(abs)) {
      if (e.gateId && (e.action === 'approve' || e.action === 'reject' || e.action === 'auto-approve'))
        this.decisions.set(e.gateId, { by: e.by, at: e.at, note: e.note, auto: !!e.auto, decision: e.action === 'reject' ? 'reject' : 'approve' });
    }
    this.emitEvent({ type: 'roots', roots: this.index.listRoots() });
    if (this.opts.watch) {
      const watcher = new RootWatcher(abs, {
        debounceMs: this.opts.debounceMs,
        polling: this.opts.polling,
        onEvent: (e) => void this.onWatchEvent(root.id, e.kind, e.abs),
        onNotice: (level, message) => this.notice(level, message, root.id),
        onPollingChange: () => this.emitEvent({ type: 'roots', roots: this.listRoots() }),
      });
      this.watchers.set(root.id, watcher);
      // Every folder is watched just before the scan lists it (one OS watch per folder), so
      // nothing written while the scan runs is missed; the scan's walk serves both.
      const along = await watcher.startAlongScan();
      await this.scanRoot(root.id, abs, along.beforeList);
      await along.scanned();
    } else await this.scanRoot(root.id, abs);
    return this.rootInfo(root.id)!;
  }

  private async scanRoot(rootId: string, abs: string, beforeList?: (abs: string, real: string) => void) {
    // A cold scan produces one event at the end, not one per file.
    this.muted++;
    try {
      const interrupted = new Set<string>();
      // Files found by a scan have settled: report a broken one at once instead of retrying
      // (a file still being written will fire a change event when its writer finishes).
      // One batch: every file parsed (on the workers, while the listing goes on), then each run
      // group assembled once. Folders where a decision was cut off mid-swap wait for recovery.
      await this.index.upsertStream(
        rootId,
        async (add) => {
          const files = await scanTree(abs, {
            onIssue: (issue) => this.notice('warning', `${issue.abs}: ${issue.message}`, rootId),
            onTakenAside: (dir) => interrupted.add(dir),
            onFiles: (part) => add(part.filter((f) => !interrupted.has(path.dirname(f)))),
            beforeList,
          });
          // Phase marks for the benchmark (bench/core-entry.ts): listing, then parsing + assembly.
          performance.mark('greenlight:scan-listed', { detail: { rootId, files: files.length } });
          // A decision was cut off mid-swap (crash, kill -9): put the taken checkpoint back,
          // then read those folders as they are now.
          for (const dir of interrupted) {
            const restored = await recoverInterruptedSwaps(dir).catch(() => []);
            if (restored.length) this.notice('info', `Restored ${restored.length} checkpoint${restored.length === 1 ? '' : 's'} set aside by an interrupted decision in ${dir}`, rootId);
            add((await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile() && !isTempFile(e.name)).map((e) => path.join(dir, e.name)));
          }
        },
        { willRetry: false, concurrency: this.opts.concurrency },
      );
      performance.mark('greenlight:scan-indexed', { detail: { rootId } });
    } finally {
      this.muted--;
      this.scanning.delete(rootId);
    }
    this.flush();
    if (this.ready) this.emitEvent({ type: 'ready' });
  }

  async removeRoot(rootId: string): Promise<boolean> {
    if (!this.index.roots.has(rootId)) return false;
    await this.watchers.get(rootId)?.close();
    this.watchers.delete(rootId);
    this.index.removeRoot(rootId);
    this.flush();
    this.emitEvent({ type: 'roots', roots: this.listRoots() });
    return true;
  }

  private async onWatchEvent(rootId: string, kind: 'upsert' | 'remove' | 'remove-dir', abs: string) {
    if (kind === 'remove') await this.fileLocks.run(rootId + '\0' + abs, async () => void this.index.removeFile(rootId, abs));
    else if (kind === 'remove-dir') this.index.removeUnder(rootId, abs);
    else if (await this.insideRoot(rootId, abs)) await this.upsert(rootId, abs);
    if (kind !== 'remove-dir') this.followUp(rootId, abs);
  }

  /**
   * A path that just changed is looked at again shortly after. Writers that replace a file by
   * rename or link swap its inode; under heavy churn the OS watcher can report the swap but not
   * the last write, which would leave an older version shown. The follow-up compares the file's
   * hash with the indexed revision and re-reads it when they differ.
   */
  private followUp(rootId: string, abs: string) {
    const key = rootId + '\0' + abs;
    for (const t of this.followUps.get(key) ?? []) clearTimeout(t);
    this.followUps.set(
      key,
      FOLLOW_UP_MS.map((ms) =>
        setTimeout(() => {
          void this.verify(rootId, abs);
          if (ms === FOLLOW_UP_MS[FOLLOW_UP_MS.length - 1]) this.followUps.delete(key);
        }, ms),
      ),
    );
  }

  private async verify(rootId: string, abs: string): Promise<void> {
    const root = this.index.roots.get(rootId);
    if (!root) return;
    const rel = path.relative(root.path, abs).split(path.sep).join('/');
    const hit = this.index.classify(rel);
    if (!hit) return;
    const indexed = this.index.getParsedFile(this.index.fileIdFor(rootId, rel));
    const st = await fs.stat(abs).catch(() => null);
    if (!st) {
      if (indexed) await this.fileLocks.run(rootId + '\0' + abs, async () => void this.index.removeFile(rootId, abs));
      return;
    }
    if (!indexed) return void (await this.upsert(rootId, abs));
    // Only checkpoints are compared by content; media the index never reads are left alone.
    if (hit.classification.format === 'none' || st.size > MAX_DOCUMENT_BYTES) return;
    const bytes = await fs.readFile(abs).catch(() => null);
    if (bytes && indexed.sha256 !== sha256(bytes)) await this.upsert(rootId, abs);
  }

  /** chokidar follows symbolic links; what lies outside the root (really) is never read. */
  private async insideRoot(rootId: string, abs: string): Promise<boolean> {
    const root = this.index.roots.get(rootId);
    if (!root) return false;
    try {
      const [realRoot, real] = await Promise.all([fs.realpath(root.path), fs.realpath(abs)]);
      const back = path.relative(realRoot, real);
      if (back && !back.startsWith('..') && !path.isAbsolute(back)) return true;
      this.notice('warning', `${abs}: symbolic link leads outside the watched folder (to ${real}); not followed`, rootId);
      return false;
    } catch {
      return true; // vanished: let the index see the removal
    }
  }

  /** Read a file; when it looks half-written and we are live, retry later keeping the last good version. */
  private upsert(rootId: string, abs: string, opts: { settled?: boolean } = {}): Promise<void> {
    const key = rootId + '\0' + abs;
    // One read of a path at a time: two overlapping reads could finish out of order and leave
    // the older content indexed. A queued read re-reads the file, so the newest version wins.
    return this.fileLocks.run(key, async () => {
      const state = this.retries.get(key);
      if (state) clearTimeout(state.timer);
      const attempt = state?.attempt ?? 0;
      const live = !!this.opts.watch;
      const willRetry = live && !opts.settled && attempt < RETRY_DELAYS_MS.length;
      const outcome = await this.index.upsertFile(rootId, abs, { willRetry });
      if (outcome === 'retry') {
        const timer = setTimeout(() => void this.upsert(rootId, abs), RETRY_DELAYS_MS[attempt]);
        this.retries.set(key, { attempt: attempt + 1, timer });
        return;
      }
      this.retries.delete(key);
    });
  }

  /** Re-read one file now (after Greenlight wrote it), without waiting for the watcher. */
  async refreshFile(rootId: string, abs: string): Promise<void> {
    await this.upsert(rootId, abs);
    this.flush();
  }

  /** Index every file of a folder that Greenlight just created (a branch), without waiting for the watcher. */
  async rescanFolder(rootId: string, absDir: string): Promise<void> {
    const files = await scanTree(absDir);
    this.muted++;
    try {
      await mapLimit(files, 8, (f) => this.upsert(rootId, f));
    } finally {
      this.muted--;
    }
    this.flush();
  }

  recordDecision(gateId: string, info: DecisionInfo): void {
    this.decisions.set(gateId, info);
  }

  /** Fill in who decided a gate where the pipeline's own file cannot say (OpenMontage keeps only a flag). */
  private decorateRun(run: Run): void {
    for (const g of run.gates) {
      const d = this.decisions.get(g.id);
      if (!d || g.status === 'waiting') continue;
      g.decidedBy ??= d.by;
      g.decidedAt ??= d.at;
      g.note ??= d.note;
      if (d.auto) {
        g.auto = true;
        if (g.status === 'approved') g.status = 'auto_approved';
      }
    }
  }

  private collect(c: IndexChange) {
    this.pending.upserted.push(...c.upserted);
    this.pending.removed.push(...c.removed);
    this.pending.changedFiles.push(...c.changedFiles);
    this.pending.problemFiles.push(...c.problemFiles);
    if (this.muted) return;
    // Coalesce bursts (a rename touches two paths) into one event, without adding visible latency.
    if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), 5);
  }

  private flush() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const c = this.pending;
    this.pending = emptyChange();
    if (!c.upserted.length && !c.removed.length && !c.changedFiles.length) return;
    const latest = new Map(c.upserted.map((r) => [r.id, r]));
    const removed = [...new Set(c.removed)].filter((id) => !this.index.getRun(id));
    const changedFiles: FileRef[] = [];
    for (const id of new Set(c.changedFiles)) {
      const f = this.index.resolveFile(id);
      if (f) changedFiles.push({ id, rootId: f.rootId, rel: f.rel });
    }
    this.emitEvent({
      type: 'index',
      upserted: [...latest.values()].filter((r) => this.index.getRun(r.id)).map(summarise),
      removed,
      gates: this.index.waitingGates(),
      problemCount: this.index.problemCount(),
      changedRuns: [...latest.keys(), ...removed],
      changedFiles,
    });
  }

  private emitEvent(e: DeskEvent) {
    this.emit('event', e);
  }

  notice(level: Notice['level'], message: string, rootId?: string) {
    const n: Notice = { id: stableId('notice', message, String(Date.now())), level, message, rootId };
    this.notices.push(n);
    if (this.notices.length > 200) this.notices.shift();
    this.emitEvent({ type: 'notice', notice: n });
  }

  listRoots(): Root[] {
    return this.index.listRoots().map((r) => ({ ...r, watching: this.watchers.has(r.id), polling: this.watchers.get(r.id)?.isPolling ?? false }));
  }

  private rootInfo(id: string): Root | undefined {
    return this.listRoots().find((r) => r.id === id);
  }

  snapshot(): Snapshot {
    return {
      roots: this.listRoots(),
      runs: this.index.listRunSummaries(),
      gates: this.index.waitingGates(),
      problemCount: this.index.problemCount(),
      notices: [...this.notices],
      ready: this.ready,
      mode: this.opts.mode === 'electron' ? 'electron' : 'browser',
      version: VERSION,
    };
  }

  /** Resolves once no retry is pending and no batched event is waiting (tests, CLI). */
  async settled(): Promise<void> {
    while (this.retries.size || this.flushTimer) await new Promise((r) => setTimeout(r, 20));
  }

  async close(): Promise<void> {
    for (const ts of this.followUps.values()) for (const t of ts) clearTimeout(t);
    this.followUps.clear();
    for (const r of this.retries.values()) clearTimeout(r.timer);
    this.retries.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await Promise.all([...this.watchers.values()].map((w) => w.close()));
    this.watchers.clear();
    await this.pool?.close();
  }
}

export interface DecisionInfo {
  by: string;
  at: string;
  note?: string;
  auto: boolean;
  decision: 'approve' | 'reject';
}

function emptyChange(): IndexChange {
  return { upserted: [], removed: [], problemFiles: [], changedFiles: [] };
}
