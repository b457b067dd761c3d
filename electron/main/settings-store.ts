// What Greenlight remembers between launches: recent and open folders, the window's place and
// the theme. Kept as JSON in the user-data folder, read leniently (a damaged or older file
// loses only the bad fields) and written atomically so a crash never leaves half a file.
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';

export const MAX_RECENT = 10;

const boundsSchema = z.object({
  x: z.number().optional(),
  y: z.number().optional(),
  width: z.number().positive(),
  height: z.number().positive(),
  maximized: z.boolean().optional(),
});

export const themeSourceSchema = z.enum(['system', 'light', 'dark']);
export type ThemeSource = z.infer<typeof themeSourceSchema>;

// One bad entry drops only itself, not the whole list.
const folderList = z
  .array(z.unknown())
  .catch([])
  .transform((list) => [...new Set(list.filter((d): d is string => typeof d === 'string' && d.length > 0))]);

export const settingsSchema = z.object({
  version: z.literal(1).catch(1),
  recentFolders: folderList,
  openFolders: folderList,
  windowBounds: boundsSchema.optional().catch(undefined),
  theme: themeSourceSchema.catch('system'),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, recentFolders: [], openFolders: [], theme: 'system' };

export class SettingsStore {
  readonly file: string;
  private data: Settings;
  private writing: Promise<void> = Promise.resolve();
  /** Why the file on disk was not used, when it was not (shown as a notice). */
  readonly loadProblem?: string;

  constructor(dir: string, private readonly onError: (err: Error) => void = () => undefined) {
    this.file = path.join(dir, 'settings.json');
    const { settings, problem } = readSettings(this.file);
    this.data = settings;
    this.loadProblem = problem;
  }

  get(): Readonly<Settings> {
    return this.data;
  }

  /** Remember a folder as open and most recent. */
  rememberFolder(dir: string): void {
    this.update((s) => ({
      ...s,
      recentFolders: [dir, ...s.recentFolders.filter((d) => d !== dir)].slice(0, MAX_RECENT),
      openFolders: s.openFolders.includes(dir) ? s.openFolders : [...s.openFolders, dir],
    }));
  }

  forgetOpenFolder(dir: string): void {
    this.update((s) => ({ ...s, openFolders: s.openFolders.filter((d) => d !== dir) }));
  }

  forgetRecentFolder(dir: string): void {
    this.update((s) => ({ ...s, recentFolders: s.recentFolders.filter((d) => d !== dir) }));
  }

  clearRecent(): void {
    this.update((s) => ({ ...s, recentFolders: [] }));
  }

  setWindowBounds(bounds: Settings['windowBounds']): void {
    this.update((s) => ({ ...s, windowBounds: bounds }));
  }

  setTheme(theme: ThemeSource): void {
    this.update((s) => ({ ...s, theme }));
  }

  update(fn: (s: Settings) => Settings): void {
    this.data = settingsSchema.parse(fn(this.data));
    this.save();
  }

  /** Resolves when every change so far is on disk. */
  flush(): Promise<void> {
    return this.writing;
  }

  private save(): void {
    // Writes are chained so an older snapshot never lands after a newer one.
    this.writing = this.writing
      .then(async () => {
        await fs.mkdir(path.dirname(this.file), { recursive: true });
        await writeFileAtomic(this.file, JSON.stringify(this.data, null, 2) + '\n', { mode: 0o600 });
      })
      .catch((err: Error) => this.onError(err));
  }
}

export function readSettings(file: string): { settings: Settings; problem?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { settings: { ...DEFAULT_SETTINGS } };
    return { settings: { ...DEFAULT_SETTINGS }, problem: `could not read ${file}: ${(err as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { settings: { ...DEFAULT_SETTINGS }, problem: `${file} is not valid JSON (${(err as Error).message}); starting with default settings` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { settings: { ...DEFAULT_SETTINGS }, problem: `${file} does not hold an object; starting with default settings` };
  return { settings: settingsSchema.parse(raw) };
}
