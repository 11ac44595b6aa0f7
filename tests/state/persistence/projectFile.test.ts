import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_FILE_BYTES, serializeProject } from '../../../src/core/project/index.ts';
import type { ProjectFileLike, ReadProjectFileResult } from '../../../src/state/persistence/projectFile.ts';
import { projectFileName, readProjectFile } from '../../../src/state/persistence/projectFile.ts';
import { XOR_TEXT, refusal, xorProject } from './helpers.ts';

const UNTOUCHED = 'Your current work was left untouched.';

/** A File as the browser hands it over; counts how often its text was read. */
function file(name: string, text: string, size = new TextEncoder().encode(text).length): ProjectFileLike & { reads: number } {
  return {
    name,
    size,
    reads: 0,
    text() {
      this.reads += 1;
      return Promise.resolve(text);
    },
  };
}

function refused(result: ReadProjectFileResult): { message: string; fix: string | undefined } {
  if (result.ok) throw new Error('expected a refusal');
  const message = refusal(result.problem, 'project-file');
  expect(message.endsWith(UNTOUCHED)).toBe(true);
  return { message, fix: result.problem.fix };
}

describe('readProjectFile', () => {
  it('opens examples/xor.layerlab.json', async () => {
    const result = await readProjectFile(file('xor.layerlab.json', XOR_TEXT));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(serializeProject(result.project)).toBe(serializeProject(xorProject()));
      expect(result.warnings).toEqual([]);
    }
  });

  it('opens any .json name (downloads get renamed: "xor (1).JSON")', async () => {
    expect((await readProjectFile(file('xor (1).JSON', XOR_TEXT))).ok).toBe(true);
  });

  it('refuses a file that is not .json before reading it, pointing Keras models to Import', async () => {
    for (const name of ['model.keras', 'weights.h5', 'xor.layerlab', 'notes.txt', 'xor.json.zip']) {
      const f = file(name, XOR_TEXT);
      const { message, fix } = refused(await readProjectFile(f));
      expect(message).toBe(
        `${JSON.stringify(name)} is not a LayerLab project: LayerLab opens .layerlab.json project files; to bring in a Keras model use Import. ${UNTOUCHED}`,
      );
      expect(fix).toBe('To bring in a Keras model (a .keras file, Keras JSON or a TF.js model.json), use Import.');
      expect(f.reads).toBe(0);
    }
  });

  it('refuses a file over the size cap before reading it', async () => {
    const f = file('huge.layerlab.json', XOR_TEXT, MAX_PROJECT_FILE_BYTES + 1);
    expect(refused(await readProjectFile(f)).message).toBe(
      `"huge.layerlab.json" is too large to open: it is 50.1 MB, and LayerLab opens project files of up to 50 MB. ${UNTOUCHED}`,
    );
    expect(f.reads).toBe(0);
  });

  it('reports a file the browser cannot read', async () => {
    const f: ProjectFileLike = {
      name: 'gone.layerlab.json',
      size: 10,
      text: () => Promise.reject(new DOMException('A requested file or directory could not be found.', 'NotFoundError')),
    };
    const { message, fix } = refused(await readProjectFile(f));
    expect(message).toBe(`LayerLab could not read "gone.layerlab.json": A requested file or directory could not be found. ${UNTOUCHED}`);
    expect(fix).toMatch(/^Choose the file again/);
  });

  it('lists the loader field errors in one problem', async () => {
    const broken = XOR_TEXT.replace('"units": 4', '"units": "four"').replace('"learningRate": 0.5', '"learningRate": -1');
    const { message } = refused(await readProjectFile(file('xor.layerlab.json', broken)));
    const lines = message.split('\n');
    expect(lines[0]).toBe('"xor.layerlab.json" cannot be opened as a LayerLab project:');
    expect(lines.slice(1, -1).map((line) => line.split(':')[0])).toEqual(['graph.nodes[1].params.units', 'training.learningRate']);
    expect(lines.at(-1)).toBe(UNTOUCHED);
  });

  it('says what is wrong with text that is not JSON, or empty', async () => {
    expect(refused(await readProjectFile(file('a.json', '{"format": "layerlab-project",'))).message).toMatch(
      /^"a\.json" cannot be opened as a LayerLab project:\nThe file is not valid JSON: /,
    );
    expect(refused(await readProjectFile(file('a.json', ''))).message).toBe(
      `"a.json" cannot be opened as a LayerLab project:\nThe file is empty.\n${UNTOUCHED}`,
    );
  });

  it('recognises a Keras or TF.js model.json and points to Import', async () => {
    const keras = JSON.stringify({ class_name: 'Sequential', config: { name: 'sequential', layers: [] }, keras_version: '3.15.1' });
    const { message, fix } = refused(await readProjectFile(file('model.json', keras)));
    expect(message).toBe(
      `"model.json" cannot be opened as a LayerLab project:\nformat: This is not a LayerLab project file: it has no "format": "layerlab-project" field.\n${UNTOUCHED}`,
    );
    expect(fix).toBe(
      'This looks like a Keras or TF.js model, not a LayerLab project. To bring in a Keras model (a .keras file, Keras JSON or a TF.js model.json), use Import.',
    );
    const tfjs = JSON.stringify({ format: 'layers-model', modelTopology: {}, weightsManifest: [] });
    expect(refused(await readProjectFile(file('model.json', tfjs))).fix).toMatch(/^This looks like a Keras or TF\.js model/);
    expect(refused(await readProjectFile(file('other.json', '{"a": 1}'))).fix).toBeUndefined();
  });

  it('passes on the loader warnings', async () => {
    const result = await readProjectFile(file('xor.layerlab.json', XOR_TEXT));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('projectFileName', () => {
  it.each([
    ['XOR 2-4-1', 'xor-2-4-1.layerlab.json'],
    ['  Spiral: 3 arms!  ', 'spiral-3-arms.layerlab.json'],
    ['Réseau de neurones — été', 'reseau-de-neurones-ete.layerlab.json'],
    ['../../etc/passwd', 'etc-passwd.layerlab.json'],
    ['CON', 'con-network.layerlab.json'],
    ['', 'network.layerlab.json'],
    ['日本語', 'network.layerlab.json'],
    ['---', 'network.layerlab.json'],
    [`${'a'.repeat(59)} b`, `${'a'.repeat(59)}.layerlab.json`],
    ['x'.repeat(200), `${'x'.repeat(60)}.layerlab.json`],
  ])('%j → %j', (name, expected) => {
    expect(projectFileName({ name })).toBe(expected);
  });

  it('is always a-z, 0-9 and "-", at most 60 characters, and opens again', async () => {
    for (const name of ['A/B\\C:D*E?F"G<H>I|J', '\u0000\u001f\u202e', 'x'.repeat(61), 'Ünïcödé 😀 net']) {
      const fileName = projectFileName({ name });
      expect(fileName).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?\.layerlab\.json$/);
      expect((await readProjectFile(file(fileName, XOR_TEXT))).ok).toBe(true);
    }
  });
});
