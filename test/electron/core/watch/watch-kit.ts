// Shared by the watcher tests: a RootWatcher on a temp folder that records what it reports, and
// waits that poll for an expected event with a generous deadline (CI machines are loaded).
import { afterEach } from 'vitest';
import { RootWatcher, type RootWatcherOptions, type WatchEvent } from '../../../../electron/core/watch/root-watcher';
import { makeTempDir } from '../../../helpers/temp-dir';
import { waitFor } from '../../../helpers/wait-for';

export { waitFor };

export interface Recorder {
  watcher: RootWatcher;
  events: WatchEvent[];
  notices: string[];
  /** Resolves once an event of this kind for this path has been reported. */
  seen(kind: WatchEvent['kind'], abs: string, timeoutMs?: number): Promise<WatchEvent>;
  count(kind: WatchEvent['kind'], abs: string): number;
}

export async function watchRoot(root: string, opts: Partial<RootWatcherOptions> = {}): Promise<Recorder> {
  const events: WatchEvent[] = [];
  const notices: string[] = [];
  const watcher = new RootWatcher(root, {
    debounceMs: 20,
    onEvent: (e) => events.push(e),
    onNotice: (_level, message) => notices.push(message),
    ...opts,
  });
  await watcher.start();
  const match = (kind: WatchEvent['kind'], abs: string) => (e: WatchEvent) => e.kind === kind && e.abs === abs;
  return {
    watcher,
    events,
    notices,
    seen: (kind, abs, timeoutMs) => waitFor(() => events.find(match(kind, abs)), `${kind} ${abs} (got ${JSON.stringify(events)})`, timeoutMs),
    count: (kind, abs) => events.filter(match(kind, abs)).length,
  };
}

/**
 * Temp folders and watchers for one describe block, all closed and removed after each test
 * (watchers first, in reverse order of creation).
 */
export function watcherFixtures() {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    tempRoot() {
      const tmp = makeTempDir('greenlight-watch-');
      cleanups.push(() => tmp.cleanup());
      return tmp;
    },
    async watch(root: string, opts?: Partial<RootWatcherOptions>): Promise<Recorder> {
      const r = await watchRoot(root, opts);
      cleanups.push(() => r.watcher.close());
      return r;
    },
    /** Something else to undo after the test (a replaced function, a child process). */
    defer(c: () => void | Promise<void>) {
      cleanups.push(c);
    },
  };
}
