// View state that is not data: the route, theme, list selections, the runs search and filters,
// short-lived highlights of things that just changed, toasts and the shortcuts dialog.
import { create } from 'zustand';
import type { Family, RunStatus } from '../../shared/model';
import { formatRoute, parseRoute, sameRoute, type Route } from './route';
import { readThemePreference, systemPrefersDark, writeThemePreference, type ThemePreference } from './theme';

export interface RunsFilter {
  /** One watched folder, from the sidebar. */
  rootId: string | 'all';
  family: Family | 'all';
  status: RunStatus | 'all';
  waitingOnly: boolean;
}

export interface Toast {
  id: number;
  message: string;
}

type ListRoute = Exclude<Route, { name: 'run' }>;

interface UiState {
  route: Route;
  /** The list a run was opened from, for the run view's way back (Esc, breadcrumb). */
  backTo: ListRoute;
  themePreference: ThemePreference;
  systemDark: boolean;
  /** Selected gate id in the inbox (j/k). */
  inboxSelection?: string;
  /** Selected run id in the runs list (j/k). */
  runsSelection?: string;
  runsQuery: string;
  runsFilter: RunsFilter;
  /** id (run, stage or gate) → flash counter; the parity picks the CSS animation so a re-flash restarts it. */
  highlights: Record<string, number>;
  toasts: Toast[];
  shortcutsOpen: boolean;
}

export const DEFAULT_RUNS_FILTER: RunsFilter = { rootId: 'all', family: 'all', status: 'all', waitingOnly: false };
export const FLASH_MS = 1600;
const TOAST_MS = 4000;
const MAX_TOASTS = 3;

const initialRoute = parseRoute(globalThis.location?.hash ?? '');

export const useUiStore = create<UiState>(() => ({
  route: initialRoute,
  backTo: initialRoute.name === 'run' ? { name: 'runs' } : initialRoute,
  // The stored choice is read by loadThemePreference() (main.tsx, before the first render) rather
  // than here, where it would hold up the first request: the first read of localStorage waits on
  // the browser process, which is busy while the page loads.
  themePreference: 'system',
  systemDark: systemPrefersDark(),
  runsQuery: '',
  runsFilter: DEFAULT_RUNS_FILTER,
  highlights: {},
  toasts: [],
  shortcutsOpen: false,
}));

/** Called on hashchange: the address bar is the source of truth for the route. */
export function syncRouteFromLocation(): void {
  const route = parseRoute(globalThis.location?.hash ?? '');
  if (!sameRoute(route, useUiStore.getState().route)) setRoute(route);
}

function setRoute(route: Route): void {
  useUiStore.setState(route.name === 'run' ? { route } : { route, backTo: route });
}

/** Moves to a route; `replace` swaps the history entry (stage selection should not pile up history). */
export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const hash = formatRoute(route);
  const loc = globalThis.location;
  if (loc && loc.hash !== hash) {
    if (opts.replace) history.replaceState(null, '', hash);
    else loc.hash = hash;
  }
  setRoute(route);
}

/** Takes the stored theme choice into the store (once, at start-up). */
export function loadThemePreference(): void {
  useUiStore.setState({ themePreference: readThemePreference() });
}

export function setThemePreference(pref: ThemePreference): void {
  writeThemePreference(pref);
  useUiStore.setState({ themePreference: pref });
}

export function setSystemDark(systemDark: boolean): void {
  useUiStore.setState({ systemDark });
}

export function selectInboxGate(gateId: string | undefined): void {
  useUiStore.setState({ inboxSelection: gateId });
}

export function selectRunRow(runId: string | undefined): void {
  useUiStore.setState({ runsSelection: runId });
}

export function setRunsQuery(runsQuery: string): void {
  useUiStore.setState({ runsQuery });
}

export function setRunsFilter(patch: Partial<RunsFilter>): void {
  useUiStore.setState((s) => ({ runsFilter: { ...s.runsFilter, ...patch } }));
}

export function resetRunsFilter(): void {
  useUiStore.setState({ runsFilter: DEFAULT_RUNS_FILTER, runsQuery: '' });
}

export function setShortcutsOpen(open: boolean): void {
  useUiStore.setState({ shortcutsOpen: open });
}

const flashTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** Briefly highlights rows and stages that just changed. */
export function flash(ids: readonly string[]): void {
  if (!ids.length) return;
  useUiStore.setState((s) => {
    const highlights = { ...s.highlights };
    for (const id of ids) highlights[id] = (highlights[id] ?? 0) + 1;
    return { highlights };
  });
  for (const id of ids) {
    const prev = flashTimers.get(id);
    if (prev) clearTimeout(prev);
    flashTimers.set(
      id,
      setTimeout(() => {
        flashTimers.delete(id);
        useUiStore.setState((s) => {
          const { [id]: _gone, ...rest } = s.highlights;
          void _gone;
          return { highlights: rest };
        });
      }, FLASH_MS),
    );
  }
}

let nextToastId = 1;

/**
 * While Greenlight itself is writing (a decision, an edit, a branch), the files it changes come
 * back as change events; the outcome's own toast already says so, so those echoes stay quiet.
 */
let ownWritesUntil = 0;
const OWN_WRITE_QUIET_MS = 4000;

export function markOwnWrites(): void {
  ownWritesUntil = Date.now() + OWN_WRITE_QUIET_MS;
}

export function inOwnWriteWindow(): boolean {
  return Date.now() < ownWritesUntil;
}

export function showToast(message: string): void {
  // The same news twice (a write and the watcher's echo of it) is shown once.
  if (useUiStore.getState().toasts.some((t) => t.message === message)) return;
  const toast = { id: nextToastId++, message };
  useUiStore.setState((s) => ({ toasts: [...s.toasts, toast].slice(-MAX_TOASTS) }));
  setTimeout(() => dismissToast(toast.id), TOAST_MS);
}

export function dismissToast(id: number): void {
  useUiStore.setState((s) => (s.toasts.some((t) => t.id === id) ? { toasts: s.toasts.filter((t) => t.id !== id) } : s));
}

/** The CSS class for an id's highlight, or '' when it is not flashing. */
export function useFlashClass(id: string | undefined): string {
  const n = useUiStore((s) => (id ? s.highlights[id] : undefined));
  return n ? (n % 2 ? 'flash-a' : 'flash-b') : '';
}
