// Types of bench/build-core.mjs, for the tests that call it.
export const CORE_BUNDLE: string;
/** Bundles the bench core (and its parse worker) into `outDir`; returns the core's path. */
export function buildCore(outDir?: string): Promise<string>;
