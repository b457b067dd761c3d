// One OS watch per folder, none per file. inotify (and the other platforms' folder watches)
// report every create, write, rename, link and delete of a folder's entries with the entry's
// name, so a watch per folder sees everything a watch per file would, for a fifth of the
// handles on a checkpoint tree (10,727 instead of 51,650 on the benchmark workspace).
//
// Why not chokidar here: chokidar 4 opens an fs.watch per file; told to ignore files it still
// lstats every entry of a folder each time anything in it changes (readdirp with alwaysStat),
// which on a Twinklr run folder of 1,000 iterations is 2,000 stats per write, and it sets a new
// folder's watch only after listing it, so files written in between are never reported. This
// watcher watches a new folder before listing it. chokidar stays as the polling fallback
// (polling-watcher.ts), where it needs no OS handle at all.
//
// The walk follows the scan's rules (index/scan-tree.ts): ignored names are skipped, symbolic
// links are followed only while they stay inside the root, and a folder reached by two paths (a
// second link, a loop) is watched once, under the path found first, as the scan indexes it once.
import { watch, promises as fs, type Dirent, type FSWatcher, type Stats } from 'node:fs';
import path from 'node:path';
import { isIgnoredDir, isTempFile } from '../index/ignore-rules';
import { isWatchLimit, type WatchEvent } from './watch-event';

export interface DirTreeWatcherOptions {
  /** Something happened at this path (an entry of a watched folder, or the folder itself): debounce it, then call settle(). */
  onTouch: (abs: string) => void;
  onEvent: (e: WatchEvent) => void;
  /** A watch failed after start (ENOSPC/EMFILE: the OS is out of watch handles). */
  onError: (err: NodeJS.ErrnoException) => void;
  onNotice: (message: string) => void;
}

/**
 * A folder's OS watch, carrying its folder: one listener serves every handle (change and error
 * closures per folder cost ~240 bytes a folder, 2.5 MB on the benchmark tree).
 */
type DirHandle = FSWatcher & { dir: string; real: string };

/**
 * Folders a walk lists at once. Each listing is a round trip through libuv's thread pool: one
 * at a time, the first walk of 10,700 folders waits ~0.5 s; 16 at a time, ~0.2-0.3 s, and no more
 * memory than one at a time (all at once holds every listing: +40 MB of peak RSS).
 */
const LISTINGS_IN_FLIGHT = 16;

export class DirTreeWatcher {
  private readonly dirs = new Map<string, DirHandle>();
  /**
   * The watched path that stands for each real folder, where the two differ (through a link, or
   * a root that is a link); a folder watched under its real path needs no entry.
   */
  private readonly owners = new Map<string, string>();
  private readonly settling = new Map<string, Promise<void>>();
  /**
   * Paths whose entry was created, deleted or moved (a 'rename' from their folder's watch) since
   * they were last looked at. A folder that still exists after that is a new folder under an old
   * name (deleted and made again, or moved over): its old watch follows the old folder, so it is
   * watched anew.
   */
  private readonly renamed = new Set<string>();
  /** Folders the OS refused to watch (out of handles): what the polling that takes over must read once. */
  private readonly refused = new Set<string>();
  private realRoot: string;
  private closed = false;

  private readonly onChange: (this: DirHandle, event: string, name: string | null) => void;
  private readonly onHandleError: (this: DirHandle, err: NodeJS.ErrnoException) => void;

  constructor(
    private readonly root: string,
    private readonly opts: DirTreeWatcherOptions,
  ) {
    this.realRoot = root;
    const tree = this;
    this.onChange = function (event, name) {
      tree.onRaw(this, event, name);
    };
    this.onHandleError = function (err) {
      if (isWatchLimit(err)) tree.opts.onError(err);
      else tree.opts.onTouch(this.dir); // usually the folder went away (EPERM on Windows): look at it
    };
  }

  /** Folders watched, i.e. OS watch handles held. */
  get watchCount(): number {
    return this.dirs.size;
  }

  /** Watches every folder under the root. Rejects only when the OS runs out of watch handles. */
  async start(): Promise<void> {
    await this.resolveRoot();
    await this.walk(this.root, true, this.realRoot);
  }

  /** The root's real path, against which links are judged inside or outside. */
  private async resolveRoot(): Promise<void> {
    const real = await fs.realpath(this.root).catch(() => this.root);
    this.realRoot = real === this.root ? this.root : real;
  }

