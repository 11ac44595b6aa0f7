import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { APP_MESSAGES } from './state/appMessages.ts';
import { createEditorStore } from './state/editor/editorStore.ts';
import { FIRST_VISIT_PRESET, presetProject } from './state/presets.ts';
import { startAutosave } from './state/session/autosaveController.ts';
import { decideStartup, mayHoldShareLink } from './state/session/startup.ts';
import { openProjectOver } from './state/session/openProject.ts';
import { createUiStore } from './state/uiStore.ts';
import { createTrainingStore } from './state/training/trainingStore.ts';
import { createTrainingController } from './state/training/trainingController.ts';
import { engineClient } from './ui/engineClient.ts';
import { App } from './ui/App.tsx';
import { downloadFile } from './ui/download.ts';
import './ui/app.css';

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = localStorageOrNull();
// The share-link decoder (and zlib) is loaded only when the address carries a link.
const link = mayHoldShareLink(window.location.hash)
  ? (await import('./state/persistence/shareLink.ts')).decodeShareFragment(window.location.hash)
  : ({ ok: true, none: true } as const);
const startup = decideStartup(link, storage, () => presetProject(FIRST_VISIT_PRESET));
const editor = createEditorStore(startup.base);
editor.getState().reset(startup.base, { nodes: startup.selection, edges: [] });
const ui = createUiStore();
if (startup.shared !== null) openProjectOver({ editor, ui }, startup.shared, 'share', startup.restored);
if (!link.ok || !link.none) {
  // The link has done its job (or was refused, and said so once): a reload now restores the autosave, which holds
  // the shared project, instead of opening or refusing the link again.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
if (startup.selection.length > 0 && startup.shared === null) ui.getState().setSideTab('layer');
else ui.getState().setSideTab('train');
ui.getState().toastProblems(startup.problems);

const autosave =
  storage === null
    ? null
    : startAutosave(editor, storage, startup.viewport, (problem) => ui.getState().toastProblems([problem]), {
        saveAtStart: startup.unreadableAutosave === null,
      });
const unreadable = startup.unreadableAutosave;
if (unreadable !== null) {
  ui.getState().toast({
    tone: 'warning',
    sticky: true,
    text: APP_MESSAGES.unreadableAutosave,
    action: { label: 'Download it', run: () => downloadFile('layerlab-autosave.json', unreadable, 'application/json') },
  });
}
if (storage === null) {
  ui.getState().toast({ tone: 'warning', text: APP_MESSAGES.storageUnavailable });
}

const training = createTrainingStore();
// The engine worker (and TensorFlow.js) starts on the first request, i.e. the first Train, not here.
const trainer = createTrainingController({
  editor,
  training,
  client: engineClient(),
  afterPaint: (callback) => requestAnimationFrame(() => callback()),
  notify: (tone, text) => ui.getState().toast({ tone, text }),
});

// Cards grow to show their neurons once a session has numbers: fit the network into view again for the first one.
let fittedForTraining = false;
training.subscribe((state, previous) => {
  if (!fittedForTraining && state.canvas.sample !== null && previous.canvas.sample === null) {
    fittedForTraining = true;
    ui.getState().requestFit();
  }
});

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App stores={{ editor, ui, training, trainer }} initialViewport={startup.viewport} onViewportChange={(v) => autosave?.setViewport(v)} />
    </StrictMode>,
  );
}
