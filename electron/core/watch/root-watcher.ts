// Watches one root and reports settled paths. Like Bruno's collection watcher: .git/node_modules
// and writers' temp files are ignored, events are debounced per path (a temp-write + rename
// burst becomes one read), and when the OS runs out of watch handles (ENOSPC/EMFILE) it falls
// back to polling and says so.
//
// It watches folders, not files (dir-tree-watcher.ts): one OS handle per folder, each set up
// just before the desk's cold scan lists that folder (startAlongScan), so nothing written
// meanwhile is missed and the tree is walked once. Polling (forced, or the fallback) is chokidar's.
import path from 'node:path';
import { scanTree } from '../index/scan-tree';
import { DirTreeWatcher } from './dir-tree-watcher';
import { PathDebouncer } from './path-debouncer';
import { PollingWatcher } from './polling-watcher';
import { isWatchLimit, type WatchEvent } from './watch-event';

export type { WatchEvent } from './watch-event';

export interface RootWatcherOptions {
  debounceMs?: number;
  /** Force polling (tests, network drives). */
  polling?: boolean;
  pollIntervalMs?: number;
  onEvent: (e: WatchEvent) => void;
  onNotice: (level: 'info' | 'warning' | 'error', message: string) => void;
  onPollingChange?: (polling: boolean) => void;
}

/** What the desk's cold scan calls while it walks the tree (see RootWatcher.startAlongScan). */
export interface ScanWatch {
  /** Undefined when polling: the scan then only scans. */
  beforeList?: (abs: string, real: string) => void;
  scanned: () => Promise<void>;
}

export class RootWatcher {
  private tree?: DirTreeWatcher;
  private poller?: PollingWatcher;
  private readonly debounce: PathDebouncer;
  private polling: boolean;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly opts: RootWatcherOptions,
  ) {
    this.polling = !!opts.polling;
    this.debounce = new PathDebouncer(opts.debounceMs ?? 25);
  }

  get isPolling(): boolean {
    return this.polling;
  }

  /** OS watch handles held (one per folder); 0 while polling. */
  get watchCount(): number {
    return this.polling ? 0 : (this.tree?.watchCount ?? 0);
  }

  async start(): Promise<void> {
    await this.open();
  }

  /**
   * Starts watching along the desk's cold scan, so the tree is walked once for both: the scan
   * calls `beforeList` for each folder just before listing it, and `scanned` when it is done.
   * Polling (forced) shares nothing with the scan: it starts here, before the scan, as start().
   */
  async startAlongScan(): Promise<ScanWatch> {
    if (this.polling) {
      await this.open();
      return { scanned: async () => {} };
    }
    const tree = this.makeTree();
    this.tree = tree;
    const along = await tree.startAlong();
    return {
      beforeList: along.beforeList,
      scanned: async () => {
        // Out of handles during the scan: polling takes over, then reads the folders left unwatched.
        const err = along.limit();
        if (err && this.tree === tree) await this.onError(err);
      },
    };
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    if (this.polling) {
      const poller = new PollingWatcher(this.root, {
        intervalMs: this.opts.pollIntervalMs ?? 300,
        // The last kind seen in a burst wins (an add then unlink is a remove).
        onEvent: (kind, abs) => this.debounce.touch(abs, () => this.emit({ kind, abs } as WatchEvent)),
        onError: (err) => void this.onError(err),
      });
      this.poller = poller;
      await poller.start();
      return;
    }
    const tree = this.makeTree();
    this.tree = tree;
    try {
      await tree.start();
    } catch (err) {
      await this.onError(err as NodeJS.ErrnoException, true);
    }
  }

  private makeTree(): DirTreeWatcher {
    const tree: DirTreeWatcher = new DirTreeWatcher(this.root, {
      onTouch: (abs) => this.debounce.touch(abs, () => void tree.settle(abs)),
      onEvent: (e) => this.emit(e),
      onError: (err) => void this.onError(err),
      onNotice: (message) => !this.closed && this.opts.onNotice('warning', message),
    });
    return tree;
  }

  private emit(e: WatchEvent) {
    if (!this.closed) this.opts.onEvent(e);
  }

  /** `starting`: the first walk failed; the desk's scan, which runs after start, reads what it missed. */
  private async onError(err: NodeJS.ErrnoException, starting = false) {
    if (this.closed) return;
    if (isWatchLimit(err) && !this.polling) {
      this.opts.onNotice(
        'warning',
        `The system ran out of file watchers (${err.code}) for ${this.root}; Greenlight switched to polling, so changes may take a moment longer to show.`,
      );
      this.polling = true;
      this.opts.onPollingChange?.(true);
      // The folder watches keep reporting until polling has its first stat of every path (a
      // change before that one is never reported by polling), a moment after it is ready. What
      // they could not see, the folders the OS refused, is read once then.
      const tree = this.tree;
      await this.open();
      if (tree && !starting) await new Promise((r) => setTimeout(r, Math.max(1000, 2 * (this.opts.pollIntervalMs ?? 300))));
      tree?.close();
      if (this.tree === tree) this.tree = undefined;
      if (starting || this.closed) return;
      for (const dir of outermost(tree?.takeRefused() ?? [])) {
        for (const abs of await scanTree(dir).catch(() => [])) this.debounce.touch(abs, () => this.emit({ kind: 'upsert', abs }));
      }
      return;
    }
    if (isWatchLimit(err)) return; // already polling: a late failure of the folder watches
    this.opts.onNotice('warning', `Watcher error in ${this.root}: ${err.message}`);
  }

  /** For tests: behave as if the OS refused more watchers. */
  simulateError(code: 'ENOSPC' | 'EMFILE'): Promise<void> {
    const e = Object.assign(new Error(`${code}: simulated`), { code });
    return this.onError(e);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.debounce.clear();
    this.tree?.close();
    await this.poller?.close();
  }
}

/**
 * The folders not inside another of them: a scan of each reads everything below it, so a folder
 * whose parent was refused too (every folder after the first refusal of a cold scan is) is not
 * read a second time.
 */
export function outermost(dirs: string[]): string[] {
  const all = new Set(dirs);
  return dirs.filter((dir) => {
    for (let up = path.dirname(dir); up !== dir && up.length > 0; dir = up, up = path.dirname(up)) if (all.has(up)) return false;
    return true;
  });
}