  /**
   * Watching along a walk made by someone else: the desk's cold scan (index/scan-tree.ts), which
   * follows the same rules as this watcher's own walk, so the tree is walked once, not twice.
   * `beforeList` watches each folder the scan enters, before the scan lists it. Once the OS
   * refuses a watch (out of handles), the folders that follow are only noted (takeRefused), for
   * the polling that takes over to read once; `limit` tells whether that happened.
   */
  async startAlong(): Promise<{ beforeList: (abs: string, real: string) => void; limit: () => NodeJS.ErrnoException | undefined }> {
    await this.resolveRoot();
    let limit: NodeJS.ErrnoException | undefined;
    return {
      beforeList: (abs, real) => {
        if (limit) return void this.refused.add(abs);
        try {
          this.take(abs, real);
        } catch (err) {
          limit = err as NodeJS.ErrnoException; // open() throws only when out of watch handles
        }
      },
      limit: () => limit,
    };
  }

  /** Look at a touched path and report what it now is. Looks at one path run one after another. */
  settle(abs: string): Promise<void> {
    const next = (this.settling.get(abs) ?? Promise.resolve())
      .then(() => this.look(abs))
      .catch((err) => {
        if (isWatchLimit(err)) this.opts.onError(err);
      });
    this.settling.set(abs, next);
    void next.then(() => {
      if (this.settling.get(abs) === next) this.settling.delete(abs);
    });
    return next;
  }

  /** The folders whose watch the OS refused, each once. */
  takeRefused(): string[] {
    const out = [...this.refused];
    this.refused.clear();
    return out;
  }

  close(): void {
    this.closed = true;
    for (const h of this.dirs.values()) h.close();
    this.dirs.clear();
    this.owners.clear();
    this.renamed.clear();
  }

