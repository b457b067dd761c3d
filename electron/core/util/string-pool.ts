// One copy of each short string the index keeps. Records arrive from the parse workers by
// structured clone, which makes a fresh string for every value: 31,000 checkpoints hold
// 'completed' 27,000 times and 'inline' 34,000 times. Sharing one instance of each cuts the
// index's heap by a fifth; long strings (summaries, messages) are rarely repeated and kept as
// they are.

const MAX_POOLED_LENGTH = 64;
/** Past this many distinct strings the pool stops growing (values then stay unshared). */
const MAX_POOL_SIZE = 200_000;

export class StringPool {
  private readonly pool = new Map<string, string>();

  /** The shared instance of `s` (short strings only). */
  get(s: string): string {
    if (s.length > MAX_POOLED_LENGTH) return s;
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit;
    if (this.pool.size < MAX_POOL_SIZE) this.pool.set(s, s);
    return s;
  }

  /** Replaces, in place, every short string inside plain objects and arrays by its shared instance. */
  internDeep<T>(value: T): T {
    if (typeof value === 'string') return this.get(value) as T;
    if (value === null || typeof value !== 'object') return value;
    const stack: object[] = [value];
    while (stack.length) {
      const v = stack.pop() as Record<string, unknown>;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const c = v[i];
          if (typeof c === 'string') v[i] = this.get(c);
          else if (c !== null && typeof c === 'object') stack.push(c);
        }
      } else {
        for (const k in v) {
          const c = v[k];
          if (typeof c === 'string') v[k] = this.get(c);
          else if (c !== null && typeof c === 'object') stack.push(c);
        }
      }
    }
    return value;
  }

  get size(): number {
    return this.pool.size;
  }
}
