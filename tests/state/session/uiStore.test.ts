/** The UI store's messages (toasts) and the saved theme, as a student meets them. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../../src/core/problems/index.ts';
import { THEME_STORAGE_KEY, createUiStore } from '../../../src/state/uiStore.ts';
import { MemoryStorage } from '../persistence/helpers.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('toasts', () => {
  it('every toast gets its own id, also across stores', () => {
    const a = createUiStore();
    const b = createUiStore();
    const ids = [a.getState().toast({ tone: 'info', text: '1' }), b.getState().toast({ tone: 'info', text: '2' }), a.getState().toast({ tone: 'info', text: '3' })];
    expect(new Set(ids).size).toBe(3);
    expect(a.getState().toasts.map((t) => t.id)).toEqual([ids[0], ids[2]]);
  });

  it('keeps at most 4 toasts: the newest ones, in order', () => {
    const ui = createUiStore();
    for (let i = 1; i <= 7; i += 1) ui.getState().toast({ tone: 'info', text: `message ${i}` });
    expect(ui.getState().toasts.map((t) => t.text)).toEqual(['message 4', 'message 5', 'message 6', 'message 7']);
  });

  it('dismiss removes that toast only; dismissing an unknown id changes nothing', () => {
    const ui = createUiStore();
    const first = ui.getState().toast({ tone: 'info', text: 'one' });
    ui.getState().toast({ tone: 'warning', text: 'two' });
    ui.getState().dismiss(first);
    expect(ui.getState().toasts.map((t) => t.text)).toEqual(['two']);
    ui.getState().dismiss(123456);
    expect(ui.getState().toasts.map((t) => t.text)).toEqual(['two']);
  });

  it('a sticky toast (a message the student must not miss) stays until it is closed, however many toasts follow', () => {
    const ui = createUiStore();
    const sticky = ui.getState().toast({ tone: 'warning', text: 'Download your earlier work first.', sticky: true });
    for (let i = 1; i <= 6; i += 1) ui.getState().toast({ tone: 'info', text: `Copied ${i}.` });
    const toasts = ui.getState().toasts;
    expect(toasts.length).toBeLessThanOrEqual(4);
    expect(toasts.map((t) => t.id)).toContain(sticky);
    expect(toasts.at(-1)?.text).toBe('Copied 6.');
    ui.getState().dismiss(sticky);
    expect(ui.getState().toasts.map((t) => t.id)).not.toContain(sticky);
  });

  it('toastProblems shows each problem with its layer, its message and its fix, errors as errors and warnings as warnings', () => {
    const ui = createUiStore();
    const problems: Problem[] = [
      { severity: 'error', nodeId: 'hidden', message: 'Dense units must be at least 1; it is 0.', fix: 'Use 1 or more.', source: 'validation' },
      { severity: 'warning', nodeId: null, message: 'This link was made by an older LayerLab.', source: 'share-link' },
      { severity: 'warning', nodeId: 'x', message: 'Input x is not connected to anything.', fix: 'Connect x to a layer.', source: 'validation' },
    ];
    ui.getState().toastProblems(problems);
    const toasts = ui.getState().toasts;
    expect(toasts).toHaveLength(problems.length);
    problems.forEach((p, i) => {
      const t = toasts[i];
      if (t === undefined) throw new Error('missing toast');
      expect(t.tone).toBe(p.severity);
      // The layer is named beside the text (Toast.nodeId) or in front of it ("hidden: …").
      const named = t.nodeId ?? (p.nodeId !== null && t.text.startsWith(`${p.nodeId}: `) ? p.nodeId : null);
      expect(named).toBe(p.nodeId);
      const at = t.text.indexOf(p.message);
      expect(at).toBeGreaterThanOrEqual(0);
      if (p.fix === undefined) expect(t.text.slice(at)).toBe(p.message);
      else expect(t.text.indexOf(p.fix)).toBeGreaterThan(at);
    });
  });
});

describe('fit requests', () => {
  it('each request raises fitRequest by one', () => {
    const ui = createUiStore();
    expect(ui.getState().fitRequest).toBe(0);
    ui.getState().requestFit();
    ui.getState().requestFit();
    expect(ui.getState().fitRequest).toBe(2);
  });
});

describe('theme', () => {
  it('a chosen theme is remembered by the next visit; "system" forgets it', () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    const ui = createUiStore();
    expect(ui.getState().theme).toBe('system');
    ui.getState().setTheme('dark');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(createUiStore().getState().theme).toBe('dark');
    ui.getState().setTheme('system');
    expect(storage.getItem(THEME_STORAGE_KEY)).toBeNull();
    expect(createUiStore().getState().theme).toBe('system');
  });

  it('a browser that refuses storage still changes the theme for this visit', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => undefined,
    });
    const ui = createUiStore();
    expect(ui.getState().theme).toBe('system');
    ui.getState().setTheme('light');
    expect(ui.getState().theme).toBe('light');
  });
});
