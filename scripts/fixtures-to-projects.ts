/**
 * Turns every Keras fixture LayerLab can import into a LayerLab project file, for the CLI tests.
 *
 *   npx tsx scripts/fixtures-to-projects.ts
 *
 * Reads tests/fixtures/keras/index.json and each NAME.json (model.to_json() from real Keras), imports it with
 * importKerasConfig and writes tests/fixtures/projects/NAME.layerlab.json (untrained: weights null, a fixed
 * dataset and training settings). Also writes tests/fixtures/projects/expected.json: for each project, Keras's
 * parameter count (index.json) and output shapes (NAME.io.json), for the tests to compare against.
 * Fixtures that cannot be imported are reported and skipped. Output is deterministic.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importKerasConfig } from '../src/core/keras/importConfig.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures', 'keras');
const PROJECTS_DIR = path.join(ROOT, 'tests', 'fixtures', 'projects');

const DATASET = { kind: 'builtin', name: 'xor', samples: 200, noise: 0.1, seed: 1, classes: 2 } as const;
const TRAINING = {
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 16,
  epochs: 10,
  loss: 'binary_crossentropy',
  validationSplit: 0,
  seed: 1,
} as const;

interface FixtureEntry {
  name: string;
  params: number;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readIndex(): FixtureEntry[] {
  const index = readJson(path.join(FIXTURES_DIR, 'index.json'));
  const fixtures = isRecord(index) ? index.fixtures : undefined;
  if (!Array.isArray(fixtures)) throw new Error('tests/fixtures/keras/index.json has no "fixtures" list');
  return fixtures.map((entry: unknown, i) => {
    if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.params !== 'number') {
      throw new Error(`index.json fixture #${i + 1} has no name or params`);
    }
    return { name: entry.name, params: entry.params };
  });
}

function readOutputShapes(name: string): unknown[] {
  const io = readJson(path.join(FIXTURES_DIR, `${name}.io.json`));
  const shapes = isRecord(io) ? io.output_shapes : undefined;
  if (!Array.isArray(shapes)) throw new Error(`${name}.io.json has no "output_shapes" list`);
  return shapes as unknown[];
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

function main(): number {
  mkdirSync(PROJECTS_DIR, { recursive: true });
  const expected: Record<string, { params: number; output_shapes: unknown[] }> = {};
  let skipped = 0;
  for (const fixture of readIndex()) {
    const result = importKerasConfig(readJson(path.join(FIXTURES_DIR, `${fixture.name}.json`)));
    if (!result.ok) {
      skipped += 1;
      console.error(`skipped ${fixture.name}:`);
      for (const problem of result.problems) console.error(`  ${problem.message}`);
      continue;
    }
    for (const warning of result.warnings) console.warn(`${fixture.name}: ${warning}`);
    const project = {
      format: 'layerlab-project',
      version: 1,
      name: fixture.name,
      graph: result.graph,
      dataset: DATASET,
      training: TRAINING,
      weights: null,
    };
    writeJson(path.join(PROJECTS_DIR, `${fixture.name}.layerlab.json`), project);
    expected[fixture.name] = { params: fixture.params, output_shapes: readOutputShapes(fixture.name) };
    console.log(`wrote tests/fixtures/projects/${fixture.name}.layerlab.json`);
  }
  writeJson(path.join(PROJECTS_DIR, 'expected.json'), expected);
  console.log(`wrote tests/fixtures/projects/expected.json (${Object.keys(expected).length} projects, ${skipped} skipped)`);
  return 0;
}

process.exitCode = main();
