// `greenlight serve` security and transport behaviour, over real loopback HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { Desk } from '../../../electron/core/desk';
import { browserHostHandlers, createDeskApi } from '../../../electron/core/api/desk-api';
import { startServer, type RunningServer } from '../../../electron/server/http-server';
import { makeTempDir } from '../../helpers/temp-dir';

function request(
  port: number,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** A desk on `root` (no watcher), served over HTTP with the renderer files in `rendererDir`. */
async function serveDesk(root: string, rendererDir: string): Promise<{ desk: Desk; server: RunningServer; close(): Promise<void> }> {
  const desk = new Desk({ mode: 'browser', watch: false });
  await desk.addRoot(root);
  const server = await startServer({ desk, handlers: createDeskApi(desk, browserHostHandlers), rendererDir });
  return {
    desk,
    server,
    async close() {
      await server.close();
      await desk.close();
    },
  };
}

describe('greenlight serve', () => {
  const tmp = makeTempDir();
  const renderer = makeTempDir('greenlight-renderer-');
  const outside = makeTempDir('greenlight-outside-');
  let served: Awaited<ReturnType<typeof serveDesk>> | undefined;
  let desk: Desk;
  let server: RunningServer;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1000, 7)]);

  beforeAll(async () => {
    renderer.write('index.html', '<!doctype html><title>Greenlight</title>');
    renderer.write('assets/app.js', 'console.log(1)');
    // Views load as chunks beside the entry (scripts/build.mjs: splitting, chunkNames).
    renderer.write('assets/run-view-ABC123.js', 'export const x = 1;');
    tmp.write('review/frame.png', png);
    outside.write('secret.png', png);
    mkdirSync(path.join(tmp.dir, 'review'), { recursive: true });
    symlinkSync(path.join(outside.dir, 'secret.png'), path.join(tmp.dir, 'review', 'escape.png'));
    tmp.write(
      'review/cut.gate.json',
      JSON.stringify({ question: 'Use this frame?', requested_at: '2026-11-20T10:00:00Z', artifacts: ['frame.png', 'escape.png'] }),
    );
    served = await serveDesk(tmp.dir, renderer.dir);
    ({ desk, server } = served);
  });

  afterAll(async () => {
    await served?.close();
    tmp.cleanup();
    renderer.cleanup();
    outside.cleanup();
  });

  const auth = () => ({ authorization: `Bearer ${server.token}` });
  const api = (channel: string, args: unknown[] = [], headers: Record<string, string> = auth()) =>
    request(server.port, { path: `/api/${channel}`, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ args }) });

  it('listens on loopback only and prints a URL carrying the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/);
  });

  it('refuses the API, the live stream and artifacts without the token (the page holds no data)', async () => {
    const page = await request(server.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body.toString()).not.toContain(server.token);
    expect((await api('getSnapshot', [], {})).status).toBe(401);
    expect((await api('getSnapshot', [], { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await request(server.port, { path: '/api/events' })).status).toBe(401);
    expect((await request(server.port, { path: '/artifacts/abc' })).status).toBe(401);
  });

  it('serves the page and the API with the token, and never sends CORS headers', async () => {
    const page = await request(server.port, { path: `/?token=${server.token}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const snap = await api('getSnapshot');
    expect(snap.status).toBe(200);
    const body = JSON.parse(snap.body.toString());
    expect(body.result.runs.some((r: { family: string }) => r.family === 'gate')).toBe(true);
    expect(snap.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('serves the code-split chunks beside the entry as JavaScript, under the same CSP, without the token', async () => {
    for (const file of ['assets/app.js', 'assets/run-view-ABC123.js']) {
      const res = await request(server.port, { path: `/${file}` });
      expect(res.status, file).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await request(server.port, { path: '/assets/missing-chunk.js' })).status).toBe(404);
  });

  it('answers getSnapshot for the first screen with the whole desk when it is that small', async () => {
    const whole = JSON.parse((await api('getSnapshot')).body.toString()).result;
    const first = await api('getSnapshot', [{ firstScreen: 50 }]);
    expect(first.status).toBe(200);
    const body = JSON.parse(first.body.toString()).result;
    expect(body.firstScreen).toBeUndefined();
    expect(body.gates).toEqual(whole.gates);
    expect((await api('getSnapshot', [{ firstScreen: 0 }])).status).toBe(400);
    expect((await api('getSnapshot', [{ firstScreen: 10 }, 1])).status).toBe(400);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    const rebind = await request(server.port, { path: `/?token=${server.token}`, headers: { host: 'evil.example:80' } });
    expect(rebind.status).toBe(421);
    const csrf = await api('getSnapshot', [], { ...auth(), origin: 'http://evil.example' });
    expect(csrf.status).toBe(403);
  });

  it('validates arguments against the contract', async () => {
    expect((await api('getRun', [42])).status).toBe(400);
    expect((await api('noSuchChannel')).status).toBe(404);
    expect((await api('addRoot', ['/etc'])).status).toBe(400);
  });

  it('serves artifact bytes with Range support, and refuses a symlink leading out of the root', async () => {
    const run = desk.index.listRuns().find((r) => r.family === 'gate')!;
    const artifacts = run.stages[0].artifacts;
    const frame = artifacts.find((a) => a.name === 'frame.png')!;
    const full = await request(server.port, { path: `/artifacts/${frame.id}?token=${server.token}` });
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/png');
    expect(full.body.equals(png)).toBe(true);
    const part = await request(server.port, { path: `/artifacts/${frame.id}`, headers: { ...auth(), range: 'bytes=0-7' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-7/${png.length}`);
    expect(part.body.length).toBe(8);
    const bad = await request(server.port, { path: `/artifacts/${frame.id}`, headers: { ...auth(), range: `bytes=${png.length + 10}-` } });
    expect(bad.status).toBe(416);
    const escape = artifacts.find((a) => a.name === 'escape.png')!;
    const refused = await request(server.port, { path: `/artifacts/${escape.id}?token=${server.token}` });
    expect(refused.status).toBe(403);
    for (const p of ['/artifacts/..%2F..%2Fetc%2Fpasswd', '/artifacts/%2e%2e%252f', `/artifacts/${encodeURIComponent(os.tmpdir())}`, '/artifacts/a%00b']) {
      const r = await request(server.port, { path: `${p}?token=${server.token}` });
      expect([400, 403, 404]).toContain(r.status);
    }
  });

  it('pushes index changes on the live stream', async () => {
    const got = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}`, headers: { host: `127.0.0.1:${server.port}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        let buf = '';
        res.on('data', (c) => {
          buf += c.toString();
          const m = /data: (.*)\n\n/.exec(buf);
          if (m) {
            req.destroy();
            resolve(m[1]);
          }
        });
        setTimeout(() => {
          writeFileSync(path.join(tmp.dir, 'live.gate.json'), JSON.stringify({ question: 'Live?', requested_at: '2026-11-20T11:00:00Z' }));
          // watch is off in this desk: feed the file the way the watcher would
          void desk.index.upsertFile(desk.listRoots()[0].id, path.join(tmp.dir, 'live.gate.json'));
        }, 50);
      });
      req.on('error', reject);
    });
    const event = JSON.parse(got);
    expect(event.type).toBe('index');
    expect(event.gates.some((g: { title: string }) => g.title === 'Live?')).toBe(true);
  });
});

