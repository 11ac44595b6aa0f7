import { describe, it, expect } from 'vitest';
import {
  classCounts,
  csvDataset,
  inspectCsv,
  validateCsvDatasetConfig,
  type CsvDatasetConfig,
  type Dataset,
} from '../../../src/core/datasets/index.ts';

const FLOWERS = [
  'sepal length,sepal width,petal width,species',
  '5.1,3.5,0.2,setosa',
  '7.0,3.2,1.4,versicolor',
  '6.3,3.3,2.5,virginica',
  '4.9,3.0,0.2,setosa',
  '6.4,3.2,1.5,versicolor',
  '5.8,2.7,1.9,virginica',
].join('\n');

function config(text: string, overrides: Partial<CsvDatasetConfig> = {}): CsvDatasetConfig {
  return {
    kind: 'csv',
    fileName: 'flowers.csv',
    text,
    features: ['sepal length', 'sepal width'],
    label: 'species',
    task: 'classification',
    normalization: 'none',
    seed: 1,
    ...overrides,
  };
}

function build(cfg: CsvDatasetConfig): Dataset {
  const result = csvDataset(cfg);
  if (!result.ok) throw new Error(result.message);
  return result.dataset;
}

function messageFor(cfg: CsvDatasetConfig): string {
  const result = csvDataset(cfg);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.message;
}

/** Rows as "feature values → label" strings, independent of the shuffle order. */
function sortedRows(d: Dataset): string[] {
  return Array.from({ length: d.numSamples }, (_, i) => {
    const values = Array.from(d.features.subarray(i * d.numFeatures, (i + 1) * d.numFeatures), (v) => v.toFixed(2));
    const answer = d.task === 'classification' ? d.classNames[d.labels[i] as number] : (d.targets[i] as number).toFixed(2);
    return `${values.join(' ')} -> ${answer}`;
  }).sort();
}

