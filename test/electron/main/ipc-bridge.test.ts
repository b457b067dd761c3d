import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain } from 'electron';
import { CHANNELS, IPC_EVENT_CHANNEL, ipcChannel, type ApiHandlers, type DeskEvent } from '../../../shared/api-contract';
import { forwardDeskEvents, isTrustedSender, registerIpcHandlers } from '../../../electron/main/ipc-bridge';
import { FakeBrowserWindow, FakeWebContents, FakeWebFrame, ipcMain } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const APP_URL = 'greenlight-app://app/index.html#/inbox';

function setup() {
  ipcMain.handlers.clear();
  const win = new FakeBrowserWindow({});
  win.webContents.mainFrame = new FakeWebFrame(APP_URL, null, 7, 1);
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(async (...args: unknown[]) => ({ channel: c, args }))])) as unknown as ApiHandlers &
    Record<string, ReturnType<typeof vi.fn>>;
  let current: FakeBrowserWindow | null = win;
  const unregister = registerIpcHandlers(ipcMain as unknown as IpcMain, handlers, () => current as unknown as BrowserWindow);
  const call = (channel: string, event: unknown, ...args: unknown[]) => ipcMain.handlers.get(ipcChannel(channel as never))!(event, ...args);
  const fromApp = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
  return { win, handlers, call, fromApp, unregister, closeWindow: () => (current = null) };
}

describe('registerIpcHandlers', () => {
  it('registers one handler per contract channel', () => {
    setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map(ipcChannel).sort());
  });

  it('passes a trusted call with valid arguments to the handler', async () => {
    const { call, fromApp, handlers } = setup();
    await expect(call('getRun', fromApp(), 'run-1')).resolves.toEqual({ channel: 'getRun', args: ['run-1'] });
    expect(handlers.getRun).toHaveBeenCalledWith('run-1');
  });

  it('rejects a frame showing a foreign URL before the handler runs', async () => {
    const { call, win, handlers } = setup();
    win.webContents.mainFrame.url = 'https://evil.example/';
    await expect(call('addRoot', { sender: win.webContents, senderFrame: win.webContents.mainFrame }, '/home/me')).rejects.toThrow(/refused addRoot/);
    expect(handlers.addRoot).not.toHaveBeenCalled();
  });

  it('rejects a sub-frame, even one on the app origin', async () => {
    const { call, win, handlers } = setup();
    const child = new FakeWebFrame(APP_URL, win.webContents.mainFrame as FakeWebFrame, 7, 2);
    await expect(call('getSnapshot', { sender: win.webContents, senderFrame: child })).rejects.toThrow(/refused/);
    expect(handlers.getSnapshot).not.toHaveBeenCalled();
  });

  it('rejects other web contents, a missing frame and a closed window', async () => {
    const { call, win, handlers, closeWindow } = setup();
    const other = new FakeWebContents();
    other.mainFrame = new FakeWebFrame(APP_URL);
    await expect(call('getSnapshot', { sender: other, senderFrame: other.mainFrame })).rejects.toThrow(/refused/);
    await expect(call('getSnapshot', { sender: win.webContents, senderFrame: null })).rejects.toThrow(/refused/);
    // A different frame object of the same window that is not its main frame.
    await expect(call('getSnapshot', { sender: win.webContents, senderFrame: new FakeWebFrame(APP_URL, null, 9, 9) })).rejects.toThrow(/refused/);
    closeWindow();
    await expect(call('getSnapshot', { sender: win.webContents, senderFrame: win.webContents.mainFrame })).rejects.toThrow(/refused/);
    expect(handlers.getSnapshot).not.toHaveBeenCalled();
  });

  it('rejects bad arguments with the contract schema before the handler runs', async () => {
    const { call, fromApp, handlers } = setup();
    await expect(call('getRun', fromApp(), 42)).rejects.toThrow(/invalid arguments for getRun/);
    await expect(call('getRun', fromApp())).rejects.toThrow(/invalid arguments for getRun/);
    await expect(call('getRun', fromApp(), 'a', 'b')).rejects.toThrow(/invalid arguments/);
    await expect(call('addRoot', fromApp(), 'x'.repeat(5000))).rejects.toThrow(/invalid arguments for addRoot/);
    await expect(call('removeRoot', fromApp(), '')).rejects.toThrow(/invalid arguments for removeRoot/);
    await expect(call('openArtifactExternally', fromApp(), { toString: () => 'x' })).rejects.toThrow(/invalid arguments/);
    expect(handlers.getRun).not.toHaveBeenCalled();
    expect(handlers.addRoot).not.toHaveBeenCalled();
    expect(handlers.removeRoot).not.toHaveBeenCalled();
    expect(handlers.openArtifactExternally).not.toHaveBeenCalled();
  });

  it('removes its handlers when asked', () => {
    const { unregister } = setup();
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('isTrustedSender', () => {
  it('accepts the main frame of the window on the app origin, by frame identity or ids', () => {
    const win = new FakeBrowserWindow({});
    win.webContents.mainFrame = new FakeWebFrame(APP_URL, null, 3, 4);
    const get = () => win as unknown as BrowserWindow;
    expect(isTrustedSender({ sender: win.webContents, senderFrame: win.webContents.mainFrame } as never, get)).toBe(true);
    expect(isTrustedSender({ sender: win.webContents, senderFrame: new FakeWebFrame(APP_URL, null, 3, 4) } as never, get)).toBe(true);
    win.destroyed = true;
    expect(isTrustedSender({ sender: win.webContents, senderFrame: win.webContents.mainFrame } as never, get)).toBe(false);
  });
});

describe('forwardDeskEvents', () => {
  const event: DeskEvent = { type: 'ready' };

  it('sends desk events to the window on the event channel, and stops when unsubscribed', () => {
    const desk = new EventEmitter();
    const win = new FakeBrowserWindow({});
    win.webContents.mainFrame.url = APP_URL;
    const stop = forwardDeskEvents(desk, () => win as unknown as BrowserWindow);
    desk.emit('event', event);
    expect(win.webContents.sent).toEqual([[IPC_EVENT_CHANNEL, event]]);
    stop();
    desk.emit('event', event);
    expect(win.webContents.sent).toHaveLength(1);
  });

  it('sends nothing to a page that is not the app, or to no window', () => {
    const desk = new EventEmitter();
    const win = new FakeBrowserWindow({});
    win.webContents.mainFrame.url = 'https://evil.example/';
    let current: FakeBrowserWindow | null = win;
    forwardDeskEvents(desk, () => current as unknown as BrowserWindow);
    desk.emit('event', event);
    current = null;
    expect(() => desk.emit('event', event)).not.toThrow();
    expect(win.webContents.sent).toEqual([]);
  });
});
