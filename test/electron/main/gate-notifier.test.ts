import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { DeskEvent } from '../../../shared/api-contract';
import type { Gate } from '../../../shared/model';
import { GateNotifier, MAX_INDIVIDUAL_NOTICES, windowTitle, type GateNotice } from '../../../electron/main/gate-notifier';
import { desktopAttentionHost, showRoute } from '../../../electron/main/desktop-attention';
import { app, FakeBrowserWindow, FakeNotification } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

function gate(id: string, over: Partial<Gate> = {}): Gate {
  return { id, runId: `run-${id}`, family: 'openmontage', stageName: 'script', title: `Approve ${id}`, status: 'waiting', decisions: ['approve', 'reject'], unavailable: {}, ...over };
}

function indexEvent(gates: Gate[]): DeskEvent {
  return { type: 'index', upserted: [], removed: [], gates, problemCount: { errors: 0, warnings: 0 }, changedRuns: [], changedFiles: [] };
}

function recorder() {
  const notices: GateNotice[] = [];
  const counts: number[] = [];
  const notifier = new GateNotifier({
    notify: (n) => notices.push(n),
    setWaitingCount: (n) => counts.push(n),
    describeRun: (runId) => (runId === 'run-b' ? 'Trailer cut' : undefined),
  });
  return { notifier, notices, counts };
}

describe('GateNotifier', () => {
  it('stays silent for gates found during a folder’s first scan', async () => {
    const { notifier, notices, counts } = recorder();
    await notifier.quietDuring(async () => notifier.handleEvent(indexEvent([gate('a'), gate('b')])));
    expect(notices).toEqual([]);
    expect(counts).toEqual([2]);
  });

  it('raises one notification for a gate that starts waiting later, linking to its run', async () => {
    const { notifier, notices, counts } = recorder();
    await notifier.quietDuring(async () => notifier.update([gate('a')]));
    notifier.handleEvent(indexEvent([gate('a'), gate('b')]));
    expect(notices).toEqual([{ title: 'Gate waiting: Approve b', body: 'Trailer cut · script', route: '#/runs/run-b' }]);
    expect(counts).toEqual([1, 2]);
    // The same list again is not news.
    notifier.handleEvent(indexEvent([gate('a'), gate('b')]));
    expect(notices).toHaveLength(1);
    expect(counts).toEqual([1, 2]);
  });

  it('counts only waiting gates, and notifies again when a decided gate waits again', () => {
    const { notifier, notices, counts } = recorder();
    notifier.update([gate('a', { status: 'approved' })]);
    expect(notices).toEqual([]);
    notifier.update([gate('a')]);
    notifier.update([]);
    notifier.update([gate('a')]);
    expect(notices.map((n) => n.title)).toEqual(['Gate waiting: Approve a', 'Gate waiting: Approve a']);
    expect(counts).toEqual([0, 1, 0, 1]);
  });

  it('encodes the run id in the route', () => {
    const { notifier, notices } = recorder();
    notifier.update([gate('x', { runId: 'om/run 1#2' })]);
    expect(notices[0].route).toBe('#/runs/om%2Frun%201%232');
  });

  it('summarises a burst of new gates in one notification', () => {
    const { notifier, notices } = recorder();
    notifier.update(Array.from({ length: MAX_INDIVIDUAL_NOTICES + 2 }, (_, i) => gate(String(i))));
    expect(notices).toEqual([{ title: `${MAX_INDIVIDUAL_NOTICES + 2} gates waiting`, body: expect.any(String), route: '#/inbox' }]);
  });

  it('ignores non-index events', () => {
    const { notifier, notices, counts } = recorder();
    notifier.handleEvent({ type: 'ready' });
    notifier.handleEvent({ type: 'roots', roots: [] });
    expect(notices).toEqual([]);
    expect(counts).toEqual([]);
  });

  it('ends the quiet period even when the scan fails', async () => {
    const { notifier, notices } = recorder();
    await expect(notifier.quietDuring(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    notifier.update([gate('a')]);
    expect(notices).toHaveLength(1);
  });
});

describe('desktopAttentionHost (with the Electron stand-in)', () => {
  beforeEach(() => {
    FakeNotification.all = [];
    FakeNotification.supported = true;
    app.setBadgeCount.mockClear();
  });

  function wiredWindow() {
    const win = new FakeBrowserWindow({});
    win.webContents.mainFrame.url = 'greenlight-app://app/index.html#/inbox';
    const notifier = new GateNotifier(desktopAttentionHost(() => win as unknown as BrowserWindow));
    return { win, notifier };
  }

  it('shows one OS notification for a new waiting gate; clicking focuses the window on the run', () => {
    const { win, notifier } = wiredWindow();
    notifier.update([gate('a')]);
    expect(FakeNotification.all).toHaveLength(1);
    const n = FakeNotification.all[0];
    expect(n.options.title).toBe('Gate waiting: Approve a');
    expect(n.show).toHaveBeenCalledTimes(1);
    win.minimized = true;
    n.emit('click');
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(win.webContents.executeJavaScript).toHaveBeenCalledWith('location.hash = "#/runs/run-a"');
  });

  it('sets the badge count and the window title', () => {
    const { win, notifier } = wiredWindow();
    notifier.update([gate('a'), gate('b')]);
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(2);
    expect(win.title).toBe('(2) Greenlight');
    notifier.update([]);
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(0);
    expect(win.title).toBe('Greenlight');
    expect(windowTitle(0)).toBe('Greenlight');
  });

  it('shows nothing where notifications are unsupported, but still counts', () => {
    FakeNotification.supported = false;
    const { notifier } = wiredWindow();
    notifier.update([gate('a')]);
    expect(FakeNotification.all).toEqual([]);
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(1);
  });

  it('never runs script for a route that is not a plain hash route, or on a foreign page', () => {
    const win = new FakeBrowserWindow({});
    win.webContents.mainFrame.url = 'greenlight-app://app/index.html';
    showRoute(win as unknown as BrowserWindow, '#/runs/x";alert(1);"');
    expect(win.webContents.executeJavaScript).not.toHaveBeenCalled();
    win.webContents.mainFrame.url = 'https://evil.example/';
    showRoute(win as unknown as BrowserWindow, '#/runs/x');
    expect(win.webContents.executeJavaScript).not.toHaveBeenCalled();
    expect(() => showRoute(null, '#/inbox')).not.toThrow();
  });
});
