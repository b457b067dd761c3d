// One shared clock for every "waiting 2h 14m" on screen: a single interval, running only while
// something shows a live time, so a long inbox does not start a timer per row.
import { useSyncExternalStore } from 'react';

const TICK_MS = 15_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    // Catch up only when the clock stopped long enough to be wrong (or the system clock was
    // set back): moving it on every first subscribe would change what the first render just
    // showed and force a second render of every row at once (the inbox's first screen).
    if (Math.abs(Date.now() - now) >= TICK_MS) now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getNow = () => now;

export function useNow(): number {
  return useSyncExternalStore(subscribe, getNow, getNow);
}

/** Tests with fake timers move the clock forward without waiting for a tick. */
export function tickNow(to = Date.now()): void {
  now = to;
  for (const l of listeners) l();
}
