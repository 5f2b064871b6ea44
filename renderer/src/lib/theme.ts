/**
 * The theme setting on the page: `dark` on <html> turns on every `dark:` style (styles.css
 * makes the variant follow the class). `system` follows the OS, and keeps following it
 * when the OS switches.
 */
import { useLayoutEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Theme } from '../../../shared/ipc/contract';
import { settingsQuery } from './queries';

export function applyTheme(theme: Theme, root: HTMLElement, prefersDark: boolean): void {
  const dark = theme === 'dark' || (theme === 'system' && prefersDark);
  root.classList.toggle('dark', dark);
  // Scrollbars and form controls drawn by the browser follow too.
  root.style.colorScheme = dark ? 'dark' : 'light';
}

/** Mounted once in App: applies the saved theme, and a new one the moment it is saved. */
export function useAppliedTheme(): void {
  // Until the settings are read: the OS's mode, as `system` would show it.
  const theme = useQuery(settingsQuery).data?.theme ?? 'system';
  // Before the first paint, so a dark theme never flashes light. In Electron the OS mode
  // the page sees is the theme itself (main sets nativeTheme), so even the guess is right.
  useLayoutEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => applyTheme(theme, document.documentElement, media.matches);
    apply();
    if (theme !== 'system') return;
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
