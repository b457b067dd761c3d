// What a root watcher reports: a file to (re)read or forget, or a whole folder gone.
export type WatchEvent = { kind: 'upsert' | 'remove'; abs: string } | { kind: 'remove-dir'; abs: string };

/** The OS refused another watch handle: the watcher has to fall back to polling. */
export function isWatchLimit(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EMFILE';
}
