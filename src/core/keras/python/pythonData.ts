/**
 * The data part of an exported script or notebook, for every kind of dataset, so that the script runs offline and
 * trains on exactly the rows LayerLab trains on, in the same order (so `validation_split` holds out the same rows):
 * - the seeded sets (2-D classification, regression) are regenerated bit for bit by LayerLab's generator written
 *   in Python (pythonDataset.ts);
 * - Iris is written into the script: 150 rows, in the order the project's seed shuffled them;
 * - a CSV file and MNIST are too big for a script: they go in a data file written beside it (the CSV as LayerLab
 *   prepared it, MNIST's pixels in a numpy .npz), which the script reads with numpy. Never `keras.datasets`,
 *   which downloads.
 * Float32 values are written as the shortest decimal that reads back as the same float32, so numpy gets the
 * exact numbers.
 */
import { BUILTIN_DATASETS } from '../../datasets/builtin.ts';
import { REGRESSION_DATASETS } from '../../datasets/regression.ts';
import type { CsvDatasetConfig, Dataset, NoDataset, ProjectDataset } from '../../datasets/types.ts';
import type { GeneratedDatasetConfig } from './pythonDataset.ts';
import { pythonDataset } from './pythonDataset.ts';
import { markdownCode, markdownText } from './markdownText.ts';
import { wrapText } from './pythonRng.ts';
import { pythonCommentText, pythonFStringText, pythonString } from './pythonText.ts';

/** One array of an .npz file: the name numpy reads it by, its type, shape and values. */
export interface NpyArray {
  name: string;
  dtype: 'uint8' | 'int32' | 'float32';
  shape: number[];
  data: Uint8Array | Int32Array | Float32Array;
}

/** A data file written beside the script (interop/exportFiles.ts encodes it). */
export type PythonDataFile = { format: 'npz'; name: string; arrays: NpyArray[] } | { format: 'csv'; name: string; text: string };

/** Everything the script and the notebook say and do about the data. */
export interface PythonDataSection {
  /** Module imports the data code needs (numpy always). */
  imports: string[];
  /** The data-code step: an intro comment, then definitions. */
  definitions: string;
  /** The data step: makes `x` and `labels` (classification) or `targets` (regression), and prints a summary. */
  call: string;
  task: 'classification' | 'regression';
  /** For the header: "(the XOR dataset, the same points as in LayerLab)". */
  description: string;
  /** The notebook's markdown before the data code, and before the data step. */
  markdown: string;
  callMarkdown: string;
  dataFile: PythonDataFile | null;
}

/** Comment lines are wrapped to this many characters (after "# "). */
const COMMENT_WIDTH = 88;

/** A comment block; the text may quote the student's file, column and class names (pythonCommentText). */
const comment = (text: string): string => wrapText(pythonCommentText(text), COMMENT_WIDTH).map((line) => `# ${line}`).join('\n');

/**
 * The shortest decimal that reads back (as a double, then rounded to float32) as the float32 `value`: 5.1 for
 * Math.fround(5.1), so written data looks like the data a person typed.
 */
export function float32Literal(value: number): string {
  if (Object.is(value, -0)) return '-0.0';
  for (let digits = 1; digits <= 9; digits += 1) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(value);
}

/** A Python list of strings, e.g. ["setosa", "versicolor"]. */
const pyStrings = (items: readonly string[]): string => `[${items.map(pythonString).join(', ')}]`;

/** A CSV cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
const csvCell = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * A column name for the data file's header line, which the script skips as one line (np.loadtxt's skiprows=1): a
 * line break in the name, even quoted, would push the rest of the header into the numbers.
 */
const headerCell = (name: string): string => csvCell(name.replace(/[\r\n\u0085\u2028\u2029]+/g, ' '));

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---- the seeded sets -------------------------------------------------------------------------------------------

