import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../../electron/core/desk';
import { resolveArtifactFile } from '../../../electron/core/api/resolve-artifact-file';
import { ARTIFACT_CSP, createArtifactRequestHandler } from '../../../electron/main/artifact-protocol';
import { makeTempDir } from '../../helpers/temp-dir';

vi.mock('electron', () => import('./fake-electron'));

// A desk with one watched root and a few artifacts; the real resolveArtifactFile does the
// realpath check, so a symlink leading out of the root is refused exactly as in the app.
const tmp = makeTempDir();
const root = path.join(tmp.dir, 'root');
const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
tmp.write('root/run/clip.mp4', bytes);
tmp.write('root/run/empty.png', Buffer.alloc(0));
tmp.write('root/run/note.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
tmp.write('outside/secret.mp4', 'secret bytes');
symlinkSync(path.join(tmp.dir, 'outside', 'secret.mp4'), path.join(root, 'run', 'escape.mp4'));
afterAll(() => tmp.cleanup());

const files: Record<string, string> = {
  clip: 'run/clip.mp4',
  empty: 'run/empty.png',
  note: 'run/note.svg',
  escape: 'run/escape.mp4',
  gone: 'run/gone.mp4',
};
const desk = {
  index: {
    roots: new Map([['r1', { id: 'r1', name: 'root', path: root }]]),
    getArtifact: (id: string) =>
      id === 'inline'
        ? { runId: 'run', artifact: { id, name: id, kind: 'json', role: 'other', source: 'inline', fileId: 'f-inline', pointer: '/a' } }
        : files[id]
          ? { runId: 'run', artifact: { id, name: id, kind: 'video', role: 'other', source: 'file', fileId: `f-${id}`, rel: files[id] } }
          : undefined,
    resolveFile: (fileId: string) => {
      const rel = files[fileId.slice(2)];
      return rel ? { rootId: 'r1', abs: path.join(root, ...rel.split('/')), rel } : undefined;
    },
  },
} as unknown as Desk;

const handler = createArtifactRequestHandler((id) => resolveArtifactFile(desk, id));
const get = (id: string, headers: Record<string, string> = {}, method = 'GET') => handler(new Request(`greenlight-artifact://artifact/${id}`, { headers, method }));

describe('the artifact protocol', () => {
  it('serves a whole file with its type, length and the sandboxing CSP', async () => {
    const res = await get('clip');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('content-length')).toBe('100');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(ARTIFACT_CSP).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
  });

  it('answers a byte range with 206 and content-range', async () => {
    const res = await get('clip', { range: 'bytes=10-19' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 10-19/100');
    expect(res.headers.get('content-length')).toBe('10');
    expect([...Buffer.from(await res.arrayBuffer())]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it('answers open-ended and suffix ranges', async () => {
    const open = await get('clip', { range: 'bytes=95-' });
    expect(open.headers.get('content-range')).toBe('bytes 95-99/100');
    expect([...Buffer.from(await open.arrayBuffer())]).toEqual([95, 96, 97, 98, 99]);
    const suffix = await get('clip', { range: 'bytes=-3' });
    expect(suffix.status).toBe(206);
    expect([...Buffer.from(await suffix.arrayBuffer())]).toEqual([97, 98, 99]);
    const clipped = await get('clip', { range: 'bytes=98-5000' });
    expect(clipped.headers.get('content-range')).toBe('bytes 98-99/100');
  });

  it('answers an unsatisfiable range with 416', async () => {
    for (const range of ['bytes=100-', 'bytes=500-600', 'bytes=-0', 'bytes=20-10']) {
      const res = await get('clip', { range });
      expect(res.status, range).toBe(416);
      expect(res.headers.get('content-range')).toBe('bytes */100');
    }
  });

  it('ignores a malformed Range header and sends the whole file', async () => {
    const res = await get('clip', { range: 'lines=1-2' });
    expect(res.status).toBe(200);
  });

  it('answers HEAD without a body, and an empty file with 200', async () => {
    const head = await get('clip', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('100');
    expect(await head.text()).toBe('');
    const empty = await get('empty');
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-type')).toBe('image/png');
    expect(await empty.text()).toBe('');
  });

  it('serves an SVG with the sandbox CSP so its script cannot run', async () => {
    const res = await get('note');
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('refuses a symlink that leads outside the watched folder (403)', async () => {
    const res = await get('escape');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret bytes');
  });

  it('answers 404 for unknown, inline and vanished artifacts, 400 for malformed ids', async () => {
    expect((await get('nope')).status).toBe(404);
    expect((await get('inline')).status).toBe(404);
    expect((await get('gone')).status).toBe(404);
    expect((await get('..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
    expect((await get('%E0%A4%A')).status).toBe(400);
    expect((await handler(new Request('greenlight-artifact://elsewhere/clip'))).status).toBe(404);
    expect((await get('clip', {}, 'POST')).status).toBe(405);
    const err = await get('nope');
    expect(err.headers.get('content-security-policy')).toBe(ARTIFACT_CSP);
  });
});
