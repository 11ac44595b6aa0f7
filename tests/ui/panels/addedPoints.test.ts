import { describe, expect, it } from 'vitest';
import { DATASET_CHOICES } from '../../../src/core/datasets/choices.ts';
import { generateDataset } from '../../../src/core/datasets/load.ts';
import type { BuiltinDatasetConfig, Dataset } from '../../../src/core/datasets/types.ts';
import { addedCount, clickToPoint, pickableClass, withAddedPoint, withClasses, withoutAddedPoints } from '../../../src/ui/panels/data/addedPoints.ts';
import { choiceId, configForChoice, groupChoices } from '../../../src/ui/panels/data/chooseData.ts';

const spiral: BuiltinDatasetConfig = { kind: 'builtin', name: 'spiral', samples: 100, noise: 0.1, seed: 4, classes: 3 };

function generated(config: BuiltinDatasetConfig): Dataset {
  const result = generateDataset(config);
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

/** Rows of the data equal to the point (features are float32, so compare as float32). */
function rowsAt(dataset: Dataset, x1: number, x2: number, label: number): number {
  let found = 0;
  for (let r = 0; r < dataset.numSamples; r++) {
    if (dataset.features[2 * r] === Math.fround(x1) && dataset.features[2 * r + 1] === Math.fround(x2) && dataset.labels[r] === label) found++;
  }
  return found;
}

describe('a click on the 2-D plot adds a point to the data', () => {
  it('the plane coordinates of the click become the point, rounded to two decimals', () => {
    expect(clickToPoint(2.34567, -1.00499, 1)).toEqual({ x1: 2.35, x2: -1, label: 1 });
    expect(Object.is(clickToPoint(-0.001, 0.004, 0).x1, 0)).toBe(true);
  });

  it('a click on the very edge stays inside the plot', () => {
    expect(clickToPoint(6.0004, -6.2, 0)).toEqual({ x1: 6, x2: -6, label: 0 });
  });

  it('the added point is in the generated data, of the picked class, with every generated point kept', () => {
    const before = generated(spiral);
    const next = withAddedPoint(spiral, clickToPoint(1.234, -4.5, 2));
    if (typeof next === 'string') throw new Error(next);
    expect(addedCount(next)).toBe(1);
    const after = generated(next);
    expect(after.numSamples).toBe(before.numSamples + 1);
    expect(rowsAt(after, 1.23, -4.5, 2)).toBe(1);
    // The original config is untouched (one undo step is the old config).
    expect(spiral.added).toBeUndefined();
  });

  it('"Remove added points" leaves exactly the generated data', () => {
    const one = withAddedPoint(spiral, { x1: 0, x2: 0, label: 0 });
    if (typeof one === 'string') throw new Error(one);
    const two = withAddedPoint(one, { x1: 1, x2: 1, label: 1 });
    if (typeof two === 'string') throw new Error(two);
    expect(addedCount(two)).toBe(2);
    const removed = withoutAddedPoints(two);
    expect(removed).toEqual(spiral);
    expect(generated(removed).features).toEqual(generated(spiral).features);
  });

  it('a full plot refuses another point with a message instead of breaking the data', () => {
    const full = { ...spiral, added: Array.from({ length: 10000 }, () => ({ x1: 0, x2: 0, label: 0 })) };
    expect(withAddedPoint(full, { x1: 1, x2: 1, label: 1 })).toBe('The plot holds at most 10,000 added points. Remove some before adding more.');
  });

  it('fewer classes drop the added points of the classes that are gone, so the data stays valid', () => {
    const config = { ...spiral, added: [{ x1: 1, x2: 1, label: 0 }, { x1: 2, x2: 2, label: 2 }] };
    const two = withClasses(config, 2);
    expect(two.classes).toBe(2);
    expect(two.added).toEqual([{ x1: 1, x2: 1, label: 0 }]);
    expect(generateDataset(two).ok).toBe(true);
    expect(withClasses({ ...spiral, added: [{ x1: 2, x2: 2, label: 2 }] }, 2)).not.toHaveProperty('added');
    expect(pickableClass(2, 2)).toBe(0);
    expect(pickableClass(1, 2)).toBe(1);
  });
});

describe('choosing data', () => {
  const choice = (id: string) => {
    const found = DATASET_CHOICES.find((c) => c.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('the chooser shows every kind under its heading, in order', () => {
    const groups = groupChoices(DATASET_CHOICES);
    expect(groups.map((g) => g.title)).toEqual(['2-D classification', 'Regression', 'Real data', 'Your data']);
    expect(groups.map((g) => g.choices.map((c) => c.id))).toEqual([
      ['builtin:circle', 'builtin:xor', 'builtin:gauss', 'builtin:moons', 'builtin:spiral'],
      ['regression:sine', 'regression:plane'],
      ['iris', 'mnist'],
      ['csv'],
    ]);
  });

  it('marks the choice the project uses', () => {
    expect(choiceId(spiral)).toBe('builtin:spiral');
    expect(choiceId({ kind: 'regression', name: 'plane', samples: 100, noise: 0, seed: 1 })).toBe('regression:plane');
    expect(choiceId({ kind: 'iris', seed: 1 })).toBe('iris');
    expect(choiceId({ kind: 'none' })).toBeNull();
  });

  it('another 2-D set keeps the points, noise, seed and (where it can) the classes, not the added points', () => {
    const withPoint = { ...spiral, added: [{ x1: 1, x2: 1, label: 2 }] };
    expect(configForChoice(choice('builtin:gauss'), withPoint)).toEqual({ kind: 'builtin', name: 'gauss', samples: 100, noise: 0.1, seed: 4, classes: 3 });
    expect(configForChoice(choice('builtin:xor'), withPoint)).toEqual({ kind: 'builtin', name: 'xor', samples: 100, noise: 0.1, seed: 4, classes: 2 });
  });

  it('another kind starts from its defaults with the same seed; nothing chosen yet gives the defaults', () => {
    expect(configForChoice(choice('iris'), spiral)).toEqual({ kind: 'iris', seed: 4 });
    expect(configForChoice(choice('mnist'), spiral)).toEqual({ kind: 'mnist', samples: 2000, seed: 4 });
    expect(configForChoice(choice('regression:sine'), { kind: 'none' })).toEqual(choice('regression:sine').defaultConfig);
    const sine = { kind: 'regression', name: 'sine', samples: 50, noise: 0.3, seed: 9 } as const;
    expect(configForChoice(choice('regression:plane'), sine)).toEqual({ ...sine, name: 'plane' });
  });

  it('CSV needs a file first, so choosing it sets nothing yet', () => {
    expect(configForChoice(choice('csv'), spiral)).toBeNull();
  });
});
