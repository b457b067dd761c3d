// Where an aivideo folder's API lives: `aivideo.config.json` beside the exports (what the
// aivideo adapter reads and shows), else `<root>/.greenlight/aivideo.json`; each holds the base
// URL and optionally the name of the environment variable with the token. The bearer token
// itself comes from the environment (GREENLIGHT_AIVIDEO_TOKEN by default), never from a file the
// desk shows, and is never logged.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const backendConfigSchema = z.object({
  baseUrl: z.string().url(),
  tokenEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/).optional(),
  /** Per-folder overrides keyed by the export folder relative to the root. */
  folders: z.record(z.string(), z.object({ baseUrl: z.string().url(), tokenEnv: z.string().optional() })).optional(),
});

export async function loadBackendConfig(rootPath: string, folderRel: string): Promise<{ baseUrl: string; token?: string } | undefined> {
  const beside = await fs.readFile(path.join(rootPath, ...(folderRel && folderRel !== '.' ? folderRel.split('/') : []), 'aivideo.config.json'), 'utf8').catch(() => null);
  if (beside) {
    try {
      const cfg = backendConfigSchema.parse(JSON.parse(beside));
      return { baseUrl: cfg.baseUrl, token: process.env[cfg.tokenEnv ?? 'GREENLIGHT_AIVIDEO_TOKEN'] };
    } catch {
      /* fall through to the folder-wide config */
    }
  }
  const text = await fs.readFile(path.join(rootPath, '.greenlight', 'aivideo.json'), 'utf8').catch(() => null);
  if (!text) return undefined;
  try {
    const cfg = backendConfigSchema.parse(JSON.parse(text));
    const specific = cfg.folders?.[folderRel];
    const baseUrl = specific?.baseUrl ?? cfg.baseUrl;
    const tokenEnv = specific?.tokenEnv ?? cfg.tokenEnv ?? 'GREENLIGHT_AIVIDEO_TOKEN';
    return { baseUrl, token: process.env[tokenEnv] };
  } catch {
    return undefined;
  }
}
