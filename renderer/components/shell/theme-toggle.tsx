import { resolveTheme, type ThemePreference } from '../../stores/theme';
import { setThemePreference, useUiStore } from '../../stores/ui-store';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'System theme', light: 'Light theme', dark: 'Dark theme' };
const ICON: Record<ThemePreference, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark; the button says what is in use now. */
export function ThemeToggle() {
  const pref = useUiStore((s) => s.themePreference);
  const systemDark = useUiStore((s) => s.systemDark);
  const current = resolveTheme(pref, systemDark);
  return (
    <button
      type="button"
      className="icon-button theme-toggle"
      aria-label={`${LABEL[pref]} (${current}); switch to ${LABEL[NEXT[pref]].toLowerCase()}`}
      title={`${LABEL[pref]} — click for ${LABEL[NEXT[pref]].toLowerCase()}`}
      onClick={() => setThemePreference(NEXT[pref])}
      data-testid="theme-toggle"
    >
      <span aria-hidden="true">{ICON[pref]}</span>
      <span className="theme-toggle-text">{pref === 'system' ? 'Auto' : pref === 'light' ? 'Light' : 'Dark'}</span>
    </button>
  );
}
