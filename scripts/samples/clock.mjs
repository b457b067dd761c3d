// Time for the samples: everything is an offset from one "now", so a fixed --now gives the same bytes
// and the default (the real now) makes the desk look alive. Stamps are printed the way each family's
// own runtime prints them.
import { seeded } from './ids.mjs';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Sub-millisecond digits, stable per instant, so stamps carry microseconds like Python's isoformat(). */
const micros = (ms) => String(((Math.abs(Math.round(ms)) % 1000003) * 7919) % 1000).padStart(3, '0');
const isoBase = (ms) => new Date(ms).toISOString().slice(0, 23); // YYYY-MM-DDTHH:MM:SS.mmm

// Offsets are written in whole minutes; a stable jitter (a function of the offset only) keeps every
// stamp from sharing the same seconds, as real ones would.
const jitter = (ms) => Math.floor(seeded(`jitter:${Math.round(ms)}`)() * 40_000);

export function makeClock(nowMs) {
  return {
    nowMs,
    /** Epoch ms `ms` (plus up to 40 s) before now. */
    ago: (ms) => Math.round(nowMs - ms - jitter(ms)),
    /** `ms` after `base`, with under 20 s of jitter, so order is kept for steps a minute or more apart. */
    after: (base, ms) => Math.round(base + ms + jitter(ms) / 2),
    /** Python `datetime.now(timezone.utc).isoformat()`: `2026-07-12T08:43:27.800620+00:00`. */
    pyIso: (ms) => `${isoBase(ms)}${micros(ms)}+00:00`,
    /** Pydantic / FastAPI UTC datetimes: `2026-02-12T10:15:30.123456Z`. */
    zIso: (ms) => `${isoBase(ms)}${micros(ms)}Z`,
    /** Hand-written stamps (older OpenMontage files): whole minutes, `Z`. */
    handIso: (ms) => `${new Date(Math.floor(ms / MIN) * MIN).toISOString().slice(0, 19)}Z`,
    day: (ms) => new Date(ms).toISOString().slice(0, 10),
  };
}
