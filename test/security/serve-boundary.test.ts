// Who may talk to `greenlight serve`: only this machine (loopback), only with the token, only
// from the desk's own origin. Every data route is tried without the token, with a wrong one,
// from a foreign Host (DNS rebinding) and a foreign Origin (CSRF), and as a CORS preflight; no
// answer may carry an Access-Control-Allow-* header. Extends test/electron/server/http-server.test.ts
// (one request of each kind) to every contract channel, the live stream and the artifact route.
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserHostHandlers, createDeskApi } from '../../electron/core/api/desk-api';
import { Desk } from '../../electron/core/desk';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import { CHANNELS } from '../../shared/api-contract';
import { makeTempDir } from '../helpers/temp-dir';

const tmp = makeTempDir('greenlight-serve-boundary-');
const renderer = makeTempDir('greenlight-serve-boundary-ui-');
let desk: Desk;
let server: RunningServer;
let artifactId: string;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const answers: Answer[] = [];

function request(opts: { path: string; method?: string; headers?: Record<string, string | undefined>; body?: string; host?: string | null }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (opts.host !== null) headers.host = opts.host ?? `127.0.0.1:${server.port}`;
    for (const [k, v] of Object.entries(opts.headers ?? {})) if (v !== undefined) headers[k] = v;
    const req = http.request({ host: '127.0.0.1', port: server.port, path: opts.path, method: opts.method ?? 'GET', headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
        // The live stream never ends: its first bytes are enough.
        if (opts.path.startsWith('/api/events')) res.destroy();
      });
      const done = () => {
        const a = { status: res.statusCode ?? 0, headers: res.headers, body };
        answers.push(a);
        resolve(a);
      };
      res.on('end', done);
      res.on('close', done);
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const TOKEN = () => ({ authorization: `Bearer ${server.token}` });
const api = (channel: string, headers: Record<string, string | undefined> = TOKEN(), extra: Partial<Parameters<typeof request>[0]> = {}) =>
  request({ path: `/api/${channel}`, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ args: [] }), ...extra });

/** One request per thing that carries data: every contract channel, the live stream, an artifact (GET and HEAD). */
const dataRoutes = (): { name: string; send: (headers: Record<string, string | undefined>, extra?: Partial<Parameters<typeof request>[0]>) => Promise<Answer> }[] => [
  ...CHANNELS.map((c) => ({ name: `POST /api/${c}`, send: (h: Record<string, string | undefined>, extra = {}) => api(c, h, extra) })),
  { name: 'GET /api/events', send: (h, extra = {}) => request({ path: '/api/events', headers: h, ...extra }) },
  { name: 'GET /artifacts/<id>', send: (h, extra = {}) => request({ path: `/artifacts/${artifactId}`, headers: h, ...extra }) },
  { name: 'HEAD /artifacts/<id>', send: (h, extra = {}) => request({ path: `/artifacts/${artifactId}`, method: 'HEAD', headers: h, ...extra }) },
];