function generatedSection(config: GeneratedDatasetConfig, normal: boolean): PythonDataSection {
  const code = pythonDataset(config, { normal });
  const second = config.kind === 'builtin' ? 'labels' : 'targets';
  const intro = comment(
    `LayerLab makes its data with its own random numbers. The code below is LayerLab's generator written in Python, so you get exactly the points you saw in LayerLab: the same seed gives the same points. You do not need to read it: the line "x, ${second} = ${code.functionName}(...)" after it makes the data.`,
  );
  if (config.kind === 'builtin') {
    const info = BUILTIN_DATASETS[config.name];
    const added = config.added?.length ?? 0;
    const classes =
      config.name === 'circle'
        ? '2 classes: 0 = inside, 1 = outside'
        : config.name === 'xor'
          ? '2 classes: 0 = same sign (x1 and x2 both positive or both negative), 1 = opposite sign'
          : config.name === 'moons'
            ? '2 classes: 0 = upper moon, 1 = lower moon'
            : `${config.classes} classes, numbered 0 to ${config.classes - 1}`;
    return {
      imports: code.imports,
      definitions: `${intro}\n\n\n${code.definitions.replace(/\n+$/, '')}`,
      call: [
        `x, labels = ${code.call}`,
        `print(f"Data: {len(x)} points with 2 features (x1, x2), in ${String(config.classes)} classes")`,
      ].join('\n'),
      task: 'classification',
      description: `the ${info.title} dataset, the same points as in LayerLab`,
      markdown: [
        '## 1. The data',
        '',
        `**${info.title}**: ${info.description}`,
        '',
        `- ${String(config.samples)} points, each with two features, \`x1\` and \`x2\`, between -6 and 6` +
          (added > 0 ? `, and the ${plural(added, 'point')} you added by clicking` : ''),
        `- ${classes}`,
        `- noise ${String(config.noise)}, seed ${String(config.seed)}`,
        '',
        "The next cell is LayerLab's own data generator written in Python. It makes exactly the points you saw in " +
          'LayerLab, because the same seed gives the same points on every computer. You do not need to read it to ' +
          'follow the rest: just run it.',
      ].join('\n'),
      callMarkdown: 'Now make the data: `x` holds the features, one row `(x1, x2)` per point, and `labels` the class of each point.',
      dataFile: null,
    };
  }
  const info = REGRESSION_DATASETS[config.name];
  const features = info.featureNames;
  const featureText = `${plural(features.length, 'feature')} (${features.join(', ')})`;
  return {
    imports: code.imports,
    definitions: `${intro}\n\n\n${code.definitions.replace(/\n+$/, '')}`,
    call: [`x, targets = ${code.call}`, `print(f"Data: {len(x)} examples with ${featureText} and a number y to predict")`].join('\n'),
    task: 'regression',
    description: `the ${info.title} dataset, the same examples as in LayerLab`,
    markdown: [
      '## 1. The data',
      '',
      `**${info.title}**: ${info.description}`,
      '',
      `- ${String(config.samples)} examples, each with ${featureText} between -6 and 6 and a target \`y\`, the number to predict`,
      `- noise ${String(config.noise)} (the spread of the targets around the clean curve), seed ${String(config.seed)}`,
      '',
      "The next cell is LayerLab's own data generator written in Python. It makes exactly the examples you saw in " +
        'LayerLab, because the same seed gives the same numbers on every computer. You do not need to read it: just run it.',
    ].join('\n'),
    callMarkdown: `Now make the data: \`x\` holds the features, one row per example, and \`targets\` the number to predict for each.`,
    dataFile: null,
  };
}

// ---- Iris, written into the script -----------------------------------------------------------------------------

function irisSection(seed: number, data: Dataset): PythonDataSection {
  const rows: string[] = [];
  for (let r = 0; r < data.numSamples; r += 1) {
    const values = Array.from(data.features.subarray(r * data.numFeatures, (r + 1) * data.numFeatures), float32Literal);
    const label = data.labels[r] ?? 0;
    rows.push(`    (${values.join(', ')}, ${String(label)}),  # ${pythonCommentText(data.classNames[label] ?? '')}`);
  }
  const names = data.featureNames.join(', ');
  const definitions = [
    comment(
      `Fisher's Iris flowers: ${String(data.numSamples)} real flowers, 50 of each species, measured in centimetres. They are written out below in the order LayerLab shuffled them with seed ${String(seed)}, so the script trains (and validates) on the same flowers as LayerLab. Each row: ${names}, then the species number.`,
    ),
    `SPECIES = ${pyStrings(data.classNames)}`,
    'IRIS_FLOWERS = [',
    ...rows,
    ']',
    '',
    '',
    'def load_iris():',
    '    """The flowers as numpy arrays: features (float32, the 4 measurements in cm of each flower)',
    '    and labels (int32, the species number: 0 = setosa, 1 = versicolor, 2 = virginica)."""',
    '    features = np.array([flower[:4] for flower in IRIS_FLOWERS], dtype=np.float32)',
    '    labels = np.array([flower[4] for flower in IRIS_FLOWERS], dtype=np.int32)',
    '    return features, labels',
  ].join('\n');
  return {
    imports: ['import numpy as np'],
    definitions,
    call: ['x, labels = load_iris()', 'print(f"Data: {len(x)} flowers with 4 measurements each, in 3 species")'].join('\n'),
    task: 'classification',
    description: `Fisher's ${String(data.numSamples)} Iris flowers, in the order LayerLab uses`,
    markdown: [
      '## 1. The data',
      '',
      `**Iris flowers**: ${String(data.numSamples)} real flowers of three species (${data.classNames.join(', ')}), 50 of each, ` +
        `with four measurements in centimetres: ${names}. The measurements are used as they are, not rescaled.`,
      '',
      `The next cell holds every flower, in the order LayerLab shuffled them (seed ${String(seed)}), so the same ` +
        'flowers are held out for validation as in LayerLab.',
    ].join('\n'),
    callMarkdown: '`x` holds the measurements, one row of 4 per flower, and `labels` the species of each flower.',
    dataFile: null,
  };
}

