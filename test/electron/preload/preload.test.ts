// Loads the real preload against a stand-in 'electron' module and checks what it exposes to the
// page: one named function per channel, onEvent and pathForFile, and nothing of IPC itself.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../electron/preload/channel-names';
import type { GreenlightBridge } from '../../../shared/preload-bridge';

const stand = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoke: [] as unknown[][],
  ipc: null as unknown as import('node:events').EventEmitter & { invoke: (...a: unknown[]) => Promise<unknown> },
  paths: [] as unknown[],
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipc = new Emitter() as typeof stand.ipc;
  ipc.invoke = async (...args: unknown[]) => {
    stand.invoke.push(args);
    return { ok: args[0] };
  };
  stand.ipc = ipc;
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => stand.exposed.push([key, api]) },
    ipcRenderer: ipc,
    webUtils: {
      getPathForFile: (file: unknown) => {
        stand.paths.push(file);
        return '/home/me/dropped-folder';
      },
    },
  };
});

let bridge: GreenlightBridge & Record<string, unknown>;
beforeAll(async () => {
  await import('../../../electron/preload/preload');
  bridge = stand.exposed[0][1] as typeof bridge;
});

describe('the preload', () => {
  it('exposes exactly one object, window.greenlight', () => {
    expect(stand.exposed.map(([k]) => k)).toEqual(['greenlight']);
  });

  it('exposes only named functions: one per channel, onEvent and pathForFile', () => {
    expect(Object.keys(bridge).sort()).toEqual([...CHANNEL_NAMES, 'onEvent', 'pathForFile'].sort());
    for (const [k, v] of Object.entries(bridge)) expect(typeof v, k).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('never exposes ipcRenderer or its methods', () => {
    const values = Object.values(bridge);
    expect(values).not.toContain(stand.ipc);
    for (const m of ['invoke', 'send', 'sendSync', 'on', 'once', 'emit', 'removeListener', 'postMessage']) {
      expect(bridge).not.toHaveProperty(m);
      expect(values).not.toContain((stand.ipc as unknown as Record<string, unknown>)[m]);
    }
  });

  it('each channel function invokes its own IPC channel with the arguments', async () => {
    await expect(bridge.getRun('run-1')).resolves.toEqual({ ok: 'greenlight:getRun' });
    await bridge.getSnapshot();
    await bridge.addRoot('/home/me/runs');
    expect(stand.invoke).toEqual([['greenlight:getRun', 'run-1'], ['greenlight:getSnapshot'], ['greenlight:addRoot', '/home/me/runs']]);
  });

  it('onEvent delivers the payload only (never the IPC event) and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args: unknown[]) => seen.push(args));
    const ipcEvent = { sender: stand.ipc, ports: [] };
    stand.ipc.emit('greenlight:event', ipcEvent, { type: 'ready' });
    expect(seen).toEqual([[{ type: 'ready' }]]);
    off();
    stand.ipc.emit('greenlight:event', ipcEvent, { type: 'ready' });
    expect(seen).toHaveLength(1);
    expect(stand.ipc.listenerCount('greenlight:event')).toBe(0);
    expect(() => bridge.onEvent('nope' as never)).toThrow(TypeError);
  });

  it('pathForFile asks webUtils for the dropped file’s real path', () => {
    const file = { name: 'dropped-folder' } as unknown as File;
    expect(bridge.pathForFile(file)).toBe('/home/me/dropped-folder');
    expect(stand.paths).toEqual([file]);
  });
});

describe('the preload bundle', () => {
  it('is one small CommonJS file that requires nothing but electron (sandbox-safe)', async () => {
    const out = await build({
      entryPoints: [path.resolve(__dirname, '../../../electron/preload/preload.ts')],
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      target: 'node20',
      external: ['electron', 'fsevents'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0].text;
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code.length).toBeLessThan(8 * 1024);
  });
});
