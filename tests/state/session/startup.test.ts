/**
 * What the app opens with: the first-visit preset, the work autosaved in this browser, a share link opened over that
 * work, and what a damaged link or a damaged autosave does. Links and sessions are made with the real encoders.
 */
import { describe, expect, it } from 'vitest';
import { createNode } from '../../../src/core/graph/build.ts';
import type { LayerLabProject } from '../../../src/core/project/index.ts';
import { createProject, serializeProject } from '../../../src/core/project/index.ts';
import { SESSION_STORAGE_KEY, readSession, writeSession } from '../../../src/state/persistence/autosave.ts';
import { decodeShareFragment, encodeShareFragment } from '../../../src/state/persistence/shareLink.ts';
import { decideStartup, mayHoldShareLink } from '../../../src/state/session/startup.ts';
import { MemoryStorage, trainedXor, xorProject } from '../persistence/helpers.ts';

/** The first-visit preset stand-in: a fresh object per call, and a count of calls. */
function presets(): { firstVisit: () => LayerLabProject; made: LayerLabProject[] } {
  const made: LayerLabProject[] = [];
  return {
    made,
    firstVisit: () => {
      const p = xorProject();
      made.push(p);
      return p;
    },
  };
}

const sharedProject = (): LayerLabProject =>
  createProject('Shared by a friend', {
    nodes: [createNode('inp', 'Input', { shape: [2] }, { x: 0, y: 0 }), createNode('d', 'Dense', { units: 1 }, { x: 300, y: 0 })],
    edges: [{ id: 'w', source: 'inp', target: 'd', inputIndex: 0 }],
  });

function linkFor(project: LayerLabProject): string {
  const encoded = encodeShareFragment(project);
  if (!encoded.ok) throw new Error(encoded.problem.message);
  return encoded.fragment;
}

const VIEW = { x: -140, y: 60.5, zoom: 0.8 };

function storageWithWork(project: LayerLabProject = trainedXor()): MemoryStorage {
  const storage = new MemoryStorage();
  const result = writeSession(storage, { project, viewport: VIEW, selection: ['hidden', 'out'] });
  if (!result.ok) throw new Error(result.problem.message);
  return storage;
}

const startup = (hash: string, storage: MemoryStorage | null, firstVisit: () => LayerLabProject) =>
  decideStartup(decodeShareFragment(hash), storage, firstVisit);

