// The channels only the desktop host can serve (adding a folder from the user's disk, opening
// an artifact with the system) and the full handler set the IPC bridge dispatches to.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ApiHandlers } from '../../shared/api-contract';
import type { Root } from '../../shared/model';
import { createDeskApi, type HostHandlers } from '../core/api/desk-api';
import { resolveArtifactFile } from '../core/api/resolve-artifact-file';
import type { Desk } from '../core/desk';
import type { GateNotifier } from './gate-notifier';
import type { SettingsStore } from './settings-store';

/**
 * Files handed to the system's default application. Anything else (scripts, executables,
 * .desktop/.app bundles, HTML) is only revealed in the file manager, because "opening" it
 * could run it.
 */
export const OPENABLE_EXTENSIONS = new Set([
  '.json', '.md', '.txt', '.yaml', '.yml', '.srt', '.vtt', '.log', '.csv', '.pdf',
  '.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg',
  '.mp4', '.webm', '.mov', '.mkv', '.mp3', '.wav', '.ogg', '.m4a', '.flac',
]);

export interface HostDeps {
  desk: Desk;
  settings: Pick<SettingsStore, 'rememberFolder' | 'forgetOpenFolder'>;
  notifier: Pick<GateNotifier, 'quietDuring'>;
  /** shell.openPath: resolves to '' on success, else an error message. */
  openPath(abs: string): Promise<string>;
  showItemInFolder(abs: string): void;
  /** Called after the set of open folders changed (rebuild the menu). */
  onRootsChanged?(): void;
}

export function createHostHandlers(deps: HostDeps): HostHandlers {
  return {
    addRoot: async (dir: string): Promise<Root> => {
      // The renderer sends the real path of a dropped or picked folder; a relative path would
      // silently depend on the app's working directory, so it is refused.
      if (!path.isAbsolute(dir)) throw new Error(`not an absolute folder path: ${dir}`);
      const st = await fs.stat(dir).catch(() => null);
      if (!st) throw new Error(`folder not found: ${dir}`);
      if (!st.isDirectory()) throw new Error(`not a folder: ${dir} (drop or pick a folder, not a file)`);
      const root = await deps.notifier.quietDuring(() => deps.desk.addRoot(dir));
      deps.settings.rememberFolder(root.path);
      deps.onRootsChanged?.();
      return root;
    },
    openArtifactExternally: async (artifactId: string): Promise<boolean> => {
      // Only the resolved artifact file, inside a watched root, is ever opened: never a path.
      const r = await resolveArtifactFile(deps.desk, artifactId);
      if (!r.ok) return false;
      if (OPENABLE_EXTENSIONS.has(path.extname(r.abs).toLowerCase())) return (await deps.openPath(r.abs)) === '';
      deps.showItemInFolder(r.abs);
      return true;
    },
  };
}

export function createElectronHandlers(deps: HostDeps): ApiHandlers {
  const api = createDeskApi(deps.desk, createHostHandlers(deps));
  return {
    ...api,
    removeRoot: async (rootId: string) => {
      const dir = deps.desk.index.roots.get(rootId)?.path;
      const removed = await api.removeRoot(rootId);
      if (removed && dir) deps.settings.forgetOpenFolder(dir);
      if (removed) deps.onRootsChanged?.();
      return removed;
    },
  };
}
