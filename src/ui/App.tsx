import { ReactFlowProvider } from '@xyflow/react';
import type { Viewport } from '@xyflow/react';
import { useEffect, useSyncExternalStore } from 'react';
import { Canvas } from './canvas/Canvas.tsx';
import { Palette } from './palette/Palette.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { BottomDrawer } from './BottomDrawer.tsx';
import { Toasts } from './Toasts.tsx';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { StoresContext, useUi } from './stores.ts';
import type { AppStores } from './stores.ts';
import { useShortcuts } from './useShortcuts.ts';
import type { ProjectFiles } from './useProjectFiles.ts';
import { useProjectFiles } from './useProjectFiles.ts';
import { Dialogs } from './dialogs/Dialogs.tsx';

const darkQuery = (): MediaQueryList | null => (typeof window === 'undefined' ? null : window.matchMedia('(prefers-color-scheme: dark)'));

function useSystemDark(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const q = darkQuery();
      q?.addEventListener('change', notify);
      return () => q?.removeEventListener('change', notify);
    },
    () => darkQuery()?.matches ?? false,
  );
}

/** Sets data-theme on <html> from the chosen theme (or the system's when none is chosen). */
function useThemeAttribute(): void {
  const theme = useUi((s) => s.theme);
  const systemDark = useSystemDark();
  const resolved = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
}

function Layout({ initialViewport, onViewportChange, files }: { initialViewport: Viewport | null; onViewportChange(v: Viewport): void; files: ProjectFiles }) {
  useThemeAttribute();
  const paletteOpen = useUi((s) => s.paletteOpen);
  const sideOpen = useUi((s) => s.sideOpen);
  return (
    <div className={`app${paletteOpen ? '' : ' palette-closed'}${sideOpen ? '' : ' side-closed'}`}>
      <div className="app-toolbar">
        <Toolbar onNew={files.newProject} onOpen={files.openProject} onSave={files.saveProject} />
      </div>
      <div className="app-palette">
        <Palette />
      </div>
      <main className="app-canvas" aria-label="Network canvas">
        <Canvas initialViewport={initialViewport} onViewportChange={onViewportChange} />
      </main>
      <div className="app-side">
        <SidePanel />
      </div>
      <div className="app-drawer">
        <BottomDrawer />
      </div>
      <Toasts />
      <Dialogs files={files} />
      <input {...files.fileInputProps} />
    </div>
  );
}

function WithShortcuts({ stores, initialViewport, onViewportChange }: AppProps & { stores: AppStores }) {
  const files = useProjectFiles(stores);
  useShortcuts(stores, files.saveProject);
  return <Layout initialViewport={initialViewport} onViewportChange={onViewportChange} files={files} />;
}

export interface AppProps {
  stores: AppStores;
  initialViewport: Viewport | null;
  onViewportChange(viewport: Viewport): void;
}

/** The whole screen: toolbar, palette, canvas, side panel and problems drawer, over the app's two stores. */
export function App({ stores, initialViewport, onViewportChange }: AppProps) {
  return (
    <StoresContext.Provider value={stores}>
      <ReactFlowProvider>
        <WithShortcuts stores={stores} initialViewport={initialViewport} onViewportChange={onViewportChange} />
      </ReactFlowProvider>
    </StoresContext.Provider>
  );
}
