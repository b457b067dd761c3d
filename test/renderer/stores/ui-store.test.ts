// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveTheme, readThemePreference } from '../../../renderer/stores/theme';
import { dismissToast, flash, loadThemePreference, navigate, setThemePreference, showToast, syncRouteFromLocation, useUiStore } from '../../../renderer/stores/ui-store';
import { resetStores } from '../reset-stores';

describe('ui store', () => {
  beforeEach(() => {
    resetStores();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('flashes ids for about 1.5 s, restarting on a second change', () => {
    flash(['a']);
    expect(useUiStore.getState().highlights.a).toBe(1);
    vi.advanceTimersByTime(1000);
    flash(['a']);
    expect(useUiStore.getState().highlights.a).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(useUiStore.getState().highlights.a).toBe(2);
    vi.advanceTimersByTime(700);
    expect(useUiStore.getState().highlights.a).toBeUndefined();
  });

  it('keeps at most three toasts, each leaving by itself', () => {
    for (const m of ['1', '2', '3', '4']) showToast(m);
    expect(useUiStore.getState().toasts.map((t) => t.message)).toEqual(['2', '3', '4']);
    dismissToast(useUiStore.getState().toasts[0].id);
    expect(useUiStore.getState().toasts).toHaveLength(2);
    vi.advanceTimersByTime(5000);
    expect(useUiStore.getState().toasts).toEqual([]);
  });

  it('navigates through the hash and follows it back', () => {
    navigate({ name: 'run', runId: 'r1', stageId: 's2' });
    expect(window.location.hash).toBe('#/runs/r1?stage=s2');
    window.location.hash = '#/problems';
    syncRouteFromLocation();
    expect(useUiStore.getState().route).toEqual({ name: 'problems' });
  });

  it('takes the stored theme choice at start-up', () => {
    localStorage.setItem('greenlight-theme', 'dark');
    loadThemePreference();
    expect(useUiStore.getState().themePreference).toBe('dark');
    localStorage.removeItem('greenlight-theme');
    loadThemePreference();
    expect(useUiStore.getState().themePreference).toBe('system');
  });

  it('remembers an explicit theme and forgets "system"', () => {
    setThemePreference('dark');
    expect(readThemePreference()).toBe('dark');
    expect(useUiStore.getState().themePreference).toBe('dark');
    setThemePreference('system');
    expect(readThemePreference()).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
