// The artifact route refuses every path outside the watched roots, over both transports that
// serve artifact bytes: `greenlight serve`'s /artifacts/<id> (raw HTTP requests, so no client
// normalises the path first) and the Electron greenlight-artifact:// handler (with the stand-in
// electron module), both against a real desk. Extends test/electron/server/http-server.test.ts
// and test/electron/main/artifact-protocol.test.ts, which check one symlink and a few ids each.
import { mkdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserHostHandlers, createDeskApi } from '../../electron/core/api/desk-api';
import { openResolved, resolveArtifactFile } from '../../electron/core/api/resolve-artifact-file';
import { Desk } from '../../electron/core/desk';
import { createArtifactRequestHandler } from '../../electron/main/artifact-protocol';
import { startServer, type RunningServer } from '../../electron/server/http-server';
import { makeTempDir } from '../helpers/temp-dir';

vi.mock('electron', () => import('../electron/main/fake-electron'));

const SECRET = 'TOP-SECRET-OUTSIDE-THE-ROOT';
const INDEX_HTML = '<!doctype html><title>Greenlight</title>';
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 7)]);

const base = makeTempDir('greenlight-artifact-route-');
const root = path.join(base.dir, 'root');
const outside = path.join(base.dir, 'outside');
const renderer = makeTempDir('greenlight-artifact-route-ui-');
let desk: Desk;
let server: RunningServer;
let protocol: (r: Request) => Promise<Response>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  renderer.write('index.html', INDEX_HTML);
  base.write('outside/secret.png', SECRET);
  base.write('outside/swapped/inner.png', SECRET);
  base.write('root/review/frame.png', png);
  base.write('root/review/swap/inner.png', png);
  base.write('root/review/vanish.png', png);
  symlinkSync(path.join(outside, 'secret.png'), path.join(root, 'review', 'escape.png'));
  base.write(
    'root/review/cut.gate.json',
    JSON.stringify({ question: 'Use this frame?', requested_at: '2026-11-20T10:00:00Z', artifacts: ['frame.png', 'escape.png', 'swap/inner.png', 'vanish.png'] }),
  );
  desk = new Desk({ mode: 'browser', watch: false });
  await desk.addRoot(root);
  server = await startServer({ desk, handlers: createDeskApi(desk, browserHostHandlers), rendererDir: renderer.dir });
  protocol = createArtifactRequestHandler((id) => resolveArtifactFile(desk, id));
  const run = desk.index.listRuns().find((r) => r.family === 'gate')!;
  for (const a of run.stages[0].artifacts) ids[a.name] = a.id;
  ids.run = run.id;
  ids.gate = run.gates[0].id;
  ids.file = run.files[0].id;
  ids.root = desk.listRoots()[0].id;
});

afterAll(async () => {
  await server?.close();
  await desk?.close();
  base.cleanup();
  renderer.cleanup();
});

/** An HTTP request exactly as written: no client library gets to normalise the path. */
function raw(requestTarget: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(server.port, '127.0.0.1');
    sock.setTimeout(5000, () => sock.destroy(new Error(`no answer to GET ${requestTarget.slice(0, 80)}`)));
    const head = { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}`, connection: 'close', ...headers };
    sock.write(`GET ${requestTarget} HTTP/1.1\r\n${Object.entries(head).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
    const chunks: Buffer[] = [];
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', reject);
    sock.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const [head2, ...rest] = text.split('\r\n\r\n');
      const body = rest.join('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head2)?.[1] ?? 0), headers: head2, body: /transfer-encoding: chunked/i.test(head2) ? unchunk(body) : body });
    });
  });
}

function unchunk(body: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const nl = body.indexOf('\r\n', at);
    const size = parseInt(body.slice(at, nl), 16);
    if (!size) return out;
    out += body.slice(nl + 2, nl + 2 + size);
    at = nl + 2 + size + 2;
  }
}

async function viaProtocol(rawId: string): Promise<{ status: number; body: string }> {
  let request: Request;
  try {
    request = new Request(`greenlight-artifact://artifact/${rawId}`);
  } catch {
    return { status: 400, body: 'the URL does not even parse' }; // Chromium would never dispatch it
  }
  const res = await protocol(request);
  return { status: res.status, body: await res.text() };
}

