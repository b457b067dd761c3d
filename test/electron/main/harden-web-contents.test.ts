import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { FakeSession, FakeWebContents } from './fake-electron';
import { hardenWebContents, installHardening, isExternalLink, lockDownSession, permissionAllowed } from '../../../electron/main/harden-web-contents';

vi.mock('electron', () => import('./fake-electron'));

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  const e = { url, preventDefault: vi.fn() };
  contents.emit(event, e, url);
  return e.preventDefault.mock.calls.length === 0;
}

describe('hardenWebContents', () => {
  const APP = 'greenlight-app://app/index.html#/runs/abc';

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: stays on the app origin only', (event) => {
    const wc = new FakeWebContents();
    hardenWebContents(wc as unknown as WebContents);
    expect(navigate(wc, event, APP)).toBe(true);
    for (const foreign of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'greenlight-artifact://artifact/abc',
      'greenlight-app://evil/index.html',
      'greenlight-app://user:pw@app/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      expect(navigate(wc, event, foreign), foreign).toBe(false);
    }
  });

  it('denies every new window and hands plain http(s) links to the system browser', () => {
    const openExternal = vi.fn();
    const wc = new FakeWebContents();
    hardenWebContents(wc as unknown as WebContents, { openExternal });
    expect(wc.windowOpenHandler!({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: APP })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'smb://host/share' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/docs']]);
  });

  it('refuses to attach a <webview>', () => {
    const wc = new FakeWebContents();
    hardenWebContents(wc as unknown as WebContents);
    const e = { preventDefault: vi.fn() };
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('is applied to every web contents the app creates', () => {
    const app = new EventEmitter();
    installHardening(app as unknown as App);
    const wc = new FakeWebContents();
    app.emit('web-contents-created', {}, wc);
    expect(wc.windowOpenHandler).toBeDefined();
    expect(navigate(wc, 'will-navigate', 'https://evil.example/')).toBe(false);
  });
});

describe('lockDownSession', () => {
  function locked() {
    const ses = new FakeSession();
    lockDownSession(ses as unknown as Session);
    return ses;
  }

  it('denies permission requests, whatever the origin', () => {
    const ses = locked();
    for (const permission of ['media', 'geolocation', 'notifications', 'midiSysex', 'openExternal', 'fileSystem', 'clipboard-read', 'display-capture']) {
      for (const requestingUrl of ['greenlight-app://app/index.html', 'https://evil.example/']) {
        const cb = vi.fn();
        ses.permissionRequestHandler!({}, permission, cb, { requestingUrl });
        expect(cb, `${permission} from ${requestingUrl}`).toHaveBeenCalledWith(false);
      }
    }
  });

  it('answers permission checks with false', () => {
    const ses = locked();
    for (const permission of ['media', 'geolocation', 'notifications', 'hid', 'usb', 'serial', 'clipboard-read']) {
      expect(ses.permissionCheckHandler!({}, permission, 'greenlight-app://app', {})).toBe(false);
    }
    expect(ses.deviceHandler!({})).toBe(false);
  });

  it('lets only the app page write to the clipboard (its copy buttons)', () => {
    const ses = locked();
    const cb = vi.fn();
    ses.permissionRequestHandler!({}, 'clipboard-sanitized-write', cb, { requestingUrl: 'greenlight-app://app/index.html' });
    expect(cb).toHaveBeenCalledWith(true);
    const foreign = vi.fn();
    ses.permissionRequestHandler!({}, 'clipboard-sanitized-write', foreign, { requestingUrl: 'greenlight-artifact://artifact/x' });
    expect(foreign).toHaveBeenCalledWith(false);
    expect(ses.permissionCheckHandler!({}, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
  });

  it('cancels downloads, except of artifacts (which Electron saves through the save dialog)', () => {
    const ses = locked();
    const download = (url: string) => {
      const e = { preventDefault: vi.fn() };
      ses.emit('will-download', e, { getURL: () => url }, {});
      return e.preventDefault.mock.calls.length === 0;
    };
    expect(download('https://evil.example/payload.exe')).toBe(false);
    expect(download('data:application/octet-stream;base64,AAAA')).toBe(false);
    expect(download('blob:greenlight-app://app/123')).toBe(false);
    expect(download('greenlight-artifact://elsewhere/x')).toBe(false);
    expect(download('greenlight-artifact://artifact/abc123')).toBe(true);
  });
});

describe('isExternalLink', () => {
  it('accepts only credential-free http(s) URLs', () => {
    expect(isExternalLink('https://example.com')).toBe(true);
    expect(isExternalLink('http://example.com/a?b')).toBe(true);
    expect(isExternalLink('https://user:pw@example.com')).toBe(false);
    expect(isExternalLink('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isExternalLink('ms-msdt:/id')).toBe(false);
    expect(isExternalLink('garbage')).toBe(false);
  });
});
