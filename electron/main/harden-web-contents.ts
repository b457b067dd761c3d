// Every web contents the app creates is locked to the app's own pages: no navigation away, no
// new windows, no <webview>, no permissions (camera, notifications, geolocation…) and no
// downloads except of artifacts (the file view's Download button), which go through the system
// save dialog. Links that open a new window (target=_blank in a markdown artifact) are handed to
// the system browser when they are plain http(s), and are never opened inside the app.
import type { App, Session, WebContents } from 'electron';
import { ARTIFACT_HOST, ARTIFACT_SCHEME, isAppUrl } from './app-origin';

export interface HardenOptions {
  /** Opens an http(s) link in the default browser (shell.openExternal). */
  openExternal?: (url: string) => void;
}

/** The only permission granted, and only to the app's own page: writing to the clipboard (copy buttons). */
const APP_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function hardenWebContents(contents: WebContents, opts: HardenOptions = {}): void {
  const guard = (event: { url?: string; preventDefault(): void }, url?: string) => {
    if (!isAppUrl(event.url ?? url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (opts.openExternal && isExternalLink(url)) opts.openExternal(url);
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every web contents, including ones created later. */
export function installHardening(app: App, opts: HardenOptions = {}): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, opts));
}

export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(permissionAllowed(permission, details?.requestingUrl));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event, item) => {
    if (!isArtifactUrl(item?.getURL())) event.preventDefault();
  });
}

export function isArtifactUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${ARTIFACT_SCHEME}:` && u.host === ARTIFACT_HOST;
  } catch {
    return false;
  }
}
