/**
 * The good files every mutation starts from: the real Keras fixtures (tests/fixtures/keras/, written by Keras 3.15),
 * the project fixtures and examples, and the files LayerLab itself exports for those projects (.keras, Keras JSON,
 * TF.js model.json + weights, share links). Loaded once per worker, in a fixed order, so a seed index means the
 * same file on every run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseProject } from '../src/core/project/index.ts';
import type { LayerLabProject } from '../src/core/project/index.ts';
import { exportProject } from '../src/interop/exportFiles.ts';
import type { ExportFormat } from '../src/interop/exportFiles.ts';
import { encodeShareFragment } from '../src/state/persistence/shareLink.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface SeedFile {
  /** Where it came from, e.g. "fixtures/keras/seq_mlp.keras" or "exported/xor.keras". */
  label: string;
  bytes: Uint8Array;
}

export interface TfjsSeed {
  label: string;
  modelJson: string;
  /** The weight files by the name model.json's manifest gives them. */
  weights: { name: string; bytes: Uint8Array }[];
}

export interface Seeds {
  kerasJson: SeedFile[];
  kerasFile: SeedFile[];
  tfjs: TfjsSeed[];
  project: SeedFile[];
  share: { label: string; fragment: string }[];
}

const FIXTURES = join(ROOT, 'tests/fixtures');

function filesIn(folder: string, test: (name: string) => boolean): string[] {
  return readdirSync(folder)
    .filter(test)
    .sort()
    .map((name) => join(folder, name));
}

const relative = (path: string): string => path.slice(ROOT.length).replace(/^tests\//, '');

async function exported(project: LayerLabProject, format: ExportFormat): Promise<{ name: string; data: Uint8Array }[]> {
  const result = await exportProject(project, format, {});
  if (!result.ok) return [];
  return result.files.map((f) => ({ name: f.name, data: typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data }));
}

let cached: Promise<Seeds> | null = null;

/** Every seed, built once per process. */
export function loadSeeds(): Promise<Seeds> {
  cached ??= buildSeeds();
  return cached;
}

async function buildSeeds(): Promise<Seeds> {
  const keras = join(FIXTURES, 'keras');
  const read = (path: string): SeedFile => ({ label: relative(path), bytes: new Uint8Array(readFileSync(path)) });
  const seeds: Seeds = {
    kerasJson: filesIn(keras, (n) => /^(seq|func)_[a-z_]+\.json$/.test(n) && !/\.(io|weights)\.json$/.test(n)).map(read),
    kerasFile: filesIn(keras, (n) => n.endsWith('.keras')).map(read),
    tfjs: [],
    project: [
      ...filesIn(join(FIXTURES, 'projects'), (n) => n.endsWith('.layerlab.json')),
      ...filesIn(join(FIXTURES, 'projects/v1/examples'), (n) => n.endsWith('.layerlab.json')),
      ...filesIn(join(ROOT, 'examples'), (n) => n.endsWith('.layerlab.json')),
    ].map(read),
    share: [],
  };
  const projects: { label: string; project: LayerLabProject }[] = [];
  for (const seed of seeds.project) {
    const parsed = parseProject(new TextDecoder().decode(seed.bytes));
    if (parsed.ok) projects.push({ label: seed.label, project: parsed.project });
  }
  for (const { label, project } of projects) {
    const stem = label.replace(/^.*\//, '').replace(/\.layerlab\.json$/, '');
    for (const file of await exported(project, 'keras')) seeds.kerasFile.push({ label: `exported/${stem}/${file.name}`, bytes: file.data });
    for (const file of await exported(project, 'keras-json')) seeds.kerasJson.push({ label: `exported/${stem}/${file.name}`, bytes: file.data });
    const tfjs = await exported(project, 'tfjs');
    const modelJson = tfjs.find((f) => f.name.endsWith('.json'));
    if (modelJson !== undefined) {
      seeds.tfjs.push({
        label: `exported/${stem}/${modelJson.name}`,
        modelJson: new TextDecoder().decode(modelJson.data),
        weights: tfjs.filter((f) => f !== modelJson).map((f) => ({ name: f.name, bytes: f.data })),
      });
    }
    const link = encodeShareFragment(project);
    if (link.ok) seeds.share.push({ label: `exported/${stem} share link`, fragment: link.fragment });
  }
  return seeds;
}
