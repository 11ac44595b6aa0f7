// The LayerLab page object for the browser tests: the canvas editor in the words of its user stories (drag a layer
// from the palette, wire two layers, read the shape pills, fix a problem, undo, share, import, export).
//
//   import { expect } from 'vitest';
//   import { test } from './support/browser.ts';
//   import { eventually, LayerLabPage } from './support/layerlabPage.ts';
//
//   test('…', async ({ page }) => {
//     const app = await LayerLabPage.open(page);          // first visit: the XOR preset
//     await app.newProject();                              // toolbar "New": one Input, input_layer
//     const dense = await app.dragFromPalette('Dense', { x: 200, y: 120 });
//     await app.connect('input_layer', dense);
//     await eventually(() => app.edgeShape('input_layer', dense)).toBe('(None, 2)');
//   });
//
// Locators are roles and accessible names (what a student and a screen reader see) or data-testid where the app
// gives one. Nothing here sleeps: every wait is for a condition (a locator state, expect.poll via eventually()).
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { AppPage } from './browser.ts';

export interface Point {
  x: number;
  y: number;
}

/**
 * Where on the canvas: `{ x, y }` are pixels from the top-left corner of the canvas box; `{ flow: { x, y } }` is a
 * point in the network's own coordinates (a node's `position`), wherever the view is panned or zoomed.
 */
export type CanvasPoint = Point | { flow: Point };

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** A graph as the project file and the autosave hold it (only the fields the tests read). */
export interface SavedGraph {
  nodes: { id: string; kind: string; params: Record<string, unknown>; position: Point }[];
  edges: { id: string; source: string; target: string; inputIndex: number }[];
}

export interface SavedProject {
  name: string;
  graph: SavedGraph;
  dataset: { kind: string; name?: string };
  training: { epochs: number; validationSplit: number; learningRate: number };
  weights: unknown;
}

/** What autosave keeps in localStorage, with the project text parsed. */
export interface SavedSession {
  project: SavedProject;
  viewport: Viewport;
  selection: string[];
  savedAt: string;
}

/** How long a condition may take to come true: room for a busy CI machine (Vitest's expect.poll default is 1 s). */
export const POLL_TIMEOUT_MS = 5_000;

/** expect.poll with {@link POLL_TIMEOUT_MS}: `await eventually(() => app.nodeIds()).toEqual([…])`. */
export function eventually<T>(fn: () => T | Promise<T>, timeout = POLL_TIMEOUT_MS): ReturnType<typeof expect.poll<T>> {
  return expect.poll(fn, { timeout });
}

/** The localStorage key of the autosave (src/state/persistence/autosave.ts SESSION_STORAGE_KEY). */
export const SESSION_STORAGE_KEY = 'layerlab.session.v1';

/** The toolbar's buttons, by their accessible names. */
export type ToolbarButton = 'Undo' | 'Redo' | 'Tidy up' | 'New' | 'Open' | 'Save' | 'Presets' | 'Import' | 'Export' | 'Share';

/** A project file under examples/ (the presets), read from the repository. */
export function exampleProject(file: string): SavedProject {
  return JSON.parse(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), 'utf8')) as SavedProject;
}

