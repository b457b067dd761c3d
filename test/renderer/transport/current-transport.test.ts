// @vitest-environment jsdom
// Browser mode takes the token from the page URL, keeps it for reloads, and takes it out of the
// address bar (once the first screen is up).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getTransport, setTransport } from '../../../renderer/transport/current-transport';

describe('getTransport in a browser', () => {
  afterEach(() => {
    setTransport(undefined);
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('uses the token from the URL, keeps it for reloads and clears it from the address bar', async () => {
    history.replaceState(null, '', '/?token=abc123&x=1#/runs/r1?stage=s');
    const t = getTransport();
    expect(t.kind).toBe('browser');
    expect(t.artifactUrl('a1')).toBe('/artifacts/a1?token=abc123');
    // Not before the first screen is up; until then a reload finds the token in the address bar.
    expect(location.search).toBe('?token=abc123&x=1');
    await vi.waitFor(() => expect(sessionStorage.getItem('greenlight-token')).toBe('abc123'));
    expect(location.search).toBe('?x=1');
    expect(location.hash).toBe('#/runs/r1?stage=s');
  });

  it('after a reload, finds the token it kept', () => {
    sessionStorage.setItem('greenlight-token', 'kept');
    history.replaceState(null, '', '/#/inbox');
    expect(getTransport().artifactUrl('a1')).toBe('/artifacts/a1?token=kept');
  });
});
