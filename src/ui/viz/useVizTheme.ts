/**
 * The theme the pictures draw in. Canvases need real colours, not CSS variables, so a component takes `theme` when
 * its parent knows it, and otherwise follows <html data-theme>, which App sets from the toolbar's choice.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { VizTheme } from './colorScale.ts';

function documentTheme(): VizTheme {
  return typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return () => {};
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export function useVizTheme(theme?: VizTheme): VizTheme {
  const fromDocument = useSyncExternalStore(
    subscribe,
    documentTheme,
    useCallback(() => 'light' as const, []),
  );
  return theme ?? fromDocument;
}
