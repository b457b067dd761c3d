// A small pool of parse workers (parse-worker.ts) so a cold scan of tens of thousands of
// checkpoints uses every core while the main thread only assembles runs. Files travel in
// batches (one message per batch, not per file). A worker that hangs on a file or dies is
// replaced: its oldest batch is retried one file at a time, so only the file at fault ends up
// with a problem, and the pool carries on. When workers cannot run at all (no worker file,
// an environment without worker threads) every task comes back as 'local' and the index
// parses it in-process, as it always could.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseOutcome, ParseTask } from './parse-task';
import type { WorkerReply, WorkerRequest } from './parse-worker';

export interface ParsePoolOptions {
  /** The bundled worker script (dist/parse-worker.cjs). */
  workerFile: string;
  /** Number of workers; defaults to the cores available, at most 4. */
  size?: number;
  /** A batch with no answer for this long is taken to be stuck on a file. */
  timeoutMs?: number;
  /** Files per message. */
  batchSize?: number;
  /** Heap limit of each worker, so one pathological file cannot exhaust the desk's memory. */
  maxWorkerHeapMb?: number;
}

interface Batch {
  id: number;
  tasks: ParseTask[];
  resolve(outcomes: ParseOutcome[]): void;
}

interface Slot {
  worker?: Worker;
  inflight: Batch[];
  timer?: NodeJS.Timeout;
  online: boolean;
}

/** Two batches per worker, so a worker never waits for the main thread between batches. */
const IN_FLIGHT_PER_WORKER = 2;
/** Workers that die before answering anything this many times in a row mean workers cannot run here. */
const MAX_START_FAILURES = 3;

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Batch[] = [];
  private readonly opts: Required<ParsePoolOptions>;
  private nextId = 1;
  private closed = false;
  private startFailures = 0;
  private isBroken = false;

  constructor(opts: ParsePoolOptions) {
    this.opts = {
      workerFile: opts.workerFile,
      size: Math.max(1, opts.size ?? defaultPoolSize()),
      timeoutMs: opts.timeoutMs ?? 30_000,
      batchSize: opts.batchSize ?? 16,
      maxWorkerHeapMb: opts.maxWorkerHeapMb ?? 1024,
    };
  }

  /** True once the pool gave up on workers; every task then comes back as 'local'. */
  get broken(): boolean {
    return this.isBroken;
  }

  get size(): number {
    return this.opts.size;
  }

  /** Starts the workers ahead of the first batch (they take a moment to load the adapters). */
  warm(): void {
    if (this.closed || this.isBroken) return;
    while (this.slots.length < this.opts.size) this.slots.push({ inflight: [], online: false });
    for (const s of this.slots) if (!s.worker) this.spawn(s);
  }

  /** Parses files on the workers; outcomes come back in the order of `tasks`. */
  async parse(tasks: ParseTask[]): Promise<ParseOutcome[]> {
    const out: ParseOutcome[] = new Array(tasks.length);
    await this.parseEach(tasks, (i, o) => (out[i] = o));
    return out;
  }

  /**
   * Parses files on the workers, handing each outcome over as soon as its batch is back (in
   * no particular order), so a caller can index results while the workers go on.
   */
  parseEach(tasks: ParseTask[], onOutcome: (index: number, outcome: ParseOutcome) => void): Promise<void> {
    if (!tasks.length) return Promise.resolve();
    if (this.closed || this.isBroken) {
      tasks.forEach((_, i) => onOutcome(i, { kind: 'local' }));
      return Promise.resolve();
    }
    this.warm();
    // Small batches when there is little work, so every worker gets some.
    const size = Math.max(1, Math.min(this.opts.batchSize, Math.ceil(tasks.length / (this.opts.size * 4))));
    let pending = Math.ceil(tasks.length / size);
    return new Promise((resolve) => {
      for (let start = 0; start < tasks.length; start += size) {
        const from = start;
        this.queue.push({
          id: this.nextId++,
          tasks: tasks.slice(from, from + size),
          resolve: (outcomes) => {
            for (let i = 0; i < outcomes.length; i++) onOutcome(from + i, outcomes[i]);
            if (--pending === 0) resolve();
          },
        });
      }
      this.pump();
    });
  }

  /**
   * Ends the workers once their queue is empty; the next batch starts fresh ones. A desk calls
   * this after a cold scan so the workers' memory is given back before runs are assembled.
   */
  async release(): Promise<void> {
    if (this.queue.length || this.slots.some((s) => s.inflight.length)) return;
    const workers = this.slots.map((s) => s.worker).filter((w): w is Worker => !!w);
    for (const s of this.slots) {
      if (s.timer) clearTimeout(s.timer);
      s.worker = undefined;
      s.online = false;
    }
    await Promise.all(workers.map((w) => w.terminate().catch(() => 0)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const workers = this.slots.map((s) => s.worker).filter((w): w is Worker => !!w);
    for (const s of this.slots) {
      if (s.timer) clearTimeout(s.timer);
      for (const b of s.inflight.splice(0)) b.resolve(b.tasks.map(() => ({ kind: 'local' })));
      s.worker = undefined;
    }
    for (const b of this.queue.splice(0)) b.resolve(b.tasks.map(() => ({ kind: 'local' })));
    await Promise.all(workers.map((w) => w.terminate().catch(() => 0)));
  }

  private spawn(slot: Slot): void {
    let worker: Worker;
    try {
      // A small young generation: records are tiny and short-lived, and every megabyte here is
      // resident memory of the desk while a scan runs.
      worker = new Worker(this.opts.workerFile, { resourceLimits: { maxOldGenerationSizeMb: this.opts.maxWorkerHeapMb, maxYoungGenerationSizeMb: 8 } });
    } catch {
      this.giveUp();
      return;
    }
    slot.worker = worker;
    slot.online = false;
    worker.unref();
    worker.on('message', (m: WorkerReply) => this.onReply(slot, worker, m));
    worker.on('error', () => this.onFailure(slot, worker, 'crash'));
    worker.on('exit', () => this.onFailure(slot, worker, 'crash'));
  }

  private pump(): void {
    if (this.closed || this.isBroken) return;
    for (const slot of this.slots) {
      if (!slot.worker) this.spawn(slot);
      const worker = slot.worker;
      if (!worker) return;
      while (slot.inflight.length < IN_FLIGHT_PER_WORKER && this.queue.length) {
        const batch = this.queue.shift()!;
        slot.inflight.push(batch);
        worker.ref();
        worker.postMessage({ id: batch.id, tasks: batch.tasks } satisfies WorkerRequest);
        if (slot.inflight.length === 1) this.arm(slot, worker);
      }
    }
  }

  /** Times the oldest batch of a worker, from when it became the oldest. */
  private arm(slot: Slot, worker: Worker): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    if (!slot.inflight.length) return;
    slot.timer = setTimeout(() => this.onFailure(slot, worker, 'timeout'), this.opts.timeoutMs);
    slot.timer.unref();
  }

  private onReply(slot: Slot, worker: Worker, m: WorkerReply): void {
    if (slot.worker !== worker) return;
    if (m.id === 0) {
      // Loaded: from now on a death is the fault of a file, not of the environment.
      slot.online = true;
      this.startFailures = 0;
      return;
    }
    const i = slot.inflight.findIndex((b) => b.id === m.id);
    if (i < 0) return;
    const [batch] = slot.inflight.splice(i, 1);
    this.arm(slot, worker);
    if (!slot.inflight.length) worker.unref();
    batch.resolve(m.outcomes);
    this.pump();
  }

  private onFailure(slot: Slot, worker: Worker, reason: 'crash' | 'timeout'): void {
    if (this.closed || slot.worker !== worker) return;
    slot.worker = undefined;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    void worker.terminate().catch(() => 0);
    if (!slot.online) {
      // It died before loading: the environment's fault, not a file's. Try again, then give up.
      const waiting = slot.inflight.splice(0);
      if (++this.startFailures >= MAX_START_FAILURES) return this.giveUp(waiting);
      this.queue.unshift(...waiting);
      return this.pump();
    }
    const [head, ...rest] = slot.inflight.splice(0);
    // Batches that were only queued behind the culprit are not to blame.
    this.queue.unshift(...rest);
    if (head) {
      if (head.tasks.length > 1) {
        // Which file of the batch did it is unknown: retry them one by one.
        const singles: Batch[] = head.tasks.map((task, k) => ({
          id: this.nextId++,
          tasks: [task],
          resolve: (o) => partial(head, k, o[0]),
        }));
        this.queue.unshift(...singles);
      } else {
        head.resolve([failedOutcome(reason, this.opts.timeoutMs)]);
      }
    }
    this.pump();
  }

  /** Workers cannot run here: hand everything back for in-process parsing. */
  private giveUp(extra: Batch[] = []): void {
    this.isBroken = true;
    for (const b of [...extra, ...this.queue.splice(0)]) b.resolve(b.tasks.map(() => ({ kind: 'local' })));
    for (const s of this.slots) {
      for (const b of s.inflight.splice(0)) b.resolve(b.tasks.map(() => ({ kind: 'local' })));
      if (s.timer) clearTimeout(s.timer);
      void s.worker?.terminate().catch(() => 0);
      s.worker = undefined;
    }
  }
}

