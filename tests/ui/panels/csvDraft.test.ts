import { describe, expect, it } from 'vitest';
import { csvDataset, inspectCsv } from '../../../src/core/datasets/csv.ts';
import type { CsvInspection } from '../../../src/core/datasets/csv.ts';
import {
  defaultCsvDraft,
  draftConfig,
  draftFromConfig,
  fileSizeProblem,
  guessTask,
  MAX_GUESSED_CLASSES,
  withFeature,
  withLabel,
} from '../../../src/ui/panels/data/csvDraft.ts';

function inspect(text: string): CsvInspection {
  const inspection = inspectCsv(text);
  if (!inspection.ok) throw new Error(inspection.message);
  return inspection;
}

const rows = (n: number, row: (i: number) => string): string => Array.from({ length: n }, (_, i) => row(i)).join('\n');
const draftOf = (text: string, name = 'data.csv') => defaultCsvDraft(name, text, inspect(text), 1);

describe('the CSV column picker: defaults', () => {
  it('the last column is the label and every other numeric column a feature, text columns left out', () => {
    const draft = draftOf(`name,age,height,city,smoker\n${rows(6, (i) => `p${i},${20 + i},${1.6 + i / 10},c${i % 2},${i % 2 ? 'yes' : 'no'}`)}`);
    expect(draft.label).toBe('smoker');
    expect(draft.features).toEqual(['age', 'height']);
    expect(draft.task).toBe('classification');
    expect(draft.normalization).toBe('standardize');
    expect(csvDataset(draftConfig(draft)).ok).toBe(true);
  });

  it('a numeric label column is not also a feature', () => {
    const draft = draftOf(`a,b,y\n${rows(5, (i) => `${i},${i * 2},${i % 2}`)}`);
    expect(draft.features).toEqual(['a', 'b']);
    expect(draft.label).toBe('y');
  });
});

describe('guessing classification or regression from the label column', () => {
  const guess = (values: string[]) => {
    const inspection = inspect(`x,label\n${values.map((v, i) => `${i},${v}`).join('\n')}`);
    return guessTask(inspection.columns[1], inspection.delimiter);
  };

  it('text labels and a few whole numbers are classes', () => {
    expect(guess(['cat', 'dog', 'cat', 'bird'])).toBe('classification');
    expect(guess(['0', '1', '1', '0', '1'])).toBe('classification');
    expect(guess(Array.from({ length: 40 }, (_, i) => String(i % MAX_GUESSED_CLASSES)))).toBe('classification');
  });

  it('many different numbers, or numbers with fractions, are an amount to predict', () => {
    expect(guess(Array.from({ length: 40 }, (_, i) => String(i % (MAX_GUESSED_CLASSES + 1))))).toBe('regression');
    expect(guess(['1.5', '2.25', '3.75', '1.5'])).toBe('regression');
    expect(guess(Array.from({ length: 30 }, (_, i) => String(100000 + 1234 * i)))).toBe('regression');
  });

  it('two values stay classes even when written with decimals', () => {
    expect(guess(['0.0', '1.0', '1.0', '0.0'])).toBe('classification');
    expect(guess(['0.5', '1.5', '0.5'])).toBe('classification');
  });

  it('reads decimal commas in a semicolon file', () => {
    const inspection = inspect(`x;price\n${rows(4, (i) => `${i};${i + 1},5`)}`);
    expect(guessTask(inspection.columns[1], inspection.delimiter)).toBe('regression');
  });

  it('the default label of a file of house prices is a regression target', () => {
    const draft = draftOf(`rooms,area,price\n${rows(30, (i) => `${1 + (i % 5)},${50 + i * 3},${100000 + i * 2500}`)}`);
    expect(draft.task).toBe('regression');
    expect(draft.features).toEqual(['rooms', 'area']);
  });
});

describe('changing the picks', () => {
  const text = `sepal,petal,colour,species\n${rows(6, (i) => `${5 + i / 10},${1 + i / 5},c${i % 3},${['a', 'b', 'c'][i % 3]}`)}`;

  it('choosing another label takes it out of the features and gives the old numeric label back, in file order', () => {
    const numeric = draftOf(`a,b,c\n${rows(6, (i) => `${i},${i * 2},${i % 2}`)}`);
    const relabelled = withLabel(numeric, 'a');
    expect(relabelled.label).toBe('a');
    expect(relabelled.features).toEqual(['b', 'c']);
    expect(relabelled.task).toBe('classification');
  });

  it('a text label that stops being the label does not become a feature; the new label is guessed afresh', () => {
    const draft = withLabel(draftOf(text), 'petal');
    expect(draft.features).toEqual(['sepal']);
    // petal holds measurements with fractions (1, 1.2, 1.4, …): a number to predict.
    expect(draft.task).toBe('regression');
    expect(withLabel(draft, 'species').task).toBe('classification');
  });

  it('features switch on and off, stay in file order, and the label cannot be ticked', () => {
    const draft = draftOf(text);
    const without = withFeature(draft, 'sepal', false);
    expect(without.features).toEqual(['petal']);
    expect(withFeature(without, 'sepal', true).features).toEqual(['sepal', 'petal']);
    expect(withFeature(draft, 'species', true)).toBe(draft);
  });

  it('with no feature ticked, the data says what to do instead of failing', () => {
    const none = withFeature(withFeature(draftOf(text), 'sepal', false), 'petal', false);
    const built = csvDataset(draftConfig(none));
    expect(built).toEqual({ ok: false, message: 'Choose at least one feature column for the network to read.' });
  });

  it('a project’s CSV settings open the picker as they were', () => {
    const config = draftConfig(withLabel(draftOf(text, 'iris.csv'), 'petal'));
    const reopened = draftFromConfig(config, inspect(config.text));
    expect(draftConfig(reopened)).toEqual(config);
  });
});

describe('the file itself', () => {
  it('a file over 20 MB is refused before it is read, with its size', () => {
    expect(fileSizeProblem('big.csv', 20 * 1024 * 1024)).toBeNull();
    expect(fileSizeProblem('big.csv', 31.5 * 1024 * 1024)).toBe(
      'big.csv is 31.5 MB; LayerLab reads CSV files up to 20 MB. Remove rows or columns you do not need and try again.',
    );
  });

  it('a bad value is reported with its line and column, and the picks stay as they were', () => {
    const text = `x1,x2,label\n1,2,a\n3,oops,b\n5,6,a\n7,8,b\n`;
    const draft = draftOf(text);
    expect(draft.features).toEqual(['x1', 'x2']);
    const built = csvDataset(draftConfig(draft));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.message).toMatch(/Line 3, column "x2".*"oops"/);
  });
});
