// @vitest-environment jsdom
// The app is first drawn with the desk's first data, or after a moment when that is slow.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_RENDER_WAIT_MS, whenFirstDataOrSoon } from '../../renderer/first-render';
import { applySnapshot, useDeskStore } from '../../renderer/stores/desk-store';
import { snapshot } from './fixtures';
import { resetStores } from './reset-stores';

describe('whenFirstDataOrSoon', () => {
  beforeEach(() => {
    resetStores();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const settledAfter = async (ms: number, p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(ms);
    return done;
  };

  it('resolves as soon as the first data is in', async () => {
    const p = whenFirstDataOrSoon();
    expect(await settledAfter(10, p)).toBe(false);
    applySnapshot(snapshot());
    expect(await settledAfter(0, p)).toBe(true);
  });

  it('resolves when loading failed, so the error can be shown', async () => {
    const p = whenFirstDataOrSoon();
    useDeskStore.setState({ error: 'HTTP 500' });
    expect(await settledAfter(0, p)).toBe(true);
  });

  it('does not wait longer than a moment for a slow desk', async () => {
    const p = whenFirstDataOrSoon();
    expect(await settledAfter(FIRST_RENDER_WAIT_MS - 1, p)).toBe(false);
    expect(await settledAfter(1, p)).toBe(true);
  });

  it('resolves at once when the data is already there', async () => {
    applySnapshot(snapshot());
    expect(await settledAfter(0, whenFirstDataOrSoon())).toBe(true);
  });
});
