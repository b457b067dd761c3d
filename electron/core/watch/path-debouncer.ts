// Per-path debounce: a burst of OS events on one path (a writer's several write() calls, a
// temp-write + rename) becomes one look at that path once it has been quiet for a moment.
export class PathDebouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly ms: number) {}

  /** Run `fn` for `key` after `ms` of quiet; a later touch of the same key replaces it. */
  touch(key: string, fn: () => void): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        fn();
      }, this.ms),
    );
  }

  clear(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
