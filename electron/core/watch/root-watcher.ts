// Watches one root with chokidar and reports settled paths. Like Bruno's collection watcher:
// .git/node_modules and writers' temp files are ignored, events are debounced per path
// (a temp-write + rename burst becomes one read), and when the OS runs out of watch handles
// (ENOSPC/EMFILE) it falls back to polling and says so.
import chokidar, { type FSWatcher } from 'chokidar';
import { isIgnoredPath } from '../index/ignore-rules';

export type WatchEvent = { kind: 'upsert' | 'remove'; abs: string } | { kind: 'remove-dir'; abs: string };

export interface RootWatcherOptions {
  debounceMs?: number;
  /** Force polling (tests, network drives). */
  polling?: boolean;
  pollIntervalMs?: number;
  onEvent: (e: WatchEvent) => void;
  onNotice: (level: 'info' | 'warning' | 'error', message: string) => void;
  onPollingChange?: (polling: boolean) => void;
}

export class RootWatcher {
  private watcher?: FSWatcher;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pendingKind = new Map<string, WatchEvent['kind']>();
  private polling: boolean;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly opts: RootWatcherOptions,
  ) {
    this.polling = !!opts.polling;
  }

  get isPolling(): boolean {
    return this.polling;
  }

  async start(): Promise<void> {
    await this.open();
  }

  private open(): Promise<void> {
    const w = chokidar.watch(this.root, {
      ignoreInitial: true,
      persistent: true,
      followSymlinks: true,
      usePolling: this.polling,
      interval: this.opts.pollIntervalMs ?? 300,
      binaryInterval: this.opts.pollIntervalMs ?? 300,
      ignored: (p: string) => isIgnoredPath(p),
      // No awaitWriteFinish: it adds ~2 s of latency. Half-written files are handled by the
      // index's retry instead.
    });
    this.watcher = w;
    w.on('add', (p) => this.queue('upsert', p));
    w.on('change', (p) => this.queue('upsert', p));
    w.on('unlink', (p) => this.queue('remove', p));
    w.on('unlinkDir', (p) => this.queue('remove-dir', p));
    w.on('error', (err) => this.onError(err as NodeJS.ErrnoException));
    return new Promise((resolve) => w.once('ready', () => resolve()));
  }

  private queue(kind: WatchEvent['kind'], abs: string) {
    if (this.closed) return;
    this.pendingKind.set(abs, kind);
    const t = this.timers.get(abs);
    if (t) clearTimeout(t);
    this.timers.set(
      abs,
      setTimeout(() => {
        this.timers.delete(abs);
        const k = this.pendingKind.get(abs) ?? kind;
        this.pendingKind.delete(abs);
        this.opts.onEvent({ kind: k, abs } as WatchEvent);
      }, this.opts.debounceMs ?? 25),
    );
  }

  private async onError(err: NodeJS.ErrnoException) {
    if (this.closed) return;
    if ((err.code === 'ENOSPC' || err.code === 'EMFILE') && !this.polling) {
      this.opts.onNotice(
        'warning',
        `The system ran out of file watchers (${err.code}) for ${this.root}; Greenlight switched to polling, so changes may take a moment longer to show.`,
      );
      this.polling = true;
      this.opts.onPollingChange?.(true);
      await this.watcher?.close().catch(() => {});
      await this.open();
      return;
    }
    this.opts.onNotice('warning', `Watcher error in ${this.root}: ${err.message}`);
  }

  /** For tests: behave as if the OS refused more watchers. */
  simulateError(code: 'ENOSPC' | 'EMFILE'): Promise<void> {
    const e = Object.assign(new Error(`${code}: simulated`), { code });
    return this.onError(e);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await this.watcher?.close().catch(() => {});
  }
}