describe('greenlight serve: the inbox’s first screen', () => {
  const tmp = makeTempDir();
  const renderer = makeTempDir('greenlight-renderer-');
  let served: Awaited<ReturnType<typeof serveDesk>> | undefined;
  let server: RunningServer;

  beforeAll(async () => {
    renderer.write('index.html', '<!doctype html><title>Greenlight</title>');
    // Five gates, each its own run; the third is the oldest.
    ['2026-11-20T10:00:00Z', '2026-11-20T09:00:00Z', '2026-11-19T08:00:00Z', '2026-11-20T12:00:00Z', '2026-11-20T11:00:00Z'].forEach((at, i) =>
      tmp.write(`g${i}/review.gate.json`, JSON.stringify({ question: `Gate ${i}?`, requested_at: at })),
    );
    served = await serveDesk(tmp.dir, renderer.dir);
    ({ server } = served);
  });

  afterAll(async () => {
    await served?.close();
    tmp.cleanup();
    renderer.cleanup();
  });

  const snapshotOf = async (args: unknown[]) => {
    const res = await request(server.port, {
      path: '/api/getSnapshot',
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ args }),
    });
    expect(res.status).toBe(200);
    return JSON.parse(res.body.toString()).result;
  };

  it('sends the oldest waiting gates in the inbox’s order, their runs only, and the totals', async () => {
    const whole = await snapshotOf([]);
    expect(whole.gates).toHaveLength(5);
    expect(whole.firstScreen).toBeUndefined();
    const first = await snapshotOf([{ firstScreen: 2 }]);
    expect(first.firstScreen).toEqual({ waitingCount: 5, runCount: whole.runs.length });
    expect(first.gates.map((g: { question: string }) => g.question)).toEqual(['Gate 2?', 'Gate 1?']);
    expect(first.runs.map((r: { id: string }) => r.id).sort()).toEqual(first.gates.map((g: { runId: string }) => g.runId).sort());
    // Everything else is as in the full snapshot.
    expect(first.roots).toEqual(whole.roots);
    expect(first.problemCount).toEqual(whole.problemCount);
    expect(first.ready).toBe(whole.ready);
  });
});
