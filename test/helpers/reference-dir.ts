// Where the real reference files live: `../shared/reference` beside the checkout (as on the
// developers' machines and in CI), or GREENLIGHT_REFERENCE_DIR. Never copied into the project.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const REFERENCE_DIR = process.env.GREENLIGHT_REFERENCE_DIR ?? path.resolve(__dirname, '../../../shared/reference');

export function referencePath(...parts: string[]): { dir: string; present: boolean } {
  const dir = path.join(REFERENCE_DIR, ...parts);
  const present = existsSync(dir);
  if (!present) console.log(`Reference files not found at ${dir}: these compatibility tests are skipped (the folder ../shared/reference is absent).`);
  return { dir, present };
}
