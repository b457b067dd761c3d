// Applies the theme to <html data-theme> and follows the system setting while the preference
// is "system". The CSS also honours prefers-color-scheme before this runs, so there is no flash.
import { useEffect } from 'react';
import { resolveTheme, type ThemePreference } from '../stores/theme';
import { setSystemDark, useUiStore } from '../stores/ui-store';

export function useTheme(): void {
  const pref = useUiStore((s) => s.themePreference);
  const systemDark = useUiStore((s) => s.systemDark);
  useEffect(() => {
    const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
    if (!mq) return;
    const onChange = () => setSystemDark(mq.matches);
    mq.addEventListener?.('change', onChange);
    return () => mq.removeEventListener?.('change', onChange);
  }, []);
  useEffect(() => applyTheme(pref, systemDark), [pref, systemDark]);
}

/** Also called before the first render (main.tsx), so a picked theme shows from the first frame. */
export function applyTheme(pref: ThemePreference, systemDark: boolean): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(pref, systemDark);
  root.style.colorScheme = root.dataset.theme;
}