beforeAll(async () => {
  renderer.write('index.html', '<!doctype html><title>Greenlight</title>');
  tmp.write('review/frame.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  tmp.write('review/cut.gate.json', JSON.stringify({ question: 'Use this frame?', requested_at: '2026-11-20T10:00:00Z', artifacts: ['frame.png'] }));
  desk = new Desk({ mode: 'browser', watch: false });
  await desk.addRoot(tmp.dir);
  server = await startServer({ desk, handlers: createDeskApi(desk, browserHostHandlers), rendererDir: renderer.dir });
  artifactId = desk.index.listRuns()[0].stages[0].artifacts[0].id;
});

afterAll(async () => {
  await server?.close();
  await desk?.close();
  tmp.cleanup();
  renderer.cleanup();
});

describe('greenlight serve: the network boundary', () => {
  it('listens on 127.0.0.1 only: another address of this machine is refused', async () => {
    const addr = (server as unknown as { port: number }).port;
    expect(server.url.startsWith(`http://127.0.0.1:${addr}/`)).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (!external) {
      console.log('serve boundary: this machine has no non-loopback IPv4 address, so "refused on another interface" cannot be tried here');
      return;
    }
    const refused = await new Promise<string>((resolve) => {
      const s = net.connect(server.port, external.address);
      s.on('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('the token works (the control)', async () => {
    for (const r of dataRoutes()) {
      const a = await r.send(TOKEN());
      expect([200, 400], r.name).toContain(a.status); // 400: a channel that needs arguments
    }
  });

  it.each<[string, () => Record<string, string>]>([
    ['no token', () => ({})],
    ['a wrong token', () => ({ authorization: 'Bearer wrong' })],
    ['a token one character short', () => ({ authorization: `Bearer ${server.token.slice(0, -1)}` })],
    ['the token in a cookie', () => ({ cookie: `token=${server.token}` })],
    ['the token in a made-up header', () => ({ 'x-token': server.token })],
    ['a Basic credential', () => ({ authorization: `Basic ${Buffer.from(`greenlight:${server.token}`).toString('base64')}` })],
  ])('refuses every data route with %s', async (_what, make) => {
    const headers = make();
    for (const r of dataRoutes()) {
      const a = await r.send(headers);
      expect(a.status, r.name).toBe(401);
      expect(a.body).not.toContain('Use this frame?');
    }
  });

  it('serves the page itself without the token, and the page holds no data and no token', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(server.token);
    expect(page.body).not.toContain('Use this frame?');
  });

  it.each([
    ['a rebinding name', 'evil.example'],
    ['a rebinding name with the port', 'evil.example:PORT'],
    ['127.0.0.1 as a subdomain', '127.0.0.1.evil.example:PORT'],
    ['localhost as a subdomain', 'localhost.evil.example:PORT'],
    ['the right address on another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
    ['IPv6 loopback', '[::1]:PORT'],
    ['0.0.0.0', '0.0.0.0:PORT'],
    ['an empty Host', ''],
  ])('refuses a foreign Host (%s), even with the token', async (_what, host) => {
    for (const r of [...dataRoutes(), { name: 'GET /', send: (h: Record<string, string | undefined>, extra = {}) => request({ path: '/', headers: h, ...extra }) }]) {
      const a = await r.send(TOKEN(), { host: host.replace('PORT', String(server.port)) });
      expect(a.status, `${r.name} with Host ${host}`).toBe(421);
    }
  });

  it('refuses a request with no Host header at all (HTTP/1.1: Node answers 400; HTTP/1.0: the desk answers 421)', async () => {
    expect((await api('getSnapshot', TOKEN(), { host: null })).status).toBe(400);
    const old = await new Promise<string>((resolve, reject) => {
      const sock = net.connect(server.port, '127.0.0.1');
      let out = '';
      sock.write(`GET /artifacts/${artifactId} HTTP/1.0\r\nAuthorization: Bearer ${server.token}\r\n\r\n`);
      sock.on('data', (c) => (out += c));
      sock.on('end', () => resolve(out));
      sock.on('error', reject);
    });
    expect(old).toMatch(/^HTTP\/1\.1 421 /);
  });

  it.each([
    ['another site', 'http://evil.example'],
    ['the null origin (sandboxed frames, file://)', 'null'],
    ['the desk on another port', 'http://127.0.0.1:1'],
    ['https on the same port', 'https://127.0.0.1:PORT'],
    ['a look-alike', 'http://127.0.0.1.evil.example:PORT'],
  ])('refuses a foreign Origin (%s), even with the token', async (_what, origin) => {
    for (const r of dataRoutes()) {
      const a = await r.send({ ...TOKEN(), origin: origin.replace('PORT', String(server.port)) });
      expect(a.status, r.name).toBe(403);
      expect(a.body).not.toContain('Use this frame?');
    }
  });

  it('refuses a request the browser marks cross-site (Sec-Fetch-Site), even with the token', async () => {
    for (const r of dataRoutes()) expect((await r.send({ ...TOKEN(), 'sec-fetch-site': 'cross-site' })).status, r.name).toBe(403);
  });

  it('refuses a form-style cross-site POST (no preflight: text/plain or form-encoded)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const a = await request({ path: '/api/decide', method: 'POST', headers: { ...TOKEN(), 'content-type': type }, body: 'args=[]' });
      expect(a.status, type).toBe(415);
    }
  });

  it('answers a CORS preflight without any Access-Control-Allow-* header', async () => {
    for (const path of ['/api/getSnapshot', '/api/decide', `/artifacts/${artifactId}`, '/api/events']) {
      for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port}`]) {
        const a = await request({
          path,
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
        });
        expect(a.status, `${path} from ${origin}`).toBeGreaterThanOrEqual(400);
        expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
      }
    }
  });

  it('never sent an Access-Control-Allow-* header in any answer of this suite', () => {
    expect(answers.length).toBeGreaterThan(100);
    for (const a of answers) expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});
