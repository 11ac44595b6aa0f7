/**
 * Screen state that is not part of the project: theme, which panels are open, the side panel's tab, and short
 * messages (toasts) for the student. Kept apart from the editor store so a panel toggle never touches history.
 */
import { createStore } from 'zustand/vanilla';
import type { Problem } from '../core/problems/index.ts';

export type ThemePreference = 'system' | 'light' | 'dark';
export type SideTab = 'layer' | 'data' | 'train';
/** The bottom drawer's tabs. */
export type DrawerTab = 'curves' | 'confusion' | 'problems';
export type Dialog = null | 'presets' | 'import' | 'export' | 'share';

export interface Toast {
  id: number;
  tone: 'info' | 'error' | 'warning' | 'success';
  text: string;
  /** The layer a problem is about, shown beside the text as in the problems list. */
  nodeId?: string;
  /** A button in the toast, e.g. "Undo". */
  action?: { label: string; run: () => void };
  /** Stays until closed (for a message the student must not miss). */
  sticky?: boolean;
}

export interface UiState {
  theme: ThemePreference;
  sideTab: SideTab;
  paletteOpen: boolean;
  sideOpen: boolean;
  drawerOpen: boolean;
  drawerTab: DrawerTab;
  dialog: Dialog;
  toasts: readonly Toast[];
  /** Goes up when the canvas should fit the whole network into view (after opening a project). */
  fitRequest: number;
  requestFit(): void;
  setTheme(theme: ThemePreference): void;
  setSideTab(tab: SideTab): void;
  setPaletteOpen(open: boolean): void;
  setSideOpen(open: boolean): void;
  setDrawerOpen(open: boolean): void;
  setDrawerTab(tab: DrawerTab): void;
  openDialog(dialog: Dialog): void;
  toast(toast: Omit<Toast, 'id'>): number;
  /** Shows each problem as an error or warning toast. */
  toastProblems(problems: readonly Problem[]): void;
  dismiss(id: number): void;
}

export const THEME_STORAGE_KEY = 'layerlab.theme';

function readThemePreference(): ThemePreference {
  try {
    const value = globalThis.localStorage?.getItem(THEME_STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

let nextToastId = 1;

/** On a tablet or a narrow window the palette is a drawer, closed until asked for. */
function wideScreen(): boolean {
  return typeof globalThis.matchMedia !== 'function' || !globalThis.matchMedia('(max-width: 1023px)').matches;
}

export function createUiStore() {
  return createStore<UiState>()((set, get) => ({
    theme: readThemePreference(),
    sideTab: 'layer',
    paletteOpen: wideScreen(),
    sideOpen: true,
    drawerOpen: true,
    drawerTab: 'problems',
    dialog: null,
    toasts: [],
    fitRequest: 0,
    requestFit: () => set({ fitRequest: get().fitRequest + 1 }),
    setTheme(theme) {
      try {
        if (theme === 'system') globalThis.localStorage?.removeItem(THEME_STORAGE_KEY);
        else globalThis.localStorage?.setItem(THEME_STORAGE_KEY, theme);
      } catch {
        // Storage may be unavailable (private mode); the theme still changes for this visit.
      }
      set({ theme });
    },
    setSideTab: (sideTab) => set({ sideTab, sideOpen: true }),
    setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
    setSideOpen: (sideOpen) => set({ sideOpen }),
    setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
    setDrawerTab: (drawerTab) => set({ drawerTab }),
    openDialog: (dialog) => set({ dialog }),
    toast(toast) {
      const id = nextToastId;
      nextToastId += 1;
      // At most four at a time: the oldest passing message makes room; one that must stay (sticky) is kept.
      const toasts = [...get().toasts, { ...toast, id }];
      while (toasts.length > 4) {
        const oldest = toasts.findIndex((t) => t.sticky !== true);
        if (oldest === -1) break;
        toasts.splice(oldest, 1);
      }
      set({ toasts });
      return id;
    },
    toastProblems(problems) {
      for (const p of problems) {
        get().toast({
          tone: p.severity === 'error' ? 'error' : 'warning',
          text: `${p.message}${p.fix === undefined ? '' : ` Fix: ${p.fix}`}`,
          ...(p.nodeId === null ? {} : { nodeId: p.nodeId }),
        });
      }
    },
    dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
  }));
}
