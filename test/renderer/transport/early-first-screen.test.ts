// @vitest-environment jsdom
// The boot script asks for the inbox's first screen before the app has started; the desk store
// takes that answer instead of asking again, and the boot script never asks twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Snapshot } from '../../../shared/api-contract';
import { connect, useDeskStore } from '../../../renderer/stores/desk-store';
import { FIRST_SCREEN_GATES, requestFirstScreenEarly, takeEarlyFirstScreen } from '../../../renderer/transport/early-first-screen';
import { setTransport } from '../../../renderer/transport/current-transport';
import { gate, snapshot, summary } from '../fixtures';
import { resetStores } from '../reset-stores';

const SLOT = '__greenlightFirstScreen';
const win = globalThis as { [SLOT]?: unknown; greenlight?: unknown; fetch: typeof fetch };

describe('the first screen asked for early', () => {
  const realFetch = win.fetch;
  beforeEach(() => {
    delete win[SLOT];
    delete win.greenlight;
    history.replaceState(null, '', '/?token=t0k#/inbox');
  });
  afterEach(() => {
    win.fetch = realFetch;
    delete win[SLOT];
    delete win.greenlight;
    setTransport(undefined);
    history.replaceState(null, '', '/');
  });

  it('asks over HTTP with the page’s token, once, and hands the answer over once', async () => {
    const first = snapshot({ runs: [summary({ id: 'a' })], gates: [gate({ id: 'g', runId: 'a' })], firstScreen: { waitingCount: 9, runCount: 20 } });
    const calls: Array<{ url: string; init: RequestInit }> = [];
    win.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init! });
      return new Response(JSON.stringify({ result: first }), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    requestFirstScreenEarly();
    requestFirstScreenEarly();
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/getSnapshot');
    expect((calls[0].init.headers as Record<string, string>).authorization).toBe('Bearer t0k');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ args: [{ firstScreen: FIRST_SCREEN_GATES }] });
    await expect(takeEarlyFirstScreen()).resolves.toEqual(first);
    expect(takeEarlyFirstScreen()).toBeUndefined();
    // Taken: a boot script that runs only now asks nothing.
    requestFirstScreenEarly();
    expect(calls).toHaveLength(1);
  });

  it('asks through the Electron bridge when there is one', async () => {
    const getSnapshot = vi.fn(async () => snapshot());
    win.greenlight = { getSnapshot };
    requestFirstScreenEarly();
    expect(getSnapshot).toHaveBeenCalledWith({ firstScreen: FIRST_SCREEN_GATES });
    await expect(takeEarlyFirstScreen()).resolves.toEqual(snapshot());
  });

  it('asks nothing when the page opens elsewhere than the inbox', () => {
    history.replaceState(null, '', '/?token=t0k#/runs');
    win.fetch = vi.fn() as typeof fetch;
    requestFirstScreenEarly();
    expect(win.fetch).not.toHaveBeenCalled();
    expect(takeEarlyFirstScreen()).toBeUndefined();
  });

  it('the desk store takes the early answer instead of asking again', async () => {
    const t = resetStores();
    const first: Snapshot = snapshot({ runs: [summary({ id: 'a' })], gates: [gate({ id: 'g1', runId: 'a' })] });
    win.greenlight = { getSnapshot: async () => first };
    requestFirstScreenEarly();
    t.withSnapshot(snapshot());
    connect();
    await vi.waitFor(() => expect(useDeskStore.getState().loaded).toBe(true));
    expect(useDeskStore.getState().gates.map((g) => g.id)).toEqual(['g1']);
    // A small desk comes whole: nothing more to ask for.
    expect(t.count('getSnapshot')).toBe(0);
  });
});
