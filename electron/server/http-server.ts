// `greenlight serve`: the renderer and the API over HTTP, bound to loopback only. Every
// request that reaches data (API, live stream, artifacts, the page itself) must carry the
// random token; a foreign Host (DNS rebinding) or Origin (CSRF) is refused; no CORS headers.
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiHandlers, DeskEvent } from '../../shared/api-contract';
import type { Desk } from '../core/desk';
import { ApiError, dispatch } from '../core/api/dispatch';
import { openResolved, resolveArtifactFile } from '../core/api/resolve-artifact-file';
import { mediaTypeOf } from '../core/families/shared/artifact-paths';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { parseRange } from './parse-range';

export interface ServeOptions {
  desk: Desk;
  handlers: ApiHandlers;
  rendererDir: string;
  port?: number;
  host?: '127.0.0.1';
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const tokenBuf = Buffer.from(token);
  const clients = new Set<http.ServerResponse>();
  let port = 0;

  const sameToken = (candidate: string | null | undefined) => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuf.length && timingSafeEqual(b, tokenBuf);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
      opts.desk.notice('error', `serve: ${(err as Error).message}`);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends its own Host.
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return sendText(res, 421, 'misdirected request: unexpected Host header');
    const origin = req.headers.origin;
    if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return sendText(res, 403, 'forbidden: cross-origin request');
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite === 'cross-site') return sendText(res, 403, 'forbidden: cross-site request');

    const auth = req.headers.authorization;
    const presented = auth?.startsWith('Bearer ') ? auth.slice(7) : url.searchParams.get('token');
    const pathname = url.pathname;

    // The app's code holds no data, so it loads without the token: the page keeps the token
    // in sessionStorage (not in the address bar), and a reload must still find the app.
    // Everything that carries data — API, live stream, artifacts — needs the token.
    if (req.method === 'GET' && pathname.startsWith('/assets/')) return serveStatic(res, pathname);
    if (req.method === 'GET' && (pathname === '/' || pathname === '/index.html')) return serveStatic(res, '/index.html');
    if (!sameToken(presented)) return sendText(res, 401, 'unauthorized: this Greenlight desk needs the token from the URL that `greenlight serve` printed');

    if (req.method === 'GET' && pathname === '/api/events') return openStream(req, res);
    if ((req.method === 'GET' || req.method === 'HEAD') && pathname.startsWith('/artifacts/')) {
      let id: string;
      try {
        id = decodeURIComponent(pathname.slice('/artifacts/'.length));
      } catch {
        return sendText(res, 400, 'malformed artifact id');
      }
      return serveArtifact(req, res, id);
    }
    if (req.method === 'POST' && pathname.startsWith('/api/')) {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, { error: 'expected application/json' });
      const body = await readBody(req, 1024 * 1024).catch(() => null);
      if (body === null) return sendJson(res, 413, { error: 'request body too large' });
      let parsed: { args?: unknown };
      try {
        parsed = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { error: 'request body is not JSON' });
      }
      try {
        const result = await dispatch(opts.handlers, pathname.slice('/api/'.length), parsed.args);
        return sendJson(res, 200, { result });
      } catch (err) {
        const status = err instanceof ApiError ? err.status : 400;
        return sendJson(res, status, { error: (err as Error).message });
      }
    }
    return sendText(res, 404, 'not found');
  }

  async function serveStatic(res: http.ServerResponse, pathname: string) {
    const rel = path.posix.normalize(pathname).replace(/^\/+/, '');
    if (rel.startsWith('..')) return sendText(res, 404, 'not found');
    const abs = path.join(opts.rendererDir, ...rel.split('/'));
    if (!abs.startsWith(opts.rendererDir)) return sendText(res, 404, 'not found');
    const data = await fs.readFile(abs).catch(() => null);
    if (!data) return sendText(res, 404, 'not found');
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': STATIC_TYPES[path.extname(abs)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-cache',
    });
    res.end(data);
  }

  function openStream(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  async function serveArtifact(req: http.IncomingMessage, res: http.ServerResponse, id: string) {
    const r = await resolveArtifactFile(opts.desk, id);
    if (!r.ok) return sendText(res, r.status, r.reason);
    // Opened before answering: a file that vanished or was swapped since the check is refused,
    // and a stream error can never be an uncaught exception that takes the server down.
    const opened = await openResolved(r);
    if (!opened.ok) return sendText(res, opened.status, opened.reason);
    const { handle, size } = opened;
    const headers: http.OutgoingHttpHeaders = {
      ...BASE_HEADERS,
      'content-type': mediaTypeOf(r.abs),
      'accept-ranges': 'bytes',
      // Even if someone opens an SVG or HTML artifact directly, nothing in it may run.
      'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
      'cache-control': 'no-store',
    };
    const range = parseRange(req.headers.range, size);
    if (range === 'unsatisfiable' || req.method === 'HEAD' || size === 0) {
      await handle.close().catch(() => {});
      if (range === 'unsatisfiable') {
        res.writeHead(416, { ...headers, 'content-range': `bytes */${size}` });
        return res.end();
      }
      if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': range.end - range.start + 1 });
      else res.writeHead(200, { ...headers, 'content-length': size });
      return res.end();
    }
    if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${range.start}-${range.end}/${size}`, 'content-length': range.end - range.start + 1 });
    else res.writeHead(200, { ...headers, 'content-length': size });
    const stream = handle.createReadStream({ start: range ? range.start : 0, end: range ? range.end : size - 1, autoClose: true });
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }

  const onEvent = (e: DeskEvent) => {
    if (!clients.size) return; // nobody listening: don't serialise the event at all
    const frame = `data: ${JSON.stringify(e)}\n\n`;
    for (const c of clients) c.write(frame);
  };
  opts.desk.on('event', onEvent);
  const keepAlive = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 15000);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    close: async () => {
      clearInterval(keepAlive);
      opts.desk.off('event', onEvent);
      for (const c of clients) c.end();
      clients.clear();
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(data);
}

function sendText(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text + '\n');
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
