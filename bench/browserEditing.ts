/**
 * Editing speed in the real app, in headless Chromium: the built app (dist/) opened with a 200-node network (restored
 * from autosave), then edits made through the UI and timed from the input event to the next animation frame, i.e.
 * shapes + validation + React render, ready to paint.
 *
 * Needs `vite build` first (npm run bench does it) and Debian's chromium (as the browser tests).
 */
import { chromium } from 'playwright-core';
import { serializeProject, createProject } from '../src/core/project/index.ts';
import { layoutGraph } from '../src/core/graph/layout.ts';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium.ts';
import { startStaticServer } from '../tests/e2e/support/staticServer.ts';
import { residualGraph } from './graphs.ts';

export interface BrowserRow {
  name: string;
  medianMs: number;
  p95Ms: number;
}

/** The edited layer: a Dense in the middle of the graph, so half the network lies downstream of it. */
const EDITED = 'dense_16';

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

export async function browserEditingRows(distDir: string): Promise<BrowserRow[]> {
  const graph = layoutGraph(residualGraph(200));
  const project = createProject('Bench: 200 layers', graph, { kind: 'none' });
  // The view a student would work at: zoom 0.6, the edited layer in the middle of the canvas, its neighbours around.
  const at = graph.nodes.find((n) => n.id === EDITED)?.position ?? { x: 0, y: 0 };
  const zoom = 0.5;
  const session = JSON.stringify({
    project: serializeProject(project),
    viewport: { x: 360 - at.x * zoom, y: 280 - at.y * zoom, zoom },
    selection: [EDITED],
    savedAt: new Date(0).toISOString(),
  });
  const server = await startStaticServer(distDir);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript((value) => {
      if (sessionStorage.getItem('bench-seeded') === null) {
        localStorage.setItem('layerlab.session.v1', value);
        sessionStorage.setItem('bench-seeded', '1');
      }
    }, session);
    await page.goto(`${server.url}/`);
    await page.getByTestId(`node-${EDITED}`).waitFor();
    await page.getByTestId(`param-units`).waitFor();
    const summary = (await page.locator('.drawer-summary').textContent()) ?? '';
    if (!summary.includes('200 layers')) throw new Error(`the bench network did not open (the app says: ${summary})`);

    // Type a new unit count: every keystroke re-infers all 200 shapes, re-validates and re-renders what changed.
    // The timed loops run inside the page, written as text: tsx would otherwise wrap named helpers in a __name() call
    // that does not exist in the page.
    const paramEdit = (await page.evaluate(`(async () => {
      const id = ${JSON.stringify(EDITED)};
      const input = document.querySelector('[data-testid="param-units"]');
      if (input === null) throw new Error('no units field');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      const times = [];
      for (let i = 0; i < 60; i += 1) {
        const units = String(24 + (i % 2) * 8);
        const t0 = performance.now();
        setValue.call(input, units);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        times.push(performance.now() - t0);
        const shown = document.querySelector('[data-testid="shape-' + id + '"]')?.textContent ?? '';
        if (!shown.includes(units)) throw new Error('the card of ' + id + ' shows ' + shown + ' after typing ' + units);
      }
      return times;
    })()`)) as number[];

    // Undo and redo of those edits (each a whole-network change), through the keyboard shortcut path.
    const undoRedo = (await page.evaluate(`(async () => {
      document.activeElement?.blur();
      const times = [];
      for (let i = 0; i < 40; i += 1) {
        const t0 = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, shiftKey: i % 2 === 1, bubbles: true }));
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        times.push(performance.now() - t0);
      }
      return times;
    })()`)) as number[];

    // Dragging a layer: the time from each pointer move to the next frame (React Flow moves the card, the store
    // records the position; one undo step at the end). This is the case that must stay at 60 fps.
    await page.evaluate(`(() => {
      window.__moves = [];
      window.addEventListener('pointermove', () => {
        const t0 = performance.now();
        requestAnimationFrame(() => window.__moves.push(performance.now() - t0));
      }, { capture: true });
    })()`);
    const card = await page.getByTestId(`node-${EDITED}`).boundingBox();
    if (card === null) throw new Error(`${EDITED} is not on screen`);
    const start = { x: card.x + card.width / 2, y: card.y + 10 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i += 1) await page.mouse.move(start.x + i * 2, start.y + (i % 12) * 2);
    await page.mouse.up();
    const drag = (await page.evaluate('window.__moves')) as number[];
    const moved = await page.getByTestId(`node-${EDITED}`).boundingBox();
    if (moved === null || Math.abs(moved.x - card.x) < 50) throw new Error(`the drag did not move ${EDITED}`);
    if (drag.length < 50) throw new Error(`only ${drag.length} pointer moves reached the page`);

    const row = (name: string, times: number[]): BrowserRow => {
      const sorted = [...times].slice(5).sort((a, b) => a - b);
      return { name, medianMs: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) };
    };
    return [
      row('app: type a Dense units value, 200-node graph (shapes + validation + render, Chromium)', paramEdit),
      row('app: undo / redo, 200-node graph (Chromium)', undoRedo),
      row('app: drag a layer, 200-node graph, per pointer move (Chromium)', drag),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
