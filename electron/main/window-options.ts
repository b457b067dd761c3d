// BrowserWindow options: the renderer is an untrusted web page (it draws files written by other
// programs), so it runs isolated and sandboxed with no Node, and reaches the core only through
// the preload's named functions. The window reopens where it was, if that place still exists.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface SavedBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized?: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 720, height: 480 };

export function windowOptions(opts: {
  preloadPath: string;
  bounds?: SavedBounds;
  /** Work areas of the connected displays, to drop bounds left on a screen that is gone. */
  workAreas: Rectangle[];
  iconPath?: string;
  backgroundColor?: string;
}): BrowserWindowConstructorOptions {
  const bounds = fitBounds(opts.bounds, opts.workAreas);
  return {
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Greenlight',
    show: false,
    backgroundColor: opts.backgroundColor ?? '#111827',
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}

/**
 * Keeps saved bounds only if a good part of the window would be visible on a current display;
 * otherwise the default size, centred by Electron (no x/y).
 */
export function fitBounds(saved: SavedBounds | undefined, workAreas: Rectangle[]): { x?: number; y?: number; width: number; height: number } {
  const size = {
    width: clampSize(saved?.width, DEFAULT_SIZE.width, MIN_SIZE.width),
    height: clampSize(saved?.height, DEFAULT_SIZE.height, MIN_SIZE.height),
  };
  if (!saved || !Number.isFinite(saved.x) || !Number.isFinite(saved.y)) return size;
  const rect = { x: saved.x!, y: saved.y!, ...size };
  const visible = workAreas.some((a) => overlap(rect, a) >= Math.min(rect.width * rect.height, 100 * 100) && rect.y >= a.y - 8);
  return visible ? rect : size;
}

function clampSize(v: number | undefined, fallback: number, min: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  return Math.max(min, Math.min(Math.round(v), 10000));
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}
