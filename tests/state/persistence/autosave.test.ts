import { describe, expect, it } from 'vitest';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { serializeProject } from '../../../src/core/project/index.ts';
import type { ReadSessionResult, Session, SessionStorageLike, WriteSessionResult } from '../../../src/state/persistence/autosave.ts';
import {
  AUTOSAVE_MAX_WEIGHT_VALUES,
  SESSION_STORAGE_KEY,
  clearSession,
  readSession,
  writeSession,
} from '../../../src/state/persistence/autosave.ts';
import { MemoryStorage, refusal, trainedMnistSized, trainedXor, xorProject } from './helpers.ts';

const NOT_SAVED_FIX = 'Use Save to download your project as a .layerlab.json file, so you do not lose it.';

const sessionOf = (project: LayerLabProject): { project: LayerLabProject; viewport: { x: number; y: number; zoom: number }; selection: string[]; savedAt: string } => ({
  project,
  viewport: { x: -120, y: 35.5, zoom: 1.25 },
  selection: ['hidden'],
  savedAt: '2025-01-02T03:04:05.000Z',
});

function restored(result: ReadSessionResult): Session {
  if (!result.ok) throw new Error(result.problem.message);
  if (result.none) throw new Error('nothing saved');
  return result.session;
}

function saved(result: WriteSessionResult): Extract<WriteSessionResult, { ok: true }> {
  if (!result.ok) throw new Error(result.problem.message);
  return result;
}

function unreadable(result: ReadSessionResult): { message: string; raw: string | null } {
  if (result.ok) throw new Error('expected a problem');
  return { message: refusal(result.problem, 'project-file'), raw: result.raw };
}

/** Bytes the stored session takes in MemoryStorage's accounting (2 per UTF-16 unit of key and value). */
function bytesFor(project: LayerLabProject): number {
  const storage = new MemoryStorage();
  saved(writeSession(storage, sessionOf(project)));
  return storage.usedBytes();
}