/** The presets as examples/index.json lists them. */
export function presetIndex(): { file: string; title: string; description: string }[] {
  return JSON.parse(readFileSync(new URL('../../../examples/index.json', import.meta.url), 'utf8')) as { file: string; title: string; description: string }[];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The centre of an element on screen; it is scrolled into view first. */
async function centreOf(locator: Locator): Promise<Point> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`${String(locator)} has no box on screen (is it visible?)`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A wire being dragged with the mouse button still down, over its target handle. */
export interface WireInProgress {
  /** Lets go of the mouse button over the target handle. */
  drop(): Promise<void>;
}

export class LayerLabPage extends AppPage {
  // ---- opening -------------------------------------------------------------------------------------------------

  /** Opens the app at `path` (default `/`) and waits until the canvas shows its network and the view is still. */
  static async open(page: Page, path = '/'): Promise<LayerLabPage> {
    const app = new LayerLabPage(page);
    await app.goto(path);
    await app.waitUntilReady();
    return app;
  }

  /** The canvas shows at least one layer and the view has stopped moving (fitView after opening a project). */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('.react-flow__node').first().waitFor({ state: 'visible' });
    await this.waitForStillView();
  }

  /** Reloads the page (as a student pressing F5) and waits until the canvas is ready again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('#root > *').first().waitFor({ state: 'attached' });
    await this.waitUntilReady();
  }

  /**
   * Waits until the canvas view (pan and zoom) has stayed the same for 12 animation frames: the app fits the view
   * 60 ms after opening a project, with a 250 ms animation, and adding a layer off-screen pans to it.
   */
  async waitForStillView(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let last = '';
          let still = 0;
          const tick = (): void => {
            const now = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
            still = now === last ? still + 1 : 0;
            last = now;
            if (still >= 12) resolve();
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
  }

  // ---- canvas --------------------------------------------------------------------------------------------------

  get canvas(): Locator {
    return this.page.getByTestId('canvas');
  }

  /** The empty background of the canvas (clicking it clears the selection; dragging it pans). */
  get pane(): Locator {
    return this.page.locator('[data-testid="canvas"] .react-flow__pane');
  }

  /** A layer card on the canvas, by its id (its Keras layer name). */
  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  /** React Flow's wrapper of a layer card: it is what is focused, selected (class `selected`) and positioned. */
  flowNode(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** The card's title, e.g. "Dense 8 · relu". */
  nodeTitle(id: string): Locator {
    return this.node(id).locator('.layer-node-title');
  }

  /** The output shape in the card's footer, e.g. "(None, 8)". */
  nodeShape(id: string): Locator {
    return this.page.getByTestId(`shape-${id}`);
  }

  /** The parameter count in the card's footer, e.g. "24 params". */
  nodeParams(id: string): Locator {
    return this.node(id).locator('.layer-node-params');
  }

  /** The card's footer as one line: "(None, 8) 24 params". */
  async nodeFooter(id: string): Promise<string> {
    const [shape, params] = await Promise.all([this.nodeShape(id).textContent(), this.nodeParams(id).textContent()]);
    return `${shape ?? ''} ${params ?? ''}`.trim();
  }

  /** The shape pill in the middle of the wire from `source` to `target`. */
  edgeLabel(source: string, target: string): Locator {
    return this.page.getByTestId(`edge-label-${source}-${target}`);
  }

  /**
   * The shape the pill on the wire from `source` to `target` shows, e.g. "(None, 8)": its shown text only (an SVG
   * pill also holds a <title> tooltip, "x → hidden: (None, 2)", which textContent would add).
   */
  async edgeShape(source: string, target: string): Promise<string> {
    return this.edgeLabel(source, target).evaluate((el) => ((el.querySelector('text') ?? el).textContent ?? '').trim());
  }

  /** The ids of the layers on the canvas, in the project's order. */
  async nodeIds(): Promise<string[]> {
    return this.page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  }

  /**
   * Every wire on the canvas as "source->target" ("source->target#2" into input 2 of a merge layer), read from the
   * wires' accessible names ("Connection from x to hidden", "Connection from b to cat input 2").
   */
  async edgeKeys(): Promise<string[]> {
    const labels = await this.page.locator('.react-flow__edge').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    return labels.map((label) => {
      const match = /^Connection from (\S+) to (\S+?)(?: input (\d+))?$/.exec(label);
      return match === null ? `? ${label}` : `${match[1]}->${match[2]}${match[3] === undefined ? '' : `#${match[3]}`}`;
    });
  }

  /** How many wires the canvas shows. */
  async edgeCount(): Promise<number> {
    return this.page.locator('.react-flow__edge').count();
  }

  /** A node's position in the network's coordinates (what the project file stores), read from the canvas. */
  async nodePosition(id: string): Promise<Point> {
    const transform = await this.flowNode(id).evaluate((el) => (el as HTMLElement).style.transform);
    const match = /translate\(\s*(-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
    if (match === null) throw new Error(`node ${id} has no translate() transform: "${transform}"`);
    return { x: Number(match[1]), y: Number(match[2]) };
  }

  /** The raw CSS transform of `.react-flow__viewport` (pan and zoom), e.g. "translate(27px, 268px) scale(0.87)". */
  async viewportTransform(): Promise<string> {
    return this.page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  }

  /** The view's pan and zoom, parsed from the viewport transform. */
  async viewport(): Promise<Viewport> {
    const transform = await this.viewportTransform();
    const match = /translate\(\s*(-?[\d.e-]+)px,\s*(-?[\d.e-]+)px\)\s*scale\(\s*([\d.e-]+)\s*\)/.exec(transform);
    if (match === null) throw new Error(`unexpected viewport transform "${transform}"`);
    return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
  }

  /** A canvas point in screen (page) pixels. */
  async toScreen(point: CanvasPoint): Promise<Point> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the canvas is not on screen');
    if ('flow' in point) {
      const view = await this.viewport();
      return { x: box.x + view.x + point.flow.x * view.zoom, y: box.y + view.y + point.flow.y * view.zoom };
    }
    return { x: box.x + point.x, y: box.y + point.y };
  }

  /** The canvas box's size in pixels. */
  async canvasSize(): Promise<{ width: number; height: number }> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the canvas is not on screen');
    return { width: box.width, height: box.height };
  }

  /** A layer's output handle (React Flow handle id "out"). */
  outputHandle(id: string): Locator {
    return this.page.locator(`[data-testid="node-${id}"] .react-flow__handle.source[data-handleid="out"]`);
  }

  /** A layer's input handle number `slot` (handle id `in-<slot>`; slot 0 is "input 1"). */
  inputHandle(id: string, slot = 0): Locator {
    return this.page.locator(`[data-testid="node-${id}"] .react-flow__handle.target[data-handleid="in-${slot}"]`);
  }

  /** Why a wire being dragged is refused (empty while nothing is refused). */
  get connectionHint(): Locator {
    return this.page.getByTestId('connection-hint');
  }

  /** Clicks a layer's title (selects it, and only it). */
  async selectNode(id: string): Promise<void> {
    await this.nodeTitle(id).click();
    await eventually(() => this.isSelected(id)).toBe(true);
  }

  async isSelected(id: string): Promise<boolean> {
    return this.flowNode(id).evaluate((el) => el.classList.contains('selected'));
  }

  /** The ids of the selected layers. */
  async selectedNodeIds(): Promise<string[]> {
    return this.page.locator('.react-flow__node.selected').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  }

  /** Clicks an empty spot of the canvas (clears the selection, and takes focus out of any field). */
  async clickEmptyCanvas(at: Point = { x: 40, y: 40 }): Promise<void> {
    await this.pane.click({ position: at });
  }

  /** Drags a layer card by its title with the mouse, by `by` screen pixels: one drag. */
  async dragNode(id: string, by: Point): Promise<void> {
    const from = await centreOf(this.nodeTitle(id));
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + by.x / 2, from.y + by.y / 2, { steps: 4 });
    await mouse.move(from.x + by.x, from.y + by.y, { steps: 4 });
    await mouse.up();
  }

  /**
   * Drags the wire from `source`'s output handle to input `slot` of `target` and holds it there, mouse button down
   * (the connection hint shows while it hovers). `drop()` lets go.
   */
  async startWire(source: string, target: string, slot = 0): Promise<WireInProgress> {
    const from = await centreOf(this.outputHandle(source));
    const to = await centreOf(this.inputHandle(target, slot));
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2 + 30, { steps: 4 });
    await mouse.move(to.x, to.y, { steps: 4 });
    return { drop: () => mouse.up() };
  }

  /** Wires `source`'s output to input `slot` of `target` by dragging with the mouse (mouse down, move, up). */
  async connect(source: string, target: string, slot = 0): Promise<void> {
    const wire = await this.startWire(source, target, slot);
    await wire.drop();
  }

  // ---- palette -------------------------------------------------------------------------------------------------

  /** The palette (a drawer on a tablet, opened with "Show layers"). */
  get paletteNav(): Locator {
    return this.page.getByRole('navigation', { name: 'Layers' });
  }

  /** The palette's button for a layer kind ("Dense", "Activation", …). */
  palette(kind: string): Locator {
    return this.paletteNav.getByRole('button', { name: kind, exact: true });
  }

  /**
   * Drags a layer kind from the palette onto the canvas with the mouse (pointer events, as the palette expects) and
   * drops it at `to`; resolves with the new layer's id once its card is on the canvas.
   */
  async dragFromPalette(kind: string, to: CanvasPoint): Promise<string> {
    const before = new Set(await this.nodeIds());
    const from = await centreOf(this.palette(kind));
    const target = await this.toScreen(to);
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move(from.x + 20, from.y, { steps: 2 }); // past the 6 px drag threshold
    await mouse.move(target.x, target.y, { steps: 6 });
    await mouse.up();
    return this.waitForNewNode(before);
  }

  /**
   * Drags with one finger from `from` to `to` (screen pixels) through the browser's input pipeline (CDP
   * Input.dispatchTouchEvent), so the page gets real touch and pointer events (pointerType "touch", with its
   * touch-action rules); page.touchscreen can only tap. Needs a context with hasTouch. The first moves are
   * horizontal, as a finger pulling a card sideways out of a list would be.
   */
  async touchDrag(from: Point, to: Point, steps = 12): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      const point = (p: Point) => [{ x: Math.round(p.x), y: Math.round(p.y), id: 1, radiusX: 4, radiusY: 4, force: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
      const bend = { x: from.x + Math.sign(to.x - from.x) * 30, y: from.y };
      for (let i = 1; i <= 3; i += 1) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point({ x: from.x + ((bend.x - from.x) * i) / 3, y: from.y }) });
      }
      for (let i = 1; i <= steps; i += 1) {
        const p = { x: bend.x + ((to.x - bend.x) * i) / steps, y: bend.y + ((to.y - bend.y) * i) / steps };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    } finally {
      await cdp.detach();
    }
  }

  /** Drags a layer kind from the palette onto the canvas with a finger; resolves with the new layer's id. */
  async touchDragFromPalette(kind: string, to: CanvasPoint): Promise<string> {
    const before = new Set(await this.nodeIds());
    await this.touchDrag(await centreOf(this.palette(kind)), await this.toScreen(to));
    return this.waitForNewNode(before);
  }

  /** Clicks a layer kind in the palette (adds it in view, after the selected layer when it fits); resolves with its id. */
  async addFromPalette(kind: string): Promise<string> {
    const before = new Set(await this.nodeIds());
    await this.palette(kind).click();
    return this.waitForNewNode(before);
  }

  /** Waits for a layer that is not in `before` and returns its id. */
  async waitForNewNode(before: ReadonlySet<string>): Promise<string> {
    let added: string[] = [];
    await eventually(async () => {
      added = (await this.nodeIds()).filter((id) => !before.has(id));
      return added.length;
    }).toBe(1);
    const id = added[0] ?? '';
    await this.node(id).waitFor({ state: 'visible' });
    return id;
  }

  // ---- toolbar, undo and redo ----------------------------------------------------------------------------------

  get toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Project' });
  }

  toolbarButton(name: ToolbarButton): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** The theme button (its name says the current choice: "Theme: dark", …). */
  get themeButton(): Locator {
    return this.toolbar.getByRole('button', { name: /^Theme: / });
  }

  get projectName(): Locator {
    return this.page.getByRole('textbox', { name: 'Project name' });
  }

  /** Types a new project name into the toolbar and presses Enter. */
  async renameProject(name: string): Promise<void> {
    await this.projectName.fill(name);
    await this.projectName.press('Enter');
  }

  /** Toolbar "New": a blank project with one Input, `input_layer`. */
  async newProject(): Promise<void> {
    await this.toolbarButton('New').click();
    await eventually(() => this.nodeIds()).toEqual(['input_layer']);
    await this.waitForStillView();
  }

  /** Toolbar Undo / Redo buttons. */
  async undo(): Promise<void> {
    await this.toolbarButton('Undo').click();
  }

  async redo(): Promise<void> {
    await this.toolbarButton('Redo').click();
  }

  /** Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y, pressed with the focus outside any text field. */
  async undoKey(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async redoKey(variant: 'shift-z' | 'y' = 'shift-z'): Promise<void> {
    await this.page.keyboard.press(variant === 'y' ? 'Control+y' : 'Control+Shift+z');
  }

  // ---- problems ------------------------------------------------------------------------------------------------

  /** The problems list under the canvas (present only while there are problems). */
  get problemsList(): Locator {
    return this.page.getByRole('list', { name: 'Problems', exact: true });
  }

  /** "No problems: every layer fits together." */
  get noProblems(): Locator {
    return this.page.getByTestId('problems-empty');
  }

  /** The number beside "Problems" in the drawer's header. */
  get problemCount(): Locator {
    return this.page.getByTestId('problem-count');
  }

  /** A problems-list entry about a layer: the button "Error in <id>: <message>" (or "Warning in …"). */
  problemEntry(nodeId: string, severity: 'Error' | 'Warning' = 'Error'): Locator {
    return this.problemsList.getByRole('button', { name: new RegExp(`^${severity} in ${escapeRegExp(nodeId)}: `) });
  }

  // ---- side panel and inspector --------------------------------------------------------------------------------

  sideTab(name: 'Layer' | 'Data' | 'Train'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  get inspector(): Locator {
    return this.page.getByTestId('inspector');
  }

  /** The inspector's heading for the selected layer: "Dense layer hidden" (kind, then the id for screen readers). */
  get inspectorHeading(): Locator {
    return this.inspector.getByRole('heading', { level: 2 });
  }

  get layerNameField(): Locator {
    return this.inspector.getByRole('textbox', { name: 'Layer name', exact: true });
  }

  /** A Dense layer's number of neurons: the field whose label names the Keras parameter `units`. */
  get unitsField(): Locator {
    return this.inspector.getByRole('textbox', { name: /\bunits\b/ });
  }

  get activationField(): Locator {
    return this.inspector.getByRole('combobox', { name: /^activation\b/ });
  }

  /** "Input comes from" (single-input layers) or "Input N comes from" (merge layers, N from 1). */
  inputSource(input?: number): Locator {
    return this.inspector.getByRole('combobox', { name: input === undefined ? 'Input comes from' : `Input ${input} comes from`, exact: true });
  }

  get deleteLayerButton(): Locator {
    return this.inspector.getByRole('button', { name: 'Delete layer', exact: true });
  }

  /** Replaces a text field's value the way a student does it: select all, type, and leave the field with Enter. */
  async typeInto(field: Locator, text: string): Promise<void> {
    await field.click();
    await field.press('Control+a');
    await field.pressSequentially(text);
    await field.press('Enter');
  }

  /** Sets the selected Dense layer's units in the inspector. */
  async setUnits(value: number | string): Promise<void> {
    await this.typeInto(this.unitsField, String(value));
  }

  // ---- toasts and dialogs --------------------------------------------------------------------------------------

  get toasts(): Locator {
    return this.page.getByTestId('toast');
  }

  get errorToasts(): Locator {
    return this.page.locator('[data-testid="toast"].toast-error');
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title, exact: true });
  }

  /**
   * Opens a preset from the Presets dialog by its title and waits for its layers. The view may still be fitting the
   * new network: call waitForStillView() before pointing at anything on the canvas.
   */
  async openPreset(title: string, nodeIds: readonly string[]): Promise<void> {
    await this.toolbarButton('Presets').click();
    const dialog = this.dialog('Presets');
    await dialog.getByRole('button').filter({ has: this.page.getByText(title, { exact: true }) }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => this.nodeIds()).toEqual([...nodeIds]);
  }

  /** Import dialog: picks `paths` in its file input, as "Choose files…" would; waits for the dialog to close. */
  async importFiles(paths: readonly string[]): Promise<void> {
    await this.toolbarButton('Import').click();
    const dialog = this.dialog('Import a model');
    await dialog.getByTestId('import-input').setInputFiles([...paths]);
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /** Export dialog: clicks "Download <label>" and saves the file; returns its path. The dialog stays open. */
  async exportDownload(label: string): Promise<string> {
    const dialog = this.dialog('Export');
    if (!(await dialog.isVisible())) await this.toolbarButton('Export').click();
    return this.download(() => dialog.getByRole('button', { name: `Download ${label}`, exact: true }).click());
  }

  /** The line that loads the last export, shown in the Export dialog. */
  get loadLine(): Locator {
    return this.dialog('Export').getByTestId('load-line');
  }

  /** Share dialog: the link that opens this network. */
  async shareLink(): Promise<string> {
    await this.toolbarButton('Share').click();
    const link = this.dialog('Share this network').getByTestId('share-link');
    await eventually(() => link.inputValue()).toMatch(/#p=/);
    return link.inputValue();
  }

  // ---- storage -------------------------------------------------------------------------------------------------

  /** The autosaved session in this browser (localStorage 'layerlab.session.v1'), or null when there is none. */
  async readAutosave(): Promise<SavedSession | null> {
    const raw = await this.page.evaluate((key) => window.localStorage.getItem(key), SESSION_STORAGE_KEY);
    if (raw === null) return null;
    const stored = JSON.parse(raw) as Omit<SavedSession, 'project'> & { project: string };
    return { ...stored, project: JSON.parse(stored.project) as SavedProject };
  }

  /** Waits until the autosave satisfies `check` (it is written 150 ms after the last change); returns it. */
  async waitForAutosave(check: (session: SavedSession) => boolean, timeout = POLL_TIMEOUT_MS): Promise<SavedSession> {
    // A holder, not a `let`: TypeScript does not see the assignment inside the polled closure.
    const seen: { last: SavedSession | null } = { last: null };
    try {
      await expect
        .poll(async () => {
          seen.last = await this.readAutosave();
          return seen.last !== null && check(seen.last);
        }, { timeout })
        .toBe(true);
    } catch (error) {
      const last = seen.last;
      const summary =
        last === null
          ? 'nothing'
          : JSON.stringify({
              name: last.project.name,
              nodes: last.project.graph.nodes.map((n) => `${n.id}@${n.position.x},${n.position.y}`),
              edges: last.project.graph.edges.map((e) => `${e.source}->${e.target}#${e.inputIndex}`),
              viewport: last.viewport,
              selection: last.selection,
            });
      throw new Error(`the autosave never matched within ${timeout} ms; it last held ${summary}`, { cause: error });
    }
    if (seen.last === null) throw new Error('unreachable: the autosave matched but was not kept');
    return seen.last;
  }

  // ---- focus ---------------------------------------------------------------------------------------------------

  /**
   * What has the keyboard focus: its tag, a label to recognise it by, whether it matches :focus-visible, and whether a
   * ring is drawn (an outline or box-shadow on it or on its first child).
   */
  async focused(): Promise<{ tag: string; label: string; isBody: boolean; focusVisible: boolean; ring: boolean }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (el === null || el === document.body) return { tag: 'BODY', label: '', isBody: true, focusVisible: false, ring: false };
      const drawn = (node: Element | null): boolean => {
        if (node === null) return false;
        const style = getComputedStyle(node);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      };
      // A layer card draws its ring on the card inside React Flow's focusable wrapper.
      const ring = drawn(el) || drawn(el.firstElementChild);
      const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.id ?? (el.textContent ?? '').trim().slice(0, 40);
      return { tag: el.tagName, label, isBody: false, focusVisible: el.matches(':focus-visible'), ring };
    });
  }

  /** Whether `locator` has the keyboard focus. */
  async hasFocus(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => el === document.activeElement);
  }

  /**
   * Presses Tab (or Shift+Tab) until `locator` has the focus, at most `limit` times; fails when it never gets it.
   * Keyboard only: this is how a student who does not use a mouse moves around.
   */
  async tabTo(locator: Locator, options: { backward?: boolean; limit?: number } = {}): Promise<number> {
    const key = options.backward === true ? 'Shift+Tab' : 'Tab';
    const limit = options.limit ?? 80;
    // One handle, checked after each press (a locator would be looked up again every time: 8 times slower).
    const target = await locator.elementHandle();
    try {
      for (let presses = 0; presses <= limit; presses += 1) {
        if (await target.evaluate((el) => el === document.activeElement)) return presses;
        await this.page.keyboard.press(key);
      }
    } finally {
      await target.dispose();
    }
    const now = await this.focused();
    throw new Error(`${String(locator)} did not get the focus after ${limit} presses of ${key}; the focus is on ${now.tag} "${now.label}"`);
  }
}
