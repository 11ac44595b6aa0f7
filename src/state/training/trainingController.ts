/**
 * Connects the project (editor store), the engine worker (client) and the training numbers (training store): Train,
 * Pause, Step, Reset, New weights and Restore; a settings change reaches the running session at its next step; the
 * weights a run reaches become part of the project (one undo step per stretch of training, autosaved and shared with
 * it); an edit of the network or its data while training pauses the run, keeps the weights that still fit, and the
 * next Train starts a session for the new network. A crashed worker leaves the project as it was, with a message.
 */
import type { ProjectWeights } from '../../core/project/types.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import { normaliseSeed } from '../../core/datasets/rng.ts';
import type { EngineClient } from '../../worker/client.ts';
import type { TrainingSnapshot, TrainingSpeed, TrainingView } from '../../worker/protocol.ts';
import type { EditorStore } from '../editor/editorStore.ts';
import { reconcileWeights } from '../editor/reconcileWeights.ts';
import type { TrainingStore } from './trainingStore.ts';

export interface TrainingControllerDeps {
  editor: EditorStore;
  training: TrainingStore;
  client: EngineClient;
  /** Runs `callback` at the next frame (requestAnimationFrame in the app), where a snapshot is drawn. */
  afterPaint(callback: () => void): void;
  /** A message for the student (a toast in the app). */
  notify(tone: 'info' | 'error', text: string): void;
}


/** While a run goes on, its weights are written into the project this often (for autosave), as one undo step. */
const COMMIT_EVERY_MS = 10_000;
const TRAINING_MERGE_KEY = 'training';

/** What a session is built from: when it changes, the session no longer matches the project. Positions do not count. */
export function sessionFingerprint(project: LayerLabProject): string {
  return JSON.stringify({
    nodes: project.graph.nodes.map((n) => [n.id, n.kind, n.params]),
    edges: project.graph.edges.map((e) => [e.source, e.target, e.inputIndex]),
    dataset: project.dataset,
    split: project.training.validationSplit,
  });
}

export interface TrainingController {
  train(): Promise<void>;
  pause(): Promise<void>;
  step(unit: 'batch' | 'epoch'): Promise<void>;
  /** The same starting weights as before (the project's seed). */
  reset(): Promise<void>;
  /** New starting weights (a new seed). */
  newWeights(): Promise<void>;
  /** After divergence: back to the last weights whose loss was finite. */
  restore(): Promise<void>;
  setSpeed(speed: TrainingSpeed): void;
  setView(view: Partial<TrainingView>): void;
  dispose(): void;
}