describe('decideStartup', () => {
  it('(a) first visit, no link: the first-visit preset, fitted into view, nothing to report', () => {
    for (const storage of [new MemoryStorage(), null]) {
      const { firstVisit, made } = presets();
      const s = startup('', storage, firstVisit);
      expect(made).toHaveLength(1);
      expect(s).toEqual({ base: made[0], selection: [], viewport: null, shared: null, restored: false, problems: [], unreadableAutosave: null });
      expect(s.base).toBe(made[0]);
    }
  });

  it('(a) an anchor that is not a LayerLab link is ignored', () => {
    const { firstVisit } = presets();
    const s = startup('#section-2', new MemoryStorage(), firstVisit);
    expect(s.problems).toEqual([]);
    expect(s.shared).toBeNull();
  });

  it('(b) autosaved work is restored with its view and selection, and the preset is not even built', () => {
    const work = trainedXor();
    const storage = storageWithWork(work);
    const { firstVisit, made } = presets();
    const s = startup('', storage, firstVisit);
    expect(made).toHaveLength(0);
    expect(serializeProject(s.base)).toBe(serializeProject(work));
    expect(s.base.weights).toEqual(work.weights);
    expect(s.viewport).toEqual(VIEW);
    expect(s.selection).toEqual(['hidden', 'out']);
    expect(s).toMatchObject({ shared: null, restored: true, problems: [], unreadableAutosave: null });
  });

  it("(c) a share link and autosaved work: the work is the base, the link's project is opened over it", () => {
    const work = trainedXor();
    const storage = storageWithWork(work);
    const friend = sharedProject();
    const { firstVisit, made } = presets();
    const s = startup(`https://layerlab.example/${linkFor(friend)}`, storage, firstVisit);
    expect(made).toHaveLength(0);
    expect(serializeProject(s.base)).toBe(serializeProject(work));
    if (s.shared === null) throw new Error('no shared project');
    expect(serializeProject(s.shared)).toBe(serializeProject(friend));
    expect(s.restored).toBe(true);
    expect(s.viewport).toBeNull(); // the shared network is fitted into view
    expect(s.problems).toEqual([]);
    expect(storage.getItem(SESSION_STORAGE_KEY)).not.toBeNull();
  });

  it('(c) a share link on a first visit opens over the preset, and says nothing of earlier work', () => {
    const friend = sharedProject();
    const { firstVisit, made } = presets();
    const s = startup(linkFor(friend), new MemoryStorage(), firstVisit);
    expect(s.base).toBe(made[0]);
    expect(s.shared?.name).toBe(friend.name);
    expect(s.restored).toBe(false);
  });

  it('(d) a damaged link: its problem is reported, the autosaved work opens untouched', () => {
    const storage = storageWithWork();
    const stored = storage.getItem(SESSION_STORAGE_KEY);
    const link = linkFor(trainedXor());
    const cut = link.slice(0, Math.floor(link.length / 2));
    const decoded = decodeShareFragment(cut);
    if (decoded.ok) throw new Error('the cut link still decodes');
    const { firstVisit } = presets();
    const s = decideStartup(decoded, storage, firstVisit);
    expect(s.problems).toEqual([decoded.problem]);
    expect(s.problems[0]?.severity).toBe('error');
    expect(s.problems[0]?.source).toBe('share-link');
    expect(s.shared).toBeNull();
    expect(s.restored).toBe(true);
    expect(s.viewport).toEqual(VIEW);
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBe(stored);
    expect(storage.writes).toBe(1);
  });

  it('(d) a damaged link on a first visit: its problem, and the preset', () => {
    const { firstVisit, made } = presets();
    const s = startup('#p=1.this-is-not-deflate', new MemoryStorage(), firstVisit);
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]?.source).toBe('share-link');
    expect(s.base).toBe(made[0]);
    expect(s.shared).toBeNull();
  });

  it('(e) a damaged autosave: its problem, the preset, and the stored text kept for download', () => {
    const storage = storageWithWork();
    const full = storage.getItem(SESSION_STORAGE_KEY) ?? '';
    const damaged = full.slice(0, full.length - 40); // a write cut off
    storage.setItem(SESSION_STORAGE_KEY, damaged);
    const read = readSession(storage);
    if (read.ok) throw new Error('the damaged session still reads');
    const { firstVisit, made } = presets();
    const s = startup('', storage, firstVisit);
    expect(s.base).toBe(made[0]);
    expect(s.problems).toEqual([read.problem]);
    expect(s.problems[0]?.severity).toBe('error');
    expect(s.unreadableAutosave).toBe(damaged);
    expect(s).toMatchObject({ restored: false, viewport: null, selection: [] });
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBe(damaged);
  });

  it('(e) a damaged autosave and a share link: both reported or opened, nothing lost', () => {
    const storage = new MemoryStorage();
    storage.setItem(SESSION_STORAGE_KEY, '{"project": 42}');
    const friend = sharedProject();
    const { firstVisit } = presets();
    const s = startup(linkFor(friend), storage, firstVisit);
    expect(s.shared?.name).toBe(friend.name);
    expect(s.problems).toHaveLength(1);
    expect(s.unreadableAutosave).toBe('{"project": 42}');
  });
});

describe('mayHoldShareLink', () => {
  it('is true for any address that carries #p=, false for other anchors', () => {
    const link = linkFor(sharedProject());
    expect(mayHoldShareLink(link)).toBe(true);
    expect(mayHoldShareLink(`https://x.example/app/${link}`)).toBe(true);
    expect(mayHoldShareLink('#a=1&p=1.abc')).toBe(true);
    expect(mayHoldShareLink('')).toBe(false);
    expect(mayHoldShareLink('#section-2')).toBe(false);
    expect(mayHoldShareLink('#top')).toBe(false);
  });

  it('never says no to a hash that decodeShareFragment would open (the decoder is loaded only when it says yes)', () => {
    for (const hash of [linkFor(sharedProject()), linkFor(trainedXor()), `#x=1&${linkFor(sharedProject()).slice(1)}`]) {
      const decoded = decodeShareFragment(hash);
      expect(decoded.ok && decoded.none).toBe(false);
      expect(mayHoldShareLink(hash)).toBe(true);
    }
  });
});
