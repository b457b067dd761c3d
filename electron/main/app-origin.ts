// The app's own origin and protocols, in one place so the window, the protocol handlers, the
// navigation guard and the IPC sender check all agree on what "our page" is.
import { ARTIFACT_PROTOCOL } from '../../shared/api-contract';

export const APP_SCHEME = 'greenlight-app';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const ARTIFACT_SCHEME = ARTIFACT_PROTOCOL;
export const ARTIFACT_HOST = 'artifact';

/**
 * True when `url` is a page of the app itself. Compared by scheme and host rather than with
 * URL.origin, which is "null" for custom schemes outside Chromium.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
  } catch {
    return false;
  }
}
