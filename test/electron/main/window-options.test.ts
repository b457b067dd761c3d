import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIZE, fitBounds, MIN_SIZE, windowOptions } from '../../../electron/main/window-options';

vi.mock('electron', () => import('./fake-electron'));

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('windowOptions', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    const o = windowOptions({ preloadPath: '/app/dist/electron/preload.cjs', workAreas: screen });
    expect(o.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
    });
    // Shown once painted, so a white flash never appears.
    expect(o.show).toBe(false);
    expect(o.minWidth).toBe(MIN_SIZE.width);
  });

  it('reopens at the remembered place when it is on a display', () => {
    const o = windowOptions({ preloadPath: 'p', workAreas: screen, bounds: { x: 100, y: 50, width: 1100, height: 700 } });
    expect(o).toMatchObject({ x: 100, y: 50, width: 1100, height: 700 });
  });
});

describe('fitBounds', () => {
  it('falls back to the default size, centred, without saved bounds', () => {
    expect(fitBounds(undefined, screen)).toEqual(DEFAULT_SIZE);
  });

  it('drops a position left on a display that is gone, keeping the size', () => {
    expect(fitBounds({ x: 3000, y: 100, width: 900, height: 600 }, screen)).toEqual({ width: 900, height: 600 });
  });

  it('drops a position whose title bar would sit above the screen', () => {
    expect(fitBounds({ x: 100, y: -400, width: 900, height: 600 }, screen)).toEqual({ width: 900, height: 600 });
  });

  it('clamps absurd sizes', () => {
    expect(fitBounds({ width: 10, height: Number.NaN }, screen)).toEqual({ width: MIN_SIZE.width, height: DEFAULT_SIZE.height });
    expect(fitBounds({ width: 1e9, height: 500 }, screen).width).toBe(10000);
  });

  it('accepts a window on a second display', () => {
    const two = [...screen, { x: 1920, y: 0, width: 2560, height: 1440 }];
    expect(fitBounds({ x: 2000, y: 100, width: 1200, height: 800 }, two)).toEqual({ x: 2000, y: 100, width: 1200, height: 800 });
  });
});