// ---- data files: a CSV file and MNIST ----------------------------------------------------------------------------

const missingFileCheck = [
  '    if not os.path.exists(path):',
  '        raise SystemExit(',
  '            f"Cannot find {path}: LayerLab exported it together with this script. "',
  '            "Put it in the folder you run the script from (or write its full path in DATA_FILE)."',
  '        )',
];

function dataFileIntro(fileName: string): string {
  return [
    comment(
      `The examples are in ${fileName}, which LayerLab wrote next to this script: keep the two files in the same folder and run the script from there (or write the file's full path below).`,
    ),
    `DATA_FILE = ${pythonString(fileName)}`,
  ].join('\n');
}

const SCALING_TEXT: Readonly<Record<CsvDatasetConfig['normalization'], string>> = {
  none: 'as they are in your file',
  standardize: 'standardized: each column minus its mean, divided by its standard deviation',
  minmax: 'scaled from 0 (the column\'s smallest value) to 1 (its largest)',
};

function csvSection(config: CsvDatasetConfig, data: Dataset, fileName: string): PythonDataSection {
  const regression = data.task === 'regression';
  const header = [...data.featureNames, config.label].map(headerCell).join(',');
  const lines = [header];
  for (let r = 0; r < data.numSamples; r += 1) {
    const values = Array.from(data.features.subarray(r * data.numFeatures, (r + 1) * data.numFeatures), float32Literal);
    values.push(regression ? float32Literal(data.targets[r] ?? 0) : String(data.labels[r] ?? 0));
    lines.push(values.join(','));
  }
  const second = regression ? 'targets' : 'labels';
  // The file's name, its column names and class names are the student's text: `show` writes them for the comment
  // (as they are; comment() keeps them on their lines) or for markdown (markdownText: shown, never rendered).
  const describeFile = (show: (text: string) => string): string => {
    const columns = data.featureNames.map(show).join(', ');
    const labelText = regression
      ? `then the target "${show(config.label)}", the number to predict`
      : `then the label "${show(config.label)}" as a class number (0 = ${show(data.classNames[0] ?? '')}, 1 = ${show(data.classNames[1] ?? '')}${data.classNames.length > 2 ? ', ...' : ''})`;
    return `${show(config.fileName)} as LayerLab prepared it for training: the feature columns (${columns}), ${SCALING_TEXT[config.normalization]}, ${labelText}; the rows are in LayerLab's order, so the same rows are held out for validation.`;
  };
  const definitions = [
    dataFileIntro(fileName),
    '',
    comment(`The file holds ${describeFile((text) => text)}`),
    ...(regression ? [] : [`CLASS_NAMES = ${pyStrings(data.classNames)}  # class 0, class 1, ...`]),
    '',
    '',
    'def load_examples(path):',
    '    """Reads the examples: every column but the last is a feature (float32),',
    `    the last is the ${regression ? 'target (float32)' : 'class number (int32)'}."""`,
    ...missingFileCheck,
    '    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)',
    '    features = table[:, :-1].astype(np.float32)',
    `    ${second} = table[:, -1].astype(${regression ? 'np.float32' : 'np.int32'})`,
    `    return features, ${second}`,
  ].join('\n');
  const summary = regression ? `and a number (${pythonFStringText(config.label)}) to predict` : `in ${String(data.numClasses)} classes`;
  return {
    imports: ['import os', '', 'import numpy as np'],
    definitions,
    call: [`x, ${second} = load_examples(DATA_FILE)`, `print(f"Data: {len(x)} examples with {x.shape[1]} features, ${summary}")`].join('\n'),
    task: regression ? 'regression' : 'classification',
    description: `your file ${config.fileName}, as LayerLab prepared it, from ${fileName} beside this script`,
    markdown: [
      '## 1. The data',
      '',
      `Your data comes from **${markdownText(config.fileName)}**. LayerLab wrote it as ${markdownCode(fileName)}, next to this notebook: ${describeFile(markdownText)}`,
      '',
      'Keep the two files in the same folder. The next cell reads it with numpy.',
    ].join('\n'),
    callMarkdown: `Now read the data: \`x\` holds the features, one row per example, and \`${second}\` the ${regression ? 'number to predict' : 'class'} of each example.`,
    dataFile: { format: 'csv', name: fileName, text: `${lines.join('\n')}\n` },
  };
}

