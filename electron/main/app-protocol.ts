// greenlight-app://app/ serves the built renderer (dist/renderer). A privileged, standard and
// secure scheme gives the page a real origin (so 'self' in the CSP, fetch and storage behave as
// on https) without a local web server, and every response carries the strict CSP.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { acceptRequest, APP_HOST, APP_SCHEME, ARTIFACT_SCHEME } from './app-origin';

/** Must be registered before the app is ready (Electron only accepts it then). */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  // stream: media elements read artifacts in ranges (seeking a long video) instead of buffering them whole.
  { scheme: ARTIFACT_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const APP_RESPONSE_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cache-control': 'no-cache',
};

export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const base = path.resolve(rendererDir);
  return async (request) => {
    const url = acceptRequest(request, APP_HOST, text);
    if (url instanceof Response) return url;
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return text(400, 'bad request');
    }
    if (pathname.includes('\0') || pathname.includes('\\')) return text(404, 'not found');
    const rel = path.posix.normalize(pathname === '/' ? '/index.html' : pathname).replace(/^\/+/, '');
    if (!rel || rel === '..' || rel.startsWith('../')) return text(404, 'not found');
    const abs = path.join(base, ...rel.split('/'));
    if (!abs.startsWith(base + path.sep)) return text(404, 'not found');
    const data = await fs.readFile(abs).catch(() => null);
    if (!data) return text(404, 'not found');
    const headers = { ...APP_RESPONSE_HEADERS, 'content-type': STATIC_TYPES[path.extname(abs).toLowerCase()] ?? 'application/octet-stream' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers });
  };
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}

function text(status: number, body: string): Response {
  return new Response(body + '\n', { status, headers: { ...APP_RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}