  private async look(abs: string): Promise<void> {
    const replaced = this.renamed.delete(abs);
    if (this.closed) return;
    // Only entries of folders still watched: a folder removed or renamed away has been reported as a whole.
    if (!this.dirs.has(abs) && !this.dirs.has(path.dirname(abs))) return;
    let st: Stats;
    try {
      st = await fs.stat(abs);
    } catch (err) {
      if (this.closed) return;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') {
        if (this.dirs.has(abs)) this.removeDir(abs);
        else this.opts.onEvent({ kind: 'remove', abs });
      } else this.opts.onEvent({ kind: 'upsert', abs }); // unreadable: the index reads it and says why
      return;
    }
    if (this.closed) return;
    const watched = this.dirs.get(abs);
    if (st.isDirectory()) {
      if (watched) {
        // A folder that is still the same one needs nothing; a link that now leads elsewhere is followed anew.
        if (!replaced) {
          const real = await fs.realpath(abs).catch(() => watched.real);
          if (real === watched.real) return;
        }
        if (this.dirs.get(abs) !== watched) return;
        this.removeDir(abs);
      }
      if (abs !== this.root && !this.dirs.has(path.dirname(abs))) return;
      await this.walk(abs, false);
      return;
    }
    if (watched) this.removeDir(abs); // a folder replaced by a file of the same name
    if (st.isFile()) this.opts.onEvent({ kind: 'upsert', abs });
  }

  /**
   * Watches `start` and every folder below it. Each folder is watched when it is found, before
   * it is listed, so nothing written into it afterwards is missed; after start, the files a new
   * folder already holds are touched (a file both listed and reported is merged by the debounce).
   */
  private walk(start: string, initial: boolean, startReal?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const toList: DirHandle[] = [];
      let active = 0;
      let failed = false;
      const fail = (err: unknown) => {
        failed = true;
        reject(err);
      };
      const pump = () => {
        if (failed) return;
        while (active < LISTINGS_IN_FLIGHT && toList.length && !this.closed) {
          active++;
          this.enter(toList.pop()!, initial, (h) => toList.push(h)).then(() => {
            active--;
            pump();
          }, fail);
        }
        if (active === 0 && (!toList.length || this.closed)) resolve();
      };
      (async () => {
        const real = startReal ?? (await fs.realpath(start).catch(() => undefined));
        const first = real === undefined ? undefined : await this.claim(start, real, initial);
        if (first) toList.push(first);
        pump();
      })().catch(fail);
    });
  }

  /** List a watched folder: claim its subfolders (handed to `found`) and, after start, touch its files. */
  private async enter(folder: DirHandle, initial: boolean, found: (h: DirHandle) => void): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder.dir, { withFileTypes: true });
    } catch {
      return; // unreadable (the scan says so) or already gone (its parent reports that)
    }
    for (const e of entries) {
      if (this.closed || this.dirs.get(folder.dir) !== folder) return; // removed or replaced meanwhile
      const name = e.name;
      // Folders above were checked on the way down: only the name is left to check.
      if (isIgnoredDir(name) || isTempFile(name)) continue;
      // The first walk reports no file: it makes no path for the 40,000 of them either.
      if (initial && e.isFile()) continue;
      const abs = childPath(folder.dir, name);
      let sub: DirHandle | undefined;
      if (e.isDirectory()) {
        // A plain folder's real path follows from its parent's without a system call.
        const real = folder.real === folder.dir ? abs : childPath(folder.real, name);
        sub = this.ownerOf(real) === undefined ? this.take(abs, real) : await this.claim(abs, real, initial); // no await on the common path
      } else if (e.isFile()) {
        this.opts.onTouch(abs);
      } else if (e.isSymbolicLink()) {
        const target = await fs.realpath(abs).catch(() => undefined);
        if (target === undefined) continue; // broken or looping: the scan reports it
        const st = await fs.stat(target).catch(() => undefined);
        if (st?.isDirectory()) sub = await this.claim(abs, target, initial);
        else if (st?.isFile() && !initial) this.opts.onTouch(abs); // the desk checks where it leads
      }
      if (sub) found(sub);
    }
  }

  /** Watch `dir` as the folder standing for `real`, unless the scan would not enter it. */
  private async claim(dir: string, real: string, initial: boolean): Promise<DirHandle | undefined> {
    if (outside(this.realRoot, real)) {
      // The first walk leaves this to the scan, which reports it too.
      if (!initial) this.opts.onNotice(`${dir}: symbolic link leads outside the watched folder (to ${real}); not followed`);
      return undefined;
    }
    // A folder already watched by another path is not entered again. A path that no longer
    // leads there (renamed or relinked, its own event not handled yet) gives it up.
    for (;;) {
      const owner = this.ownerOf(real);
      if (owner === undefined || owner === dir) break;
      const ownerReal = await fs.realpath(owner).catch(() => undefined);
      if (this.ownerOf(real) !== owner) continue; // changed while we looked: look again
      if (ownerReal === real) return undefined;
      this.removeDir(owner);
      break;
    }
    return this.take(dir, real);
  }

  private take(dir: string, real: string): DirHandle | undefined {
    if (this.closed || this.dirs.has(dir)) return undefined; // another walk got here first
    const handle = this.open(dir, real);
    if (!handle) return undefined;
    this.dirs.set(dir, handle);
    if (real !== dir) this.owners.set(real, dir);
    return handle;
  }

  /** The watched path standing for a real folder. A watched path is its own real path unless `owners` says otherwise. */
  private ownerOf(real: string): string | undefined {
    return this.owners.get(real) ?? (this.dirs.has(real) ? real : undefined);
  }

  private open(dir: string, real: string): DirHandle | undefined {
    if (this.closed) return undefined;
    let handle: DirHandle;
    try {
      handle = watch(dir, { persistent: true }, this.onChange as (event: string, name: string | null) => void) as DirHandle;
    } catch (err) {
      if (isWatchLimit(err)) {
        this.refused.add(dir);
        throw err;
      }
      return undefined; // gone or unreadable: nothing to watch
    }
    handle.dir = dir;
    handle.real = real;
    handle.on('error', this.onHandleError);
    return handle;
  }

  private onRaw(handle: DirHandle, event: string, name: string | null) {
    if (this.closed) return;
    const dir = handle.dir;
    if (name === null) return void this.relist(dir); // the platform did not say which entry
    if (!isIgnoredDir(name) && !isTempFile(name)) {
      const abs = childPath(dir, name);
      if (event === 'rename') this.renamed.add(abs);
      this.opts.onTouch(abs);
    }
    // inotify names the watched folder itself when it is deleted or moved away: the root, or the
    // target of a followed link, has no watched parent to say so.
    if (name === path.basename(dir)) this.opts.onTouch(dir);
  }

  private async relist(dir: string) {
    const entries = await fs.readdir(dir).catch(() => undefined);
    if (!entries) return this.opts.onTouch(dir);
    const handle = this.dirs.get(dir);
    if (handle) for (const name of entries) this.onRaw(handle, 'change', name);
  }

  /** Forget a folder and everything watched below it, and report it gone as a whole. */
  private removeDir(abs: string): void {
    const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
    for (const [dir, h] of this.dirs) {
      if (dir !== abs && !dir.startsWith(prefix)) continue;
      h.close();
      this.dirs.delete(dir);
      if (this.owners.get(h.real) === dir) this.owners.delete(h.real);
    }
    this.opts.onEvent({ kind: 'remove-dir', abs });
  }
}

/**
 * `dir/name`. path.join would normalise what is already normal, and its result is a string of
 * many pieces: 10,700 folder paths kept that way cost ~6.5 MB of heap instead of ~2.5 MB.
 */
function childPath(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

function outside(realRoot: string, real: string): boolean {
  const back = path.relative(realRoot, real);
  return back === '..' || back.startsWith('..' + path.sep) || path.isAbsolute(back);
}
