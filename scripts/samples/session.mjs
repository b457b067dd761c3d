// The generation in progress: its clock and its output. Family modules read these live bindings
// instead of threading two parameters through every content builder.
export let clock;
export let out;

export function beginSession(nextClock, nextOut) {
  clock = nextClock;
  out = nextOut;
}
