// The Electron side of the gate notifier: OS notifications, the badge and the window title, and
// bringing the window forward on a given route when a notification is clicked.
import { app, Notification, type BrowserWindow } from 'electron';
import type { GateNotice, GateNotifierHost } from './gate-notifier';
import { windowTitle } from './gate-notifier';
import type { WindowGetter } from './ipc-bridge';
import { isAppUrl } from './app-origin';

export function desktopAttentionHost(getWindow: WindowGetter, describeRun?: (runId: string) => string | undefined): GateNotifierHost {
  // Electron drops a notification's click handler if the object is garbage-collected while
  // shown, so shown notifications are held until clicked or closed.
  const shown = new Set<Notification>();
  return {
    describeRun,
    notify(notice: GateNotice) {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title: notice.title, body: notice.body });
      shown.add(n);
      n.on('click', () => {
        shown.delete(n);
        showRoute(getWindow(), notice.route);
      });
      n.on('close', () => shown.delete(n));
      n.on('failed', () => shown.delete(n));
      n.show();
    },
    setWaitingCount(count: number) {
      // The badge exists on macOS and on Linux desktops with Unity launcher support; elsewhere
      // this is a no-op and the title (shown in the taskbar) carries the count.
      app.setBadgeCount(count);
      const win = getWindow();
      if (win && !win.isDestroyed()) win.setTitle(windowTitle(count));
    },
  };
}

export function showRoute(win: BrowserWindow | null | undefined, route: string): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  const contents = win.webContents;
  // Only ever a hash change on the app's own page; the route is passed as a JSON string literal.
  if (isAppUrl(contents.getURL()) && /^#\/[\w\-/%?=&.~!*'()]*$/.test(route)) {
    void contents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`).catch(() => undefined);
  }
}