function mnistSection(seed: number, data: Dataset, fileName: string): PythonDataSection {
  const pixels = new Uint8Array(data.features.length);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = Math.round((data.features[i] ?? 0) * 255);
  const labels = Uint8Array.from(data.labels);
  const { width = 28, height = 28 } = data.image ?? {};
  const definitions = [
    dataFileIntro(fileName),
    comment(
      `It holds ${String(data.numSamples)} handwritten digits, ${String(width)}×${String(height)} pixels each: a class-balanced subset of the 10,000 digits of the mnist package that LayerLab picked and shuffled with seed ${String(seed)}, in the same order, so the same digits are held out for validation. "pixels" has one row of ${String(width * height)} grey levels (0 = black to 255 = white) per digit, row by row; "labels" has the digit.`,
    ),
    '',
    '',
    'def load_digits(path):',
    '    """Reads the digits: features (float32 grey levels from 0 to 1, as LayerLab uses them) and labels."""',
    ...missingFileCheck,
    '    with np.load(path) as data:',
    '        features = data["pixels"].astype(np.float32) / 255',
    '        labels = data["labels"].astype(np.int32)',
    '    return features, labels',
  ].join('\n');
  return {
    imports: ['import os', '', 'import numpy as np'],
    definitions,
    call: ['x, labels = load_digits(DATA_FILE)', `print(f"Data: {len(x)} handwritten digits of ${String(width)}x${String(height)} pixels, in 10 classes")`].join('\n'),
    task: 'classification',
    description: `${String(data.numSamples)} MNIST handwritten digits, the ones LayerLab uses, from ${fileName} beside this script`,
    markdown: [
      '## 1. The data',
      '',
      `**MNIST handwritten digits**: ${String(data.numSamples)} real digits, ${String(width)}×${String(height)} grey pixels each, the ` +
        `ones LayerLab trains on (a balanced subset picked with seed ${String(seed)}). LayerLab wrote them as ${markdownCode(fileName)}, ` +
        'next to this notebook; keep the two files in the same folder. The next cell reads them with numpy, without downloading anything.',
    ].join('\n'),
    callMarkdown: '`x` holds the digits, one row of 784 grey levels (0 to 1) per digit, and `labels` the digit each one shows.',
    dataFile: {
      format: 'npz',
      name: fileName,
      arrays: [
        { name: 'pixels', dtype: 'uint8', shape: [data.numSamples, data.numFeatures], data: pixels },
        { name: 'labels', dtype: 'uint8', shape: [data.numSamples], data: labels },
      ],
    },
  };
}

/**
 * The data section for a project's dataset. `data` is the dataset LayerLab made from it: needed for Iris, a CSV
 * file and MNIST (their rows are written out), unused for the seeded sets (the script regenerates them).
 * `fileStem` names the data file: "<stem>_data.csv" or "<stem>_data.npz". `normal`: the script draws normal numbers
 * too (starting weights), so a seeded set's generator is written with them (see pythonDataset).
 */
export function pythonDataSection(
  config: Exclude<ProjectDataset, NoDataset>,
  data: Dataset | null,
  fileStem: string,
  options: { normal?: boolean } = {},
): PythonDataSection | { ok: false; message: string } {
  if (config.kind === 'builtin' || config.kind === 'regression') return generatedSection(config, options.normal ?? false);
  if (data === null) {
    return {
      ok: false,
      message:
        config.kind === 'mnist'
          ? 'The MNIST digits are not loaded, so they cannot be written beside the script; try the export again once they have loaded.'
          : 'The data could not be made, so it cannot be written into the script.',
    };
  }
  switch (config.kind) {
    case 'iris':
      return irisSection(config.seed, data);
    case 'csv':
      return csvSection(config, data, `${fileStem}_data.csv`);
    case 'mnist':
      return mnistSection(config.seed, data, `${fileStem}_data.npz`);
  }
}
