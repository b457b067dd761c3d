// Waits until `probe` gives something truthy, trying every `intervalMs`, and fails naming `what`
// after `timeoutMs`: for tests that wait on a file, a watcher or a page, whose timing varies.
export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 15000, intervalMs = 15): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