describe('writeSession / readSession', () => {
  it('nothing saved yet is none', () => {
    expect(readSession(new MemoryStorage())).toEqual({ ok: true, none: true });
  });

  it('round-trips a trained project, viewport, selection and time', () => {
    const storage = new MemoryStorage();
    const project = trainedXor();
    expect(saved(writeSession(storage, sessionOf(project)))).toEqual({ ok: true, withWeights: true });
    const stored = JSON.parse(storage.getItem(SESSION_STORAGE_KEY) ?? '') as Record<string, unknown>;
    expect(Object.keys(stored)).toEqual(['project', 'viewport', 'selection', 'savedAt']);
    expect(stored.project).toBe(serializeProject(project));
    const session = restored(readSession(storage));
    expect(serializeProject(session.project)).toBe(serializeProject(project));
    expect(session).toMatchObject({ viewport: { x: -120, y: 35.5, zoom: 1.25 }, selection: ['hidden'], savedAt: '2025-01-02T03:04:05.000Z' });
  });

  it('stamps savedAt with the current time when none is given', () => {
    const storage = new MemoryStorage();
    const before = Date.now();
    saved(writeSession(storage, { project: xorProject(), viewport: { x: 0, y: 0, zoom: 1 }, selection: [] }));
    const at = Date.parse(restored(readSession(storage)).savedAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('when storage is full, saves without the trained weights and says so', () => {
    const project = trainedMnistSized();
    const storage = new MemoryStorage(bytesFor({ ...project, weights: null }) + 1000);
    const result = saved(writeSession(storage, sessionOf(project)));
    expect(result.withWeights).toBe(false);
    expect(result.warning).toEqual({
      severity: 'warning',
      nodeId: null,
      message:
        'Autosave is full: saved without trained weights. Your network and its settings are saved in this browser, but its 13,002 trained weights do not fit.',
      fix: 'Use Save to download the trained network as a .layerlab.json file.',
      source: 'project-file',
    });
    const session = restored(readSession(storage));
    expect(session.project.weights).toBeNull();
    expect(serializeProject(session.project)).toBe(serializeProject({ ...project, weights: null }));
  });

  it('replacing an earlier autosave counts only the new value against the quota', () => {
    const project = trainedXor();
    const storage = new MemoryStorage(bytesFor(project) + 100);
    for (let i = 0; i < 3; i += 1) expect(saved(writeSession(storage, sessionOf(project))).withWeights).toBe(true);
  });

  it('when even the network does not fit, says the work is not being saved and keeps the last autosave', () => {
    const small = xorProject();
    const storage = new MemoryStorage(bytesFor(small) + 50);
    saved(writeSession(storage, sessionOf(small)));
    const before = storage.getItem(SESSION_STORAGE_KEY);
    const big = trainedMnistSized();
    const renamed = { ...big, name: 'x'.repeat(2000) };
    const result = writeSession(storage, sessionOf(renamed));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(refusal(result.problem, 'project-file')).toBe("Your work is not being saved in this browser: the browser's storage for this site is full.");
      expect(result.problem.fix).toBe(NOT_SAVED_FIX);
    }
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBe(before);
    expect(serializeProject(restored(readSession(storage)).project)).toBe(serializeProject(small));
  });

  it('saves NaN weights (diverged training) as no weights, with a warning', () => {
    const storage = new MemoryStorage();
    const project = trainedXor();
    project.weights!.layers.out![1]!.values[0] = Number.NaN;
    const result = saved(writeSession(storage, sessionOf(project)));
    expect(result.withWeights).toBe(false);
    expect(result.warning?.severity).toBe('warning');
    expect(result.warning?.message).toBe(
      'Autosave saved your network without its trained weights: some weights are not numbers (training diverged), and they cannot be saved.',
    );
    expect(result.warning?.fix).toBe('Lower the learning rate and train again.');
    expect(restored(readSession(storage)).project.weights).toBeNull();
  });

  it('a network that cannot be written at all (a NaN position) is a problem, not a throw', () => {
    const project = xorProject();
    const broken = { ...project, graph: { ...project.graph, nodes: project.graph.nodes.map((n) => ({ ...n, position: { x: 0, y: Number.POSITIVE_INFINITY } })) } };
    const result = writeSession(new MemoryStorage(), sessionOf(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(refusal(result.problem, 'project-file')).toMatch(/^Your work is not being saved in this browser: LayerLab could not write it down \(Cannot save graph\.nodes\[0\]\.position\.y: it is Infinity/);
      expect(result.problem.fix).toBe(NOT_SAVED_FIX);
    }
  });

  it('storage the browser blocks (SecurityError) is a problem on write and on read', () => {
    const blocked: SessionStorageLike = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    const write = writeSession(blocked, sessionOf(trainedXor()));
    expect(write.ok).toBe(false);
    if (!write.ok) {
      expect(write.problem.message).toBe(
        'Your work is not being saved in this browser: the browser does not let this site store data (for example in some private windows, or when site data is blocked).',
      );
    }
    const read = unreadable(readSession(blocked));
    expect(read.raw).toBeNull();
    expect(read.message).toMatch(/^LayerLab could not restore the work it saved in this browser: the browser did not let LayerLab read it/);
    expect(clearSession(blocked)).toBe(false);
  });

  it('includeWeights: false skips the weights without a warning', () => {
    const storage = new MemoryStorage();
    expect(writeSession(storage, sessionOf(trainedXor()), { includeWeights: false })).toEqual({ ok: true, withWeights: false });
    expect(restored(readSession(storage)).project.weights).toBeNull();
  });

  it('weights too many for any browser are skipped without writing them out first', () => {
    const storage = new MemoryStorage();
    const project = xorProject();
    const huge = { ...project, weights: { layers: { hidden: [{ name: 'kernel', shape: [AUTOSAVE_MAX_WEIGHT_VALUES + 1], values: new Array<number>(AUTOSAVE_MAX_WEIGHT_VALUES + 1) }] } } };
    const result = saved(writeSession(storage, sessionOf(huge)));
    expect(result.withWeights).toBe(false);
    expect(result.warning?.message).toMatch(/^Autosave is full: saved without trained weights\. .* its 2,000,001 trained weights do not fit\.$/);
    expect(storage.writes).toBe(1);
  });

  it('clearSession forgets the session', () => {
    const storage = new MemoryStorage();
    saved(writeSession(storage, sessionOf(xorProject())));
    expect(clearSession(storage)).toBe(true);
    expect(readSession(storage)).toEqual({ ok: true, none: true });
  });
});

describe('readSession of damaged or foreign values (a problem and the raw value, never a throw)', () => {
  const withValue = (value: string): ReadSessionResult => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, value);
    return readSession(storage);
  };

  it('JSON cut off mid-way', () => {
    const storage = new MemoryStorage();
    saved(writeSession(storage, sessionOf(trainedXor())));
    const value = storage.getItem(SESSION_STORAGE_KEY) ?? '';
    const cut = value.slice(0, value.length / 2);
    const { message, raw } = unreadable(withValue(cut));
    expect(message).toBe('LayerLab could not restore the work it saved in this browser: the saved copy is damaged (it is not complete JSON).');
    expect(raw).toBe(cut);
  });

  it.each(['"hello"', '42', 'null', '[]', '{"project": 1}', '{"state": {"nodes": []}}'])('a foreign value %s', (value) => {
    const { message, raw } = unreadable(withValue(value));
    expect(message).toBe('LayerLab could not restore the work it saved in this browser: the saved value is not a LayerLab session (it has no project).');
    expect(raw).toBe(value);
  });

  it('a project the loader refuses, with its field errors', () => {
    const text = serializeProject(xorProject()).replace('"version": 3', '"version": 4');
    const { message } = unreadable(withValue(JSON.stringify({ project: text, viewport: { x: 0, y: 0, zoom: 1 }, selection: [], savedAt: '' })));
    expect(message).toBe(
      'LayerLab could not restore the work it saved in this browser: the saved project cannot be opened:\nversion: This project was saved by a newer LayerLab (version 4); this one reads up to version 3.',
    );
  });

  it('keeps the project when only the viewport, selection or time are odd', () => {
    const value = JSON.stringify({
      project: serializeProject(xorProject()),
      viewport: { x: null, y: 'a', zoom: -1 },
      selection: ['out', 'deleted-node', 7, 'out'],
      savedAt: 5,
      extra: true,
    });
    const session = restored(withValue(value));
    expect(session).toMatchObject({ viewport: { x: 0, y: 0, zoom: 1 }, selection: ['out'], savedAt: '' });
    expect(serializeProject(session.project)).toBe(serializeProject(xorProject()));
    expect(restored(withValue(JSON.stringify({ project: serializeProject(xorProject()) }))).viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });

  it('does not write a NaN viewport (JSON would turn it into null)', () => {
    const storage = new MemoryStorage();
    saved(writeSession(storage, { ...sessionOf(xorProject()), viewport: { x: Number.NaN, y: 0, zoom: 1 } }));
    expect(restored(readSession(storage)).viewport).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
