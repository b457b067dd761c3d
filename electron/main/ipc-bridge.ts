// The IPC side of the contract. Each channel's handler first checks who is calling: only the
// main frame of the app's own window, showing the app's own origin, may reach the core (a
// frame that somehow loaded foreign content gets nothing). Then dispatch() validates the
// arguments with the contract's zod schemas before any handler runs.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, IPC_EVENT_CHANNEL, ipcChannel, type ApiHandlers, type DeskEvent } from '../../shared/api-contract';
import { dispatch } from '../core/api/dispatch';
import { isAppUrl } from './app-origin';

export type WindowGetter = () => BrowserWindow | null | undefined;

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`refused ${channel}: the call did not come from Greenlight's own window`);
  }
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: SenderEvent, getWindow: WindowGetter): boolean {
  const win = getWindow();
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  if (event.sender !== contents) return false;
  const frame = event.senderFrame;
  const main = contents.mainFrame;
  if (!frame || !main || frame.parent) return false;
  // Frames are compared by identity of the underlying frame, not of the JS wrapper.
  if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
  return isAppUrl(frame.url);
}

/** Registers one ipcMain handler per channel; returns a function that removes them. */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, handlers: ApiHandlers, getWindow: WindowGetter): () => void {
  for (const c of CHANNELS) {
    ipcMain.handle(ipcChannel(c), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event, getWindow)) throw new UntrustedSenderError(c);
      return dispatch(handlers, c, args);
    });
  }
  return () => {
    for (const c of CHANNELS) ipcMain.removeHandler(ipcChannel(c));
  };
}

/** Pushes the desk's events to the window while it shows the app; returns an unsubscribe. */
export function forwardDeskEvents(desk: { on(e: 'event', l: (e: DeskEvent) => void): unknown; off(e: 'event', l: (e: DeskEvent) => void): unknown }, getWindow: WindowGetter): () => void {
  const listener = (e: DeskEvent) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    const contents = win.webContents;
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
    contents.send(IPC_EVENT_CHANNEL, e);
  };
  desk.on('event', listener);
  return () => {
    desk.off('event', listener);
  };
}
