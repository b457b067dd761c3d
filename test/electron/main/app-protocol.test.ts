import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../../shared/content-security-policy';
import { createAppRequestHandler, PRIVILEGED_SCHEMES, registerAppProtocol } from '../../../electron/main/app-protocol';
import { makeTempDir } from '../../helpers/temp-dir';
import { protocol } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const tmp = makeTempDir();
const renderer = tmp.write('dist/renderer/index.html', '<!doctype html><title>Greenlight</title>').replace(/index\.html$/, '');
tmp.write('dist/renderer/assets/app.js', 'console.log(1)');
tmp.write('dist/renderer/assets/app.css', 'body{}');
tmp.write('dist/secret.txt', 'outside the renderer');
afterAll(() => tmp.cleanup());

const handler = createAppRequestHandler(renderer);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app protocol', () => {
  it('is registered as a standard, secure scheme, and the artifact scheme can stream', () => {
    const app = PRIVILEGED_SCHEMES.find((s) => s.scheme === 'greenlight-app')!;
    expect(app.privileges).toMatchObject({ standard: true, secure: true });
    expect(app.privileges?.bypassCSP).toBeFalsy();
    const artifact = PRIVILEGED_SCHEMES.find((s) => s.scheme === 'greenlight-artifact')!;
    expect(artifact.privileges).toMatchObject({ standard: true, secure: true, stream: true });
    expect(artifact.privileges?.bypassCSP).toBeFalsy();
  });

  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const res = await get('greenlight-app://app/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Greenlight</title>');
  });

  it('serves assets with their types', async () => {
    const js = await get('greenlight-app://app/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('greenlight-app://app/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await get('greenlight-app://app/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves every script the split renderer asks for (boot, entry, preloaded and lazy chunks) as JavaScript', async () => {
    // The layout the build writes (scripts/build.mjs): index.html names the boot script, the
    // entry and the preloaded chunks; lazy views are further chunks under assets/.
    const split = makeTempDir();
    try {
      const dir = split.write('renderer/index.html', '<script type="module" async src="assets/boot.js"></script><link rel="modulepreload" href="assets/chunk-AB12CD34.js" /><script type="module" src="assets/app.js"></script>').replace(/index\.html$/, '');
      for (const f of ['boot.js', 'app.js', 'chunk-AB12CD34.js', 'run-view-EF56GH78.js']) split.write(`renderer/assets/${f}`, 'export {}');
      const serve = createAppRequestHandler(dir);
      const html = await (await serve(new Request('greenlight-app://app/'))).text();
      const named = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
      expect(named).toEqual(['assets/boot.js', 'assets/chunk-AB12CD34.js', 'assets/app.js']);
      for (const f of [...named, 'assets/run-view-EF56GH78.js']) {
        const res = await serve(new Request(`greenlight-app://app/${f}`));
        expect(res.status, f).toBe(200);
        expect(res.headers.get('content-type'), f).toBe('text/javascript; charset=utf-8');
      }
    } finally {
      split.cleanup();
    }
  });

  it('puts the CSP on every answer, errors included', async () => {
    for (const url of ['greenlight-app://app/missing.js', 'greenlight-app://other/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    const post = await get('greenlight-app://app/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'greenlight-app://app/../secret.txt',
      'greenlight-app://app/%2e%2e/secret.txt',
      'greenlight-app://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'greenlight-app://app/..%5csecret.txt',
      'greenlight-app://app/%00index.html',
      'greenlight-app://app/%E0%A4%A',
    ]) {
      const res = await get(url);
      expect([400, 404], url).toContain(res.status);
      expect(await res.text()).not.toContain('outside the renderer');
    }
  });

  it('registers its handler on the protocol module', () => {
    registerAppProtocol(protocol as unknown as Protocol, renderer);
    expect(protocol.handle).toHaveBeenCalledWith('greenlight-app', expect.any(Function));
  });
});