describe('csvDataset: a good file', () => {
  it('reads the chosen columns, with classes in alphabetical order', () => {
    const d = build(config(FLOWERS));
    expect(d.name).toBe('flowers.csv');
    expect(d.task).toBe('classification');
    expect(d.numSamples).toBe(6);
    expect(d.numFeatures).toBe(2);
    expect(d.featureNames).toEqual(['sepal length', 'sepal width']);
    expect(d.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(d.numClasses).toBe(3);
    expect(classCounts(d.labels, 3)).toEqual([2, 2, 2]);
    expect(d.targets).toHaveLength(0);
    expect(sortedRows(d)).toEqual([
      '4.90 3.00 -> setosa',
      '5.10 3.50 -> setosa',
      '5.80 2.70 -> virginica',
      '6.30 3.30 -> virginica',
      '6.40 3.20 -> versicolor',
      '7.00 3.20 -> versicolor',
    ]);
  });

  it('takes the features in the order chosen, not the file order', () => {
    const d = build(config(FLOWERS, { features: ['petal width', 'sepal length'] }));
    expect(d.featureNames).toEqual(['petal width', 'sepal length']);
    expect(sortedRows(d)).toContain('0.20 5.10 -> setosa');
  });

  it('shuffles the rows with the seed: the same seed gives the same order, another seed another order', () => {
    const many = ['a,b,label', ...Array.from({ length: 60 }, (_, i) => `${i},${i * 2},${i % 3}`)].join('\n');
    const one = build(config(many, { features: ['a', 'b'], label: 'label', seed: 4 }));
    const again = build(config(many, { features: ['a', 'b'], label: 'label', seed: 4 }));
    const other = build(config(many, { features: ['a', 'b'], label: 'label', seed: 5 }));
    expect(again.features).toEqual(one.features);
    expect(other.features).not.toEqual(one.features);
    expect(sortedRows(other)).toEqual(sortedRows(one));
    // Not in file order.
    expect(Array.from(one.features.filter((_, k) => k % 2 === 0))).not.toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('sorts numeric labels numerically, so class "10" comes after class "2"', () => {
    const text = ['x,grade', '1,10', '2,2', '3,1', '4,10'].join('\n');
    const d = build(config(text, { features: ['x'], label: 'grade' }));
    expect(d.classNames).toEqual(['1', '2', '10']);
  });

  it('regression: the label column becomes the target, named after the column', () => {
    const text = ['rooms,area,price', '3,70,250.5', '2,45,180', '4,90,320'].join('\n');
    const d = build(config(text, { features: ['rooms', 'area'], label: 'price', task: 'regression' }));
    expect(d.task).toBe('regression');
    expect(d.targetName).toBe('price');
    expect(d.numClasses).toBe(0);
    expect(d.classNames).toEqual([]);
    expect(d.labels).toHaveLength(0);
    expect(sortedRows(d)).toEqual(['2.00 45.00 -> 180.00', '3.00 70.00 -> 250.50', '4.00 90.00 -> 320.00']);
  });
});

describe('csvDataset: separators, quotes and line endings', () => {
  it('reads a semicolon file with decimal commas (as spreadsheets write in much of Europe)', () => {
    const text = ['sepal length;sepal width;species', '5,1;3,5;setosa', '7,0;3,2;versicolor'].join('\n');
    expect(sortedRows(build(config(text)))).toEqual(['5.10 3.50 -> setosa', '7.00 3.20 -> versicolor']);
    expect(inspectCsv(text).delimiter).toBe(';');
  });

  it('reads tab-separated files', () => {
    const text = FLOWERS.replaceAll(',', '\t');
    expect(sortedRows(build(config(text)))).toEqual(sortedRows(build(config(FLOWERS))));
    expect(inspectCsv(text).delimiter).toBe('\t');
  });

  it('reads quoted headers and values, with commas and line breaks inside quotes', () => {
    const text = [
      '"width, in cm","height","kind"',
      '1.5,"2.5","small, round"',
      '3.5,4.5,"tall',
      'and thin"',
      '5.5,"x",small',
    ].join('\n');
    const inspection = inspectCsv(text);
    expect(inspection.headers).toEqual(['width, in cm', 'height', 'kind']);
    expect(inspection.rowCount).toBe(3);
    // The quoted line break makes the last row line 5 of the file.
    expect(messageFor(config(text, { features: ['width, in cm', 'height'], label: 'kind' }))).toBe(
      'Line 5, column "height": "x" is not a number.',
    );
  });

  it('skips empty lines, handles Windows line endings and a byte order mark, and still counts lines right', () => {
    const text = '\uFEFFsepal length,sepal width,species\r\n5.1,3.5,setosa\r\n\r\n   \r\n4.9,oops,setosa\r\n7.0,3.2,versicolor\r\n\r\n';
    expect(inspectCsv(text).headers).toEqual(['sepal length', 'sepal width', 'species']);
    expect(inspectCsv(text).rowCount).toBe(3);
    expect(messageFor(config(text))).toBe('Line 5, column "sepal width": "oops" is not a number.');
  });
});

describe('csvDataset: bad values give one message naming every line and column', () => {
  it('names both lines and both columns when two rows have bad values', () => {
    const text = [
      'sepal length,sepal width,petal width,species',
      '5.1,3.5,0.2,setosa',
      '7.0,abc,1.4,versicolor',
      '6.3,3.3,2.5,virginica',
      ',3.0,0.2,setosa',
    ].join('\n');
    expect(messageFor(config(text))).toBe(
      'The file has 2 problems: Line 3, column "sepal width": "abc" is not a number. Line 5, column "sepal length": the value is missing.',
    );
  });

  it('lists the first 10 problems and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `${i},?,a` : `${i},1,b`));
    const message = messageFor(config(['x,y,label', ...rows].join('\n'), { features: ['x', 'y'], label: 'label' }));
    expect(message.startsWith('The file has 15 problems: Line 2, column "y": "?" is not a number. Line 4, column "y"')).toBe(true);
    expect(message).toContain('Line 20, column "y"');
    expect(message).not.toContain('Line 22,');
    expect(message.endsWith('…and 5 more.')).toBe(true);
  });

  it('reports a missing label and a row with too many values', () => {
    const text = ['a,b,label', '1,2,', '3,4,yes,extra', '5,6,no'].join('\n');
    expect(messageFor(config(text, { features: ['a', 'b'], label: 'label' }))).toBe(
      'The file has 2 problems: Line 2, column "label": the label is missing. Line 3 has 4 values, but the header line names 3 columns (a value containing commas needs "quotes" around it).',
    );
  });

  it('accepts trailing empty values (a spreadsheet\'s trailing commas)', () => {
    const text = ['a,b,label,,', '1,2,yes,,', '3,4,no,,'].join('\n');
    expect(build(config(text, { features: ['a', 'b'], label: 'label' })).numSamples).toBe(2);
  });

  it('a regression target must be numbers', () => {
    const text = ['x,price', '1,100', '2,n/a', '3,300'].join('\n');
    expect(messageFor(config(text, { features: ['x'], label: 'price', task: 'regression' }))).toBe(
      'Line 3, column "price": "n/a" is not a number.',
    );
  });

  it('a text column chosen as a feature is named once, with advice', () => {
    expect(messageFor(config(FLOWERS, { features: ['species'], label: 'sepal length' }))).toBe(
      'The column "species" holds text such as "setosa", not numbers, so it cannot be a feature. Choose it as the label, or leave it out.',
    );
  });

  it('a column that is not in the file is named, with the columns there are', () => {
    expect(messageFor(config(FLOWERS, { features: ['petal length'] }))).toBe(
      'The file has no column named "petal length" for the features. Its columns are "sepal length", "sepal width", "petal width", "species".',
    );
  });
});

describe('csvDataset: classes', () => {
  it('refuses more than 50 classes and suggests regression', () => {
    const text = ['x,price', ...Array.from({ length: 80 }, (_, i) => `${i},${1000 + i * 7}`)].join('\n');
    expect(messageFor(config(text, { features: ['x'], label: 'price' }))).toBe(
      'The label column "price" has 80 different values, too many classes for classification (at most 50). If it is an amount to predict, such as a price, choose the regression task instead.',
    );
    expect(build(config(text, { features: ['x'], label: 'price', task: 'regression' })).numSamples).toBe(80);
  });

  it('refuses a label with a single class', () => {
    const text = ['x,label', '1,a', '2,a'].join('\n');
    expect(messageFor(config(text, { features: ['x'], label: 'label' }))).toBe(
      'The label column "label" has only one value ("a"), so there is nothing to tell apart. Classification needs at least 2 classes.',
    );
  });
});

describe('csvDataset: normalisation', () => {
  const text = ['a,b,c,label', ...Array.from({ length: 40 }, (_, i) => `${i * 3 + 10},${(i * 7) % 11 - 5},4,${i % 2}`)].join('\n');
  const columns = (d: Dataset): number[][] =>
    Array.from({ length: d.numFeatures }, (_, f) => Array.from({ length: d.numSamples }, (_, i) => d.features[i * d.numFeatures + f] as number));
  const mean = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
  const sd = (v: number[]): number => Math.sqrt(mean(v.map((x) => (x - mean(v)) ** 2)));

  it("'standardize' gives every feature mean 0 and standard deviation 1; a constant column becomes 0", () => {
    const [a = [], b = [], c = []] = columns(build(config(text, { features: ['a', 'b', 'c'], label: 'label', normalization: 'standardize' })));
    for (const column of [a, b]) {
      expect(Math.abs(mean(column))).toBeLessThan(1e-6);
      expect(sd(column)).toBeCloseTo(1, 5);
    }
    expect(c.every((v) => v === 0)).toBe(true);
  });

  it("'minmax' maps every feature onto 0..1", () => {
    const [a = [], b = []] = columns(build(config(text, { features: ['a', 'b'], label: 'label', normalization: 'minmax' })));
    for (const column of [a, b]) {
      expect(Math.min(...column)).toBe(0);
      expect(Math.max(...column)).toBe(1);
    }
  });

  it("'none' keeps the values as they are in the file", () => {
    const [a = []] = columns(build(config(text, { features: ['a'], label: 'label', normalization: 'none' })));
    expect(Math.min(...a)).toBe(10);
    expect(Math.max(...a)).toBe(127);
  });
});

describe('csv limits', () => {
  it('refuses more than 100,000 rows', () => {
    const text = `x,y\n${'1,2\n'.repeat(100_001)}`;
    expect(inspectCsv(text)).toMatchObject({
      ok: false,
      message: 'The file has more than 100,000 rows of data, the most LayerLab trains on. Keep fewer rows.',
    });
    expect(inspectCsv(`x,y\n${'1,2\n'.repeat(100_000)}`).rowCount).toBe(100_000);
  });

  it('refuses more than 1,000 columns', () => {
    const header = Array.from({ length: 1001 }, (_, i) => `c${i}`).join(',');
    expect(inspectCsv(`${header}\n${'1,'.repeat(1000)}1`).message).toBe(
      'The file has 1,001 columns, and LayerLab reads at most 1,000. Keep fewer columns.',
    );
  });

  it('refuses text over 20 MB before reading it', () => {
    const text = 'x\n' + '1234567\n'.repeat(2_700_000);
    expect(inspectCsv(text).message).toBe('The file is 20.6 MB, and LayerLab reads CSV files of up to 20.0 MB. Keep fewer rows or columns.');
    expect(validateCsvDatasetConfig(config(text))).toBe('The CSV file is larger than 20 MB, the most LayerLab reads.');
  });
});

describe('inspectCsv', () => {
  it('describes each column for the column picker', () => {
    const text = ['id,size,colour,score', '1,2.5,red,7', '2,3.5,blue,', '3,x,red,9', '4,4.5,,8'].join('\n');
    const inspection = inspectCsv(text);
    expect(inspection.ok).toBe(true);
    expect(inspection.headers).toEqual(['id', 'size', 'colour', 'score']);
    expect(inspection.rowCount).toBe(4);
    expect(inspection.delimiter).toBe(',');
    expect(inspection.message).toBeUndefined();
    expect(inspection.columns).toEqual([
      { name: 'id', numeric: true, distinctCount: 4, distinctValues: ['1', '2', '3', '4'], badRows: 0 },
      { name: 'size', numeric: true, distinctCount: 4, distinctValues: ['2.5', '3.5', '4.5', 'x'], badRows: 1 },
      { name: 'colour', numeric: false, distinctCount: 2, distinctValues: ['blue', 'red'], badRows: 1 },
      { name: 'score', numeric: true, distinctCount: 3, distinctValues: ['7', '8', '9'], badRows: 1 },
    ]);
  });

  it('shows at most 20 distinct values, numbers in numeric order', () => {
    const text = ['n', ...Array.from({ length: 30 }, (_, i) => String(30 - i))].join('\n');
    const [column] = inspectCsv(text).columns;
    expect(column?.distinctCount).toBe(30);
    expect(column?.distinctValues).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });

  it('warns about lines with a different number of values from the header', () => {
    const text = ['a,b,c', '1,2,3', '1,2', '1,2,3,4', '1,2,3'].join('\n');
    const inspection = inspectCsv(text);
    expect(inspection.ok).toBe(true);
    expect(inspection.message).toBe(
      "Lines 3 and 4 have a different number of values from the header line's 3 (the values are separated by commas).",
    );
  });

  it.each<[string, string, string]>([
    ['an empty file', '  \n\n', 'The file is empty.'],
    ['a header without rows', 'a,b\n\n', 'The file has a header line (line 1) but no rows of data under it.'],
    ['two columns with one name', 'x,y,x\n1,2,3', 'Columns 1 and 3 are both named "x" (line 1). Give every column its own name in the header line.'],
    ['a quote that never closes', 'a,b\n1,2\n"3,4\n5,6', 'Line 3 opens a quote (") that is never closed, so the rest of the file reads as one value.'],
  ])('refuses %s with a message', (_label, text, message) => {
    expect(inspectCsv(text)).toEqual({ ok: false, headers: [], rowCount: 0, columns: [], delimiter: ',', message });
    expect(csvDataset(config(text)).ok).toBe(false);
  });

  it('names empty header cells by their position', () => {
    expect(inspectCsv(',b\n1,2').headers).toEqual(['column 1', 'b']);
  });
});

describe('validateCsvDatasetConfig', () => {
  it.each<[string, Partial<Record<keyof CsvDatasetConfig, unknown>>, string]>([
    ['no features', { features: [] }, 'Choose at least one feature column for the network to read.'],
    ['a feature twice', { features: ['a', 'a'] }, 'The column "a" is chosen twice as a feature.'],
    ['the label as a feature', { features: ['species'] }, 'The column "species" cannot be both a feature and the label: the network would be shown the answer.'],
    ['no label', { label: '' }, 'Choose the column the network should predict (got "").'],
    ['an unknown task', { task: 'clustering' }, 'The task must be "classification" or "regression" (got "clustering").'],
    ['an unknown normalisation', { normalization: 'zscore' }, 'Normalisation must be "standardize", "minmax" or "none" (got "zscore").'],
    ['no text', { text: undefined }, "The CSV file's contents are missing (got nothing)."],
  ])('%s', (_label, overrides, message) => {
    const cfg = config(FLOWERS, overrides as Partial<CsvDatasetConfig>);
    expect(validateCsvDatasetConfig(cfg)).toBe(message);
    expect(messageFor(cfg)).toBe(message);
  });

  it('accepts a usable config', () => {
    expect(validateCsvDatasetConfig(config(FLOWERS))).toBeNull();
  });
});
