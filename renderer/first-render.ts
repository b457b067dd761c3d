// When to draw the app the first time. Drawn before the desk's first data it would only show
// "Connecting…" for a moment, and that render and its layout would hold up the inbox itself
// (the main thread is still busy with them when the inbox's first screen arrives). So the first
// render waits for the first data, but never for long: a slow or unreachable desk still shows
// that it is connecting, a moment later.
import { useDeskStore, type DeskState } from './stores/desk-store';

export const FIRST_RENDER_WAIT_MS = 200;

const settled = (s: DeskState) => s.loaded || s.error !== undefined;

/** Resolves once the desk has its first data (or failed to get it), or after `waitMs`. */
export function whenFirstDataOrSoon(waitMs = FIRST_RENDER_WAIT_MS): Promise<void> {
  return new Promise((resolve) => {
    if (settled(useDeskStore.getState())) return resolve();
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    const unsubscribe = useDeskStore.subscribe((s) => {
      if (settled(s)) done();
    });
  });
}
