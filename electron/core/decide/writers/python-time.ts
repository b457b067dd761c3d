// Time stamps the way the Python pipelines write them, so a rewritten file looks like one the
// pipeline itself wrote.

/**
 * `datetime.now(timezone.utc).isoformat()`: `2026-11-21T08:43:27.800620+00:00`. JavaScript
 * time has millisecond precision, so the microseconds end in 000; like Python, the fraction is
 * left out entirely when it is zero.
 */
export function pythonUtcIsoformat(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  return `${base}${ms ? `.${p(ms, 3)}000` : ''}+00:00`;
}

/** `"".join(c for c in s if c.isalnum())`: OpenMontage's history stamp from a checkpoint's timestamp. */
export function alnumOnly(s: string): string {
  return [...s].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
}
