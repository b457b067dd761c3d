// Builds window.greenlight from the channel list: one named function per channel, an event
// subscription and the drag-and-drop path helper. Only these functions cross the context
// bridge; ipcRenderer itself and the IPC event objects (whose `sender` is ipcRenderer) never do.
import type { DeskEvent } from '../../shared/api-contract';
import type { GreenlightBridge } from '../../shared/preload-bridge';
import { CHANNEL_NAMES, EVENT_CHANNEL_NAME, ipcChannelName } from './channel-names';

/** The slice of ipcRenderer the bridge uses, so tests can pass a stand-in. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function buildBridge(ipc: BridgeIpc, getPathForFile: (file: File) => string): GreenlightBridge {
  const bridge: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    const channel = ipcChannelName(name);
    // A fresh closure per channel: the renderer can call it but learns nothing about IPC.
    bridge[name] = (...args: unknown[]) => ipc.invoke(channel, ...args);
  }
  bridge.onEvent = (listener: (e: DeskEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as DeskEvent);
    ipc.on(EVENT_CHANNEL_NAME, wrapped);
    return () => {
      ipc.removeListener(EVENT_CHANNEL_NAME, wrapped);
    };
  };
  bridge.pathForFile = (file: File) => getPathForFile(file);
  return Object.freeze(bridge) as unknown as GreenlightBridge;
}