export function createTrainingController(deps: TrainingControllerDeps): TrainingController {
  const { editor, training, client } = deps;
  let loadedFingerprint: string | null = null;
  let loading: Promise<boolean> | null = null;
  let lastCommit = 0;
  let lastStatus: TrainingSnapshot['status'] | null = null;
  let disposed = false;
  /** The project's weights as the session knows them; any other change (undo, open) means the session must reload. */
  let knownWeights: ProjectWeights | null = null;

  function dispatchWeights(weights: ProjectWeights, label: string): void {
    knownWeights = weights;
    editor.getState().dispatch({ type: 'setWeights', weights, label }, { mergeKey: TRAINING_MERGE_KEY });
  }

  const report = (error: unknown): void => deps.notify('error', error instanceof Error ? error.message : String(error));

  async function commitWeights(label: string, fingerprint: string | null = loadedFingerprint): Promise<void> {
    if (fingerprint === null) return;
    const result = await client.request({ type: 'train.weights' });
    const project = editor.getState().project;
    if (sessionFingerprint(project) !== fingerprint) {
      // The network changed meanwhile: keep what still fits.
      const kept = reconcileWeights({ ...project, weights: result.weights }).weights;
      if (kept !== null) dispatchWeights(kept, label);
      return;
    }
    lastCommit = Date.now();
    dispatchWeights(result.weights, label);
  }

  const label = (): string => `train to epoch ${training.getState().epoch}`;

  /** The newest snapshot not drawn yet (epochs of any it replaced are carried over), and whether a frame is booked. */
  let pending: TrainingSnapshot | null = null;
  let frameBooked = false;

  function apply(snapshot: TrainingSnapshot): void {
    training.getState().applySnapshot(snapshot);
    const wasRunning = lastStatus === 'running';
    lastStatus = snapshot.status;
    if (wasRunning && snapshot.status === 'done') void commitWeights(label()).catch(report);
    if (snapshot.status === 'running' && Date.now() - lastCommit > COMMIT_EVERY_MS) {
      lastCommit = Date.now();
      void commitWeights(label()).catch(report);
    }
  }

  /**
   * Draws the pending snapshot at the next frame (so at most one per frame, whatever the worker sends) and, before
   * drawing, tells the worker to prepare the next one, so its work overlaps the page's. The costliest pictures (the
   * canvas's weight lines and neuron maps) refresh less often (trainingStore.ts, CANVAS_EVERY_MS).
   */
  function bookFrame(): void {
    if (frameBooked) return;
    frameBooked = true;
    deps.afterPaint(() => {
      frameBooked = false;
      const snapshot = pending;
      if (disposed || snapshot === null) return;
      pending = null;
      void client.request({ type: 'train.frame' }).catch(() => undefined);
      apply(snapshot);
    });
  }

  function onSnapshot(snapshot: TrainingSnapshot): void {
    if (disposed) return;
    const replaced = pending;
    pending = replaced !== null && replaced.run === snapshot.run ? { ...snapshot, newEpochs: [...replaced.newEpochs, ...snapshot.newEpochs] } : snapshot;
    bookFrame();
  }

  async function load(): Promise<boolean> {
    const project = editor.getState().project;
    if (project.dataset.kind === 'none') {
      deps.notify('error', 'Choose the data to train on first (the Data tab).');
      return false;
    }
    const fingerprint = sessionFingerprint(project);
    training.getState().setSession('loading', null);
    try {
      const session = await client.request({
        type: 'train.load',
        graph: project.graph,
        dataset: project.dataset,
        settings: project.training,
        weights: project.weights,
      });
      loadedFingerprint = fingerprint;
      knownWeights = project.weights;
      lastCommit = Date.now();
      training.getState().setSession('ready', session);
      await client.request({ type: 'train.view', view: training.getState().view });
      return true;
    } catch (error) {
      loadedFingerprint = null;
      const message = error instanceof Error ? error.message : String(error);
      training.getState().forget(message);
      deps.notify('error', message);
      return false;
    }
  }

  /** A session for the project as it is now (reusing the current one when it still matches). */
  async function ensureSession(): Promise<boolean> {
    // An old session still being wound down must be closed before a new one loads.
    if (invalidating !== null) await invalidating;
    const fingerprint = sessionFingerprint(editor.getState().project);
    if (loadedFingerprint === fingerprint && training.getState().phase === 'ready') return true;
    loading ??= load().finally(() => {
      loading = null;
    });
    return loading;
  }

  let invalidating: Promise<void> | null = null;

  /** The network or its data changed: stop the run, keep its weights where they fit, and build anew on the next Train. */
  function invalidate(): void {
    if (loadedFingerprint === null) return;
    const fingerprint = loadedFingerprint;
    loadedFingerprint = null;
    pending = null;
    training.getState().forget();
    const previous = invalidating ?? Promise.resolve();
    invalidating = previous
      .then(async () => {
        try {
          await client.request({ type: 'train.pause' });
          await commitWeights('train', fingerprint);
        } catch {
          // The session may be gone already; the project keeps its last committed weights.
        }
        await client.request({ type: 'train.close' }).catch(() => undefined);
      })
      .finally(() => {
        invalidating = null;
      });
  }

  const stopSnapshots = client.onSnapshot(onSnapshot);
  const stopCrash = client.onCrash((message) => {
    loadedFingerprint = null;
    // A snapshot that arrived just before the crash must not bring the dead run back on screen.
    pending = null;
    training.getState().forget(`${message} Your network is unchanged; press Train to start again.`);
    deps.notify('error', `${message} Your network is unchanged; press Train to start again.`);
  });

  let previous = editor.getState().project;
  const stopEditor = editor.subscribe((state) => {
    const project = state.project;
    if (project === previous) return;
    const before = previous;
    previous = project;
    if (loadedFingerprint === null) return;
    if (sessionFingerprint(project) !== loadedFingerprint || project.weights !== knownWeights) {
      // Another network or data, or weights the session did not make (undo, a file): rebuild on the next Train.
      invalidate();
      return;
    }
    if (project.training !== before.training && JSON.stringify(project.training) !== JSON.stringify(before.training)) {
      void client.request({ type: 'train.settings', settings: project.training }).catch(report);
    }
  });

  return {
    async train() {
      if (!(await ensureSession())) return;
      training.getState().clearMessage();
      await client.request({ type: 'train.run', speed: training.getState().speed }).catch(report);
    },
    async pause() {
      if (loadedFingerprint === null) return;
      await client.request({ type: 'train.pause' }).catch(report);
      await commitWeights(label()).catch(report);
    },
    async step(unit) {
      if (!(await ensureSession())) return;
      await client.request({ type: 'train.step', unit }).catch(report);
      await commitWeights(label()).catch(report);
    },
    async reset() {
      const seed = editor.getState().project.training.seed;
      knownWeights = null;
      if (editor.getState().project.weights !== null) editor.getState().dispatch({ type: 'resetWeights' });
      if (loadedFingerprint !== null) await client.request({ type: 'train.reset', seed }).catch(report);
    },
    async newWeights() {
      const seed = normaliseSeed(editor.getState().project.training.seed + 1);
      knownWeights = null;
      if (editor.getState().project.weights !== null) editor.getState().dispatch({ type: 'resetWeights' });
      editor.getState().dispatch({ type: 'setTraining', patch: { seed }, label: 'seed' });
      if (loadedFingerprint !== null) await client.request({ type: 'train.reset', seed }).catch(report);
    },
    async restore() {
      if (loadedFingerprint === null) return;
      await client.request({ type: 'train.restore' }).catch(report);
      await commitWeights('go back to the last good weights').catch(report);
    },
    setSpeed(speed) {
      training.getState().setSpeed(speed);
      if (loadedFingerprint !== null && training.getState().status === 'running') void client.request({ type: 'train.run', speed }).catch(report);
    },
    setView(view) {
      training.getState().setView(view);
      if (loadedFingerprint !== null) void client.request({ type: 'train.view', view: training.getState().view }).catch(report);
    },
    dispose() {
      disposed = true;
      stopSnapshots();
      stopCrash();
      stopEditor();
    },
  };
}