/** Paths (as they follow /artifacts/) that try to name something other than an indexed artifact file. */
const hostile = (): [string, string][] => [
  ['parent folder', '..'],
  ['two parents', '../..'],
  ['dot segments to /etc/passwd', '../../../../../../etc/passwd'],
  ['URL-encoded ../', '..%2F..%2F..%2Fetc%2Fpasswd'],
  ['URL-encoded dots', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
  ['double-encoded ../', '%252e%252e%252f%252e%252e%252fetc%252fpasswd'],
  ['backslashes', '..%5C..%5Cwindows%5Cwin.ini'],
  ['overlong UTF-8 dots', '%c0%ae%c0%ae%2f%c0%ae%c0%ae%2fetc%2fpasswd'],
  ['absolute path', '%2Fetc%2Fpasswd'],
  ['absolute path, double slash', '%2F%2Fetc%2Fpasswd'],
  ['Windows drive', 'C%3A%5CWindows%5Cwin.ini'],
  ['absolute path of the secret', encodeURIComponent(path.join(outside, 'secret.png'))],
  ['absolute path of a real artifact', encodeURIComponent(path.join(root, 'review', 'frame.png'))],
  ['root-relative path of a real artifact', encodeURIComponent('review/frame.png')],
  ['NUL byte alone', '%00'],
  ['NUL byte after a real id', `${ids['frame.png']}%00`],
  ['NUL byte and an extension', `${ids['frame.png']}%00.png`],
  ['a real id then ../', `${ids['frame.png']}%2F..%2F..%2Fescape.png`],
  ['a real id then raw ../', `${ids['frame.png']}/../../../etc/passwd`],
  ['right-to-left override', `%E2%80%AE${ids['frame.png']}`],
  ['invalid percent-encoding', '%E0%A4%A'],
  ['a very long id', 'a'.repeat(5000)],
  ['the checkpoint file id (not an artifact)', ids.file],
  ['a run id', ids.run],
  ['a gate id', ids.gate],
  ['a root id', ids.root],
  ['a symlink leading out of the root', ids['escape.png']],
];

describe('the artifact route, over HTTP and the Electron protocol', () => {
  it('serves an indexed artifact file (the control), sandboxed', async () => {
    const http = await raw(`/artifacts/${ids['frame.png']}`);
    expect(http.status).toBe(200);
    expect(http.headers).toMatch(/content-security-policy: [^\r]*sandbox/i);
    expect(http.headers).toMatch(/x-content-type-options: nosniff/i);
    expect(Buffer.from(http.body, 'latin1').equals(png)).toBe(true);
    const electron = await protocol(new Request(`greenlight-artifact://artifact/${ids['frame.png']}`));
    expect(electron.status).toBe(200);
    expect(Buffer.from(await electron.arrayBuffer()).equals(png)).toBe(true);
  });

  it.each(hostile().map(([what, p]) => [what, p]))('refuses %s', async (_what, p) => {
    for (const res of [await raw(`/artifacts/${p}`), await viaProtocol(p)]) {
      // Dot segments may climb back to the app's own page (it holds no data); nothing else answers 200.
      if (res.status === 200) expect(res.body).toBe(INDEX_HTML);
      else expect([400, 403, 404], p).toContain(res.status);
      expect(res.body).not.toContain(SECRET);
      expect(res.body).not.toContain('root:x:0:0');
    }
  });

  it('refuses a folder swapped for a symlink out of the root after indexing', async () => {
    const id = ids['swap/inner.png'] ?? ids['inner.png'];
    expect((await raw(`/artifacts/${id}`)).status).toBe(200);
    rmSync(path.join(root, 'review', 'swap'), { recursive: true });
    symlinkSync(path.join(outside, 'swapped'), path.join(root, 'review', 'swap'));
    for (const res of [await raw(`/artifacts/${id}`), await viaProtocol(id)]) {
      expect(res.status).toBe(403);
      expect(res.body).not.toContain(SECRET);
    }
  });

  it('checks the opened file again: a swap between the check and the open is refused', async () => {
    const id = ids['frame.png'];
    const r = await resolveArtifactFile(desk, id);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // After the check, the folder on the checked path becomes a symlink leading out.
    const real = path.join(base.dir, 'review-real');
    renameSync(path.join(root, 'review'), real);
    mkdirSync(path.join(outside, 'review'), { recursive: true });
    writeFileSync(path.join(outside, 'review', 'frame.png'), SECRET);
    symlinkSync(path.join(outside, 'review'), path.join(root, 'review'));
    try {
      const opened = await openResolved(r);
      if (process.platform === 'linux') expect(opened).toMatchObject({ ok: false, status: 403 });
      if (opened.ok) await opened.handle.close();
    } finally {
      unlinkSync(path.join(root, 'review'));
      renameSync(real, path.join(root, 'review'));
    }
  });

  it('answers 404 for a file that vanishes after the check, and keeps serving under a rename storm', async () => {
    const id = ids['vanish.png'];
    const r = await resolveArtifactFile(desk, id);
    expect(r.ok).toBe(true);
    const file = path.join(root, 'review', 'vanish.png');
    unlinkSync(file);
    if (r.ok) expect(await openResolved(r)).toMatchObject({ ok: false, status: 404 });
    writeFileSync(file, png);
    // The file blinks in and out while it is requested: every answer is whole or a 404, and the
    // server never dies of a stream error (it used to: an uncaught ENOENT from createReadStream).
    let stop = false;
    const storm = (async () => {
      while (!stop) {
        try {
          renameSync(file, `${file}.away`);
          renameSync(`${file}.away`, file);
        } catch {
          /* raced with itself */
        }
        await new Promise((res) => setImmediate(res));
      }
    })();
    const seen = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const res = await raw(`/artifacts/${id}`);
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      if (res.status === 200) expect(Buffer.from(res.body, 'latin1').equals(png)).toBe(true);
    }
    stop = true;
    await storm;
    console.log(`rename storm: ${JSON.stringify(Object.fromEntries(seen))} (status: count)`);
    expect([...seen.keys()].every((s) => s === 200 || s === 404), JSON.stringify([...seen])).toBe(true);
    expect((await raw(`/artifacts/${ids['frame.png']}`)).status).toBe(200);
  });
});
