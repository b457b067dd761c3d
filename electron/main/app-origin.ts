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

/**
 * The checks both protocol handlers make first: a URL that parses, for their own host, read
 * with GET or HEAD. Returns the URL, or the refusal (in the handler's own `text` answer).
 */
export function acceptRequest(request: Request, host: string, text: (status: number, body: string) => Response): URL | Response {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return text(400, 'bad request');
  }
  if (url.host !== host) return text(404, 'not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'method not allowed');
  return url;
}
