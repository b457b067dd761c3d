// The fallback when the OS runs out of watch handles, and the mode for drives where OS events do
// not arrive (network shares): chokidar's polling, which stats every path on an interval and
// needs no OS watch handle at all.
import chokidar, { type FSWatcher } from 'chokidar';
import { isIgnoredPath } from '../index/ignore-rules';
import type { WatchEvent } from './watch-event';

export interface PollingWatcherOptions {
  intervalMs: number;
  onEvent: (kind: WatchEvent['kind'], abs: string) => void;
  onError: (err: NodeJS.ErrnoException) => void;
}

export class PollingWatcher {
  private watcher?: FSWatcher;

  constructor(
    private readonly root: string,
    private readonly opts: PollingWatcherOptions,
  ) {}

  /** Resolves once every path has its first stat (chokidar's 'ready'). */
  start(): Promise<void> {
    const w = chokidar.watch(this.root, {
      ignoreInitial: true,
      persistent: true,
      followSymlinks: true,
      usePolling: true,
      interval: this.opts.intervalMs,
      binaryInterval: this.opts.intervalMs,
      ignored: (p: string) => isIgnoredPath(p),
      // No awaitWriteFinish: it adds ~2 s of latency. Half-written files are handled by the
      // index's retry instead.
    });
    this.watcher = w;
    w.on('add', (p) => this.opts.onEvent('upsert', p));
    w.on('change', (p) => this.opts.onEvent('upsert', p));
    w.on('unlink', (p) => this.opts.onEvent('remove', p));
    w.on('unlinkDir', (p) => this.opts.onEvent('remove-dir', p));
    w.on('error', (err) => this.opts.onError(err as NodeJS.ErrnoException));
    return new Promise((resolve) => w.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    await this.watcher?.close().catch(() => {});
  }
}