const partials = new WeakMap<Batch, { outcomes: ParseOutcome[]; left: number }>();

/** Collects the one-by-one retries of a batch and resolves it when all are back. */
function partial(batch: Batch, k: number, outcome: ParseOutcome): void {
  let p = partials.get(batch);
  if (!p) partials.set(batch, (p = { outcomes: new Array(batch.tasks.length), left: batch.tasks.length }));
  p.outcomes[k] = outcome;
  if (--p.left === 0) batch.resolve(p.outcomes);
}

function failedOutcome(reason: 'crash' | 'timeout', timeoutMs: number): ParseOutcome {
  const message =
    reason === 'timeout'
      ? `Greenlight gave up reading this file after ${Math.round(timeoutMs / 1000)} s (its parser did not finish)`
      : 'Greenlight could not read this file: its parser stopped (out of memory or crashed)';
  return { kind: 'failed', retryable: false, size: 0, mtimeMs: 0, problems: [{ severity: 'error', field: '', code: reason === 'timeout' ? 'internal.parse_timeout' : 'internal.parse_crash', message }] };
}

export function defaultPoolSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores));
}

/**
 * The bundled worker beside the running bundle: dist/parse-worker.cjs next to dist/cli.cjs, or
 * one folder up from dist/electron/main.cjs. From sources (tests) there is none, and the desk
 * parses in-process.
 */
export function findWorkerFile(dir: string | undefined = typeof __dirname === 'string' ? __dirname : undefined): string | undefined {
  if (!dir) return undefined;
  for (const candidate of [path.join(dir, 'parse-worker.cjs'), path.join(dir, '..', 'parse-worker.cjs')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
