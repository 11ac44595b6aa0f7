import { useEffect, useState } from 'react';
import { autoLayout, renameProject } from '../../state/editor/editing.ts';
import { commandLabel } from '../../state/editor/commands.ts';
import type { ThemePreference } from '../../state/uiStore.ts';
import { useEditor, useStores, useUi } from '../stores.ts';
import { Icon } from './Icon.tsx';
import type { IconName } from './Icon.tsx';
import './toolbar.css';

export interface ToolbarProps {
  onNew(): void;
  onOpen(): void;
  onSave(): void;
}

const NEXT_THEME: Record<ThemePreference, ThemePreference> = { system: 'dark', dark: 'light', light: 'system' };
const THEME_LABEL: Record<ThemePreference, string> = { system: 'Theme: same as the system', dark: 'Theme: dark', light: 'Theme: light' };
const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

function ToolButton({ icon, label, title, onClick, disabled = false, text = false }: { icon: IconName; label: string; title?: string; onClick(): void; disabled?: boolean; text?: boolean }) {
  return (
    <button type="button" className={`btn ${text ? 'ghost' : 'ghost icon'}`} aria-label={label} title={title ?? label} onClick={onClick} disabled={disabled}>
      <Icon name={icon} />
      {text ? <span className="toolbar-text">{label}</span> : null}
    </button>
  );
}

/** Project name, undo and redo, file and model menus, share, and the theme: everything about the project as a whole. */
export function Toolbar({ onNew, onOpen, onSave }: ToolbarProps) {
  const { editor, ui } = useStores();
  const name = useEditor((s) => s.project.name);
  const undoStep = useEditor((s) => s.history.past[s.history.past.length - 1]);
  const redoStep = useEditor((s) => s.history.future[s.history.future.length - 1]);
  const theme = useUi((s) => s.theme);
  const paletteOpen = useUi((s) => s.paletteOpen);
  const sideOpen = useUi((s) => s.sideOpen);
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);

  return (
    <header className="toolbar" role="toolbar" aria-label="Project">
      <div className="toolbar-group">
        <ToolButton icon="layers" label={paletteOpen ? 'Hide layers' : 'Show layers'} onClick={() => ui.getState().setPaletteOpen(!paletteOpen)} />
        <span className="brand" aria-hidden="true">
          LayerLab
        </span>
        <label className="visually-hidden" htmlFor="project-name">
          Project name
        </label>
        <input
          id="project-name"
          className="input project-name"
          value={draft}
          maxLength={120}
          onChange={(e) => {
            setDraft(e.target.value);
            if (e.target.value.trim() !== '') renameProject(editor, e.target.value);
          }}
          onBlur={() => {
            editor.getState().seal();
            setDraft(editor.getState().project.name);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </div>
      <div className="toolbar-group">
        <ToolButton
          icon="undo"
          label="Undo"
          title={undoStep === undefined ? 'Nothing to undo' : `Undo: ${commandLabel(undoStep.command)} (${MOD}Z)`}
          onClick={() => editor.getState().undo()}
          disabled={undoStep === undefined}
        />
        <ToolButton
          icon="redo"
          label="Redo"
          title={redoStep === undefined ? 'Nothing to redo' : `Redo: ${commandLabel(redoStep.command)} (${MOD}Shift+Z)`}
          onClick={() => editor.getState().redo()}
          disabled={redoStep === undefined}
        />
        <ToolButton icon="layout" label="Tidy up" title="Lay the network out left to right" onClick={() => void autoLayout(editor)} />
      </div>
      <div className="toolbar-group toolbar-files">
        <ToolButton icon="new" label="New" title="Start a new network" onClick={onNew} text />
        <ToolButton icon="open" label="Open" title="Open a .layerlab.json project file" onClick={onOpen} text />
        <ToolButton icon="save" label="Save" title={`Download this project as a .layerlab.json file (${MOD}S)`} onClick={onSave} text />
        <ToolButton icon="presets" label="Presets" title="Ready-made networks to start from" onClick={() => ui.getState().openDialog('presets')} text />
        <ToolButton icon="import" label="Import" title="Bring in a Keras or TensorFlow.js model" onClick={() => ui.getState().openDialog('import')} text />
        <ToolButton icon="export" label="Export" title="Keras, TensorFlow.js, Python, notebook, picture" onClick={() => ui.getState().openDialog('export')} text />
        <ToolButton icon="share" label="Share" title="A link that opens this network" onClick={() => ui.getState().openDialog('share')} text />
      </div>
      <div className="toolbar-group toolbar-end">
        <ToolButton icon={theme === 'dark' ? 'moon' : theme === 'light' ? 'sun' : 'contrast'} label={THEME_LABEL[theme]} onClick={() => ui.getState().setTheme(NEXT_THEME[theme])} />
        <ToolButton icon="panel" label={sideOpen ? 'Hide side panel' : 'Show side panel'} onClick={() => ui.getState().setSideOpen(!sideOpen)} />
      </div>
    </header>
  );
}
