/**
 * What the fuzz campaign (npm run fuzz) found, each fixed where it was and shown here by the message a user reads.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importKerasConfig } from '../../src/core/keras/importConfig.ts';
import { readKerasFile } from '../../src/interop/kerasFile.ts';
import { importModelFiles } from '../../src/interop/modelFiles.ts';
import { listZip, writeZip, zeroBomb } from '../../fuzz/mutateBytes.ts';

const seqMlp = (): { name: string; data: Uint8Array }[] =>
  listZip(new Uint8Array(readFileSync('tests/fixtures/keras/seq_mlp.keras')), (packed, size) => inflateSync(packed, { out: new Uint8Array(size) })).entries;

describe('fuzz findings', () => {
  it('refuses a .keras zip bomb that claims a small size as soon as it unpacks past that size (it used to unpack all of it)', async () => {
    // model.weights.h5 deflated to 7 MB that unpack to 1 GB of zeros, while the zip directory gives the real file's size.
    const entries = seqMlp().map((e) => (e.name === 'model.weights.h5' ? { ...e, method: 8, packed: zeroBomb(1024 ** 3) } : e));
    const size = seqMlp().find((e) => e.name === 'model.weights.h5')?.data.length;
    const result = await readKerasFile(writeZip(entries));
    expect(result).toEqual({
      ok: false,
      problems: [{ layer: null, message: `The .keras file is damaged: model.weights.h5 unpacks to more than the ${size} bytes its zip directory gives.` }],
    });
  });

  it('shortens a hostile initializer class name in the message instead of quoting a megabyte of it', () => {
    const config = JSON.parse(readFileSync('tests/fixtures/keras/seq_mlp.json', 'utf8')) as { config: { layers: { config: { kernel_initializer: { class_name: string } } }[] } };
    const hidden = config.config.layers[1];
    if (hidden === undefined) throw new Error('seq_mlp.json has no hidden layer');
    hidden.config.kernel_initializer.class_name = 'x'.repeat(1_000_000);
    expect(importKerasConfig(config)).toEqual({
      ok: false,
      problems: [{ layer: 'hidden1', message: `kernel_initializer ${'x'.repeat(40)}…() is not one of LayerLab's initializers.` }],
    });
  });

  it('shortens a megabyte-long weight file name from model.json in the message that asks for the file', async () => {
    const modelJson = JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['w'.repeat(1_000_000)], weights: [] }] });
    const result = await importModelFiles([{ name: 'model.json', bytes: async () => new TextEncoder().encode(modelJson) }]);
    expect(result).toEqual({
      ok: false,
      isProjectFile: false,
      problems: [{ severity: 'error', nodeId: null, source: 'import', message: `model.json needs ${'w'.repeat(80)}…: pick it together with model.json.` }],
    });
  });
});
