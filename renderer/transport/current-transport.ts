// Picks the transport once at start-up: the preload's bridge when running in Electron,
// otherwise HTTP with the token from the page URL (printed by `greenlight serve`).
import { ElectronTransport } from './electron-transport';
import { pageToken } from './http-invoke';
import { HttpTransport } from './http-transport';
import type { Transport } from './transport';
import type { GreenlightBridge } from '../../shared/preload-bridge';

let current: Transport | undefined;

export function getTransport(): Transport {
  if (current) return current;
  const bridge = (globalThis as { greenlight?: GreenlightBridge }).greenlight;
  if (bridge) current = new ElectronTransport(bridge);
  else {
    const url = new URL(globalThis.location?.href ?? 'http://127.0.0.1/');
    const token = pageToken();
    // Keep the token for reloads, then take it out of the address bar so it is not shared by a
    // copy-paste: once the first screen is up (the first access to storage waits on the browser
    // process, which is busy while the page loads). Until then a reload still finds the token in
    // the address bar, since both happen together.
    if (url.searchParams.has('token')) {
      const keepToken = () => {
        sessionStorage.setItem('greenlight-token', token);
        url.searchParams.delete('token');
        history.replaceState(null, '', url.pathname + url.search + location.hash);
      };
      const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
      if (idle) idle(keepToken, { timeout: 1000 });
      else setTimeout(keepToken, 100);
    }
    current = new HttpTransport(token);
  }
  return current;
}

/** Tests inject a fake transport. */
export function setTransport(t: Transport | undefined): void {
  current = t;
}
