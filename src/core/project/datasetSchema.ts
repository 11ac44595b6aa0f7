/**
 * The `dataset` section of a version 2 project file: one zod schema per kind (picked by `kind`), the range checks
 * zod cannot express field by field, and how messages name the dataset's fields. schema.ts uses these for the
 * whole file. Structure only: whether a CSV file's columns exist, or the data fits the network, is checked when
 * the project is validated (core/validation), so such a file still opens and the student can fix it in the app.
 */
import { z } from 'zod';
import { BUILTIN_DATASET_NAMES, BUILTIN_DATASETS, DATASET_LIMITS } from '../datasets/builtin.ts';
import { IRIS_DEFAULT_CONFIG } from '../datasets/iris.ts';
import { MNIST_DEFAULT_CONFIG, MNIST_LIMITS } from '../datasets/mnist.ts';
import { REGRESSION_DATASET_NAMES, REGRESSION_DATASETS } from '../datasets/regression.ts';
import type {
  BuiltinDatasetName,
  CsvNormalization,
  CsvTask,
  DatasetKind,
  ProjectDataset,
  RegressionDatasetName,
} from '../datasets/types.ts';
import type { PathSegment } from './jsonText.ts';
import { describeValue, isFiniteNumber, isRecord, megabytes, ordinal, own, quote, utf8Length } from './jsonText.ts';
import { DEFAULT_PROJECT_DATASET } from './types.ts';

/** A CSV file kept in a project may be at most this many bytes of UTF-8 (the project file itself may be 50 MB). */
export const MAX_CSV_TEXT_BYTES = 20 * 1024 * 1024;

/** Points a student may add by clicking on the plot, at most (as many as the largest generated set). */
export const MAX_ADDED_POINTS = DATASET_LIMITS.maxAddedPoints;

/** Added points lie in the plot's frame, [-6, 6]² (where every generated point lies). */
export const ADDED_POINT_LIMIT = DATASET_LIMITS.plotLimit;

// The words each field may take, in the order the datasets module lists them.
const BUILTIN_NAMES = [...BUILTIN_DATASET_NAMES] as [BuiltinDatasetName, ...BuiltinDatasetName[]];
const REGRESSION_NAMES = [...REGRESSION_DATASET_NAMES] as [RegressionDatasetName, ...RegressionDatasetName[]];
const REGRESSION_DEFAULT = REGRESSION_DATASETS.sine.defaultConfig;
const CSV_TASKS = ['classification', 'regression'] as const satisfies readonly CsvTask[];
const CSV_NORMALIZATIONS = ['none', 'standardize', 'minmax'] as const satisfies readonly CsvNormalization[];

/** Every dataset kind, in the order messages list them. */
export const DATASET_KINDS = ['builtin', 'regression', 'iris', 'mnist', 'csv', 'none'] as const satisfies readonly DatasetKind[];
// Fails to compile when types.ts gains a kind this file does not know.
const EVERY_KIND_LISTED: Exclude<DatasetKind, (typeof DATASET_KINDS)[number]> extends never ? true : never = true;
void EVERY_KIND_LISTED;

const addedPointSchema = z.strictObject({ x1: z.number(), x2: z.number(), label: z.number() });

/** A seeded 2-D classification set, with any points the student added by clicking. */
export const builtinDatasetSchema = z.strictObject({
  kind: z.literal('builtin'),
  name: z.enum(BUILTIN_NAMES).default(DEFAULT_PROJECT_DATASET.name),
  samples: z.number().default(DEFAULT_PROJECT_DATASET.samples),
  noise: z.number().default(DEFAULT_PROJECT_DATASET.noise),
  seed: z.number().default(DEFAULT_PROJECT_DATASET.seed),
  classes: z.number().default(DEFAULT_PROJECT_DATASET.classes),
  // Elements are checked here for type, and by checkDataset for range (the first bad point only per field).
  added: z.array(addedPointSchema).optional(),
});

export const regressionDatasetSchema = z.strictObject({
  kind: z.literal('regression'),
  name: z.enum(REGRESSION_NAMES).default(REGRESSION_DEFAULT.name),
  samples: z.number().default(REGRESSION_DEFAULT.samples),
  noise: z.number().default(REGRESSION_DEFAULT.noise),
  seed: z.number().default(REGRESSION_DEFAULT.seed),
});

export const irisDatasetSchema = z.strictObject({ kind: z.literal('iris'), seed: z.number().default(IRIS_DEFAULT_CONFIG.seed) });

export const mnistDatasetSchema = z.strictObject({
  kind: z.literal('mnist'),
  samples: z.number().default(MNIST_DEFAULT_CONFIG.samples),
  seed: z.number().default(MNIST_DEFAULT_CONFIG.seed),
});

/** A CSV file kept in the project: its text and which columns are the features and the label. */
export const csvDatasetSchema = z.strictObject({
  kind: z.literal('csv'),
  fileName: z.string().default('data.csv'),
  task: z.enum(CSV_TASKS),
  features: z.array(z.string()),
  label: z.string(),
  normalization: z.enum(CSV_NORMALIZATIONS).default('standardize'),
  seed: z.number().default(1),
  text: z.string(),
});

/** No dataset chosen yet: `{ "kind": "none" }` and nothing else. */
export const noDatasetSchema = z.strictObject({ kind: z.literal('none') });

const SCHEMA_BY_KIND = {
  builtin: builtinDatasetSchema,
  regression: regressionDatasetSchema,
  iris: irisDatasetSchema,
  mnist: mnistDatasetSchema,
  csv: csvDatasetSchema,
  none: noDatasetSchema,
} as const satisfies { readonly [K in DatasetKind]: z.ZodType };

/** The `dataset` field: picked by `kind`, which a version 2 file always writes (migration 1 -> 2 adds it). */
export const projectDatasetSchema = z.discriminatedUnion('kind', [
  builtinDatasetSchema,
  regressionDatasetSchema,
  irisDatasetSchema,
  mnistDatasetSchema,
  csvDatasetSchema,
  noDatasetSchema,
]);

export type DatasetShape = z.output<typeof projectDatasetSchema>;

const isDatasetKind = (value: unknown): value is DatasetKind =>
  typeof value === 'string' && (DATASET_KINDS as readonly string[]).includes(value);

/** The field names a dataset of this kind has, or null for an unknown kind. */
export function datasetFields(kind: unknown): readonly string[] | null {
  return isDatasetKind(kind) ? Object.keys(SCHEMA_BY_KIND[kind].shape) : null;
}

// ---------------------------------------------------------------------------
// How messages name the dataset's fields
// ---------------------------------------------------------------------------

export const DATASET_FIELD_SUBJECTS: Readonly<Record<string, string>> = {
  dataset: 'The dataset settings',
  'dataset.kind': 'The dataset kind',
  'dataset.name': 'The dataset name',
  'dataset.samples': 'The number of samples',
  'dataset.noise': 'The dataset noise',
  'dataset.seed': 'The dataset seed',
  'dataset.classes': 'The number of classes',
  'dataset.added': 'The list of added points',
  'dataset.fileName': 'The CSV file name',
  'dataset.task': 'The CSV task',
  'dataset.features': 'The list of feature columns',
  'dataset.label': 'The label column',
  'dataset.normalization': 'The CSV normalization',
  'dataset.text': 'The CSV text',
};

/** The subject for a path inside a list of the dataset ("The 3rd added point's x1"), or null. */
export function datasetListSubject(path: readonly PropertyKey[]): string | null {
  const [first, second, third, ...rest] = path;
  if (first !== 'dataset' || typeof third !== 'number') return null;
  const tail = rest.length === 0 ? '' : `'s ${rest.map(String).join(' ')}`;
  if (second === 'added') return `The ${ordinal(third + 1)} added point${tail}`;
  if (second === 'features') return `The ${ordinal(third + 1)} feature column${tail}`;
  return null;
}

const KIND_MEANING: { readonly [K in DatasetKind]: string } = {
  builtin: 'a 2-D classification set',
  regression: 'a curve or surface to fit',
  iris: 'the Iris flowers',
  mnist: 'handwritten digits',
  csv: 'your own CSV file',
  none: 'no dataset chosen yet',
};

/** What the dataset's `kind` may be, as the start of a sentence. */
export const DATASET_KINDS_TEXT = `The dataset kind must be one of ${DATASET_KINDS.map((k) => `"${k}" (${KIND_MEANING[k]})`).join(', ')}`;

/** Why the dataset's `kind` is not valid, with the value given. */
export function datasetKindMessage(value: unknown): string {
  return value === undefined
    ? `The dataset has no "kind"; it must say which data this is: ${DATASET_KINDS_TEXT.replace('The dataset kind must be ', '')}.`
    : `${DATASET_KINDS_TEXT}; it is ${describeValue(value)}.`;
}

/** An unknown field next to `kind`, listing the fields that kind has. */
export function unknownDatasetFieldMessage(dataset: unknown, key: string): string | null {
  const kind = own(dataset, 'kind');
  if (kind === 'none') {
    return `A dataset of kind "none" (no dataset chosen yet) has no other fields; remove ${quote(key)}, or set "kind" to the data you want, e.g. "builtin" for a built-in 2-D set.`;
  }
  const fields = datasetFields(kind);
  if (fields === null) return null;
  const close = fields.find((field) => field.toLowerCase() === key.toLowerCase());
  const hint = close === undefined ? '' : ` Did you mean "${close}"?`;
  return `A dataset of kind "${String(kind)}" has no field ${quote(key)}; its fields are ${fields.join(', ')}.${hint}`;
}

// ---------------------------------------------------------------------------
// Ranges and the rules between fields (on the partly parsed value, so every access is defensive)
// ---------------------------------------------------------------------------

export type Report = (path: readonly PathSegment[], message: string) => void;

function checkRange(
  report: Report,
  field: string,
  value: unknown,
  limits: { min: number; max: number },
  whole: boolean,
): void {
  if (!isFiniteNumber(value)) return;
  if ((whole && !Number.isInteger(value)) || value < limits.min || value > limits.max) {
    const subject = DATASET_FIELD_SUBJECTS[`dataset.${field}`] ?? `The dataset's ${field}`;
    report(['dataset', field], `${subject} must be ${whole ? 'a whole number from' : 'from'} ${limits.min} to ${limits.max}; it is ${value}.`);
  }
}

const SAMPLE_LIMITS = { min: DATASET_LIMITS.minSamples, max: DATASET_LIMITS.maxSamples };
const NOISE_LIMITS = { min: DATASET_LIMITS.minNoise, max: DATASET_LIMITS.maxNoise };

function checkAddedPoints(added: unknown, name: unknown, classes: unknown, report: Report): void {
  if (!Array.isArray(added)) return;
  if (added.length > MAX_ADDED_POINTS) {
    report(['dataset', 'added'], `There are ${added.length} added points; a project keeps at most ${MAX_ADDED_POINTS}.`);
    return;
  }
  const classCount = isFiniteNumber(classes) && Number.isInteger(classes) && classes >= 1 ? classes : null;
  const setName = typeof name === 'string' ? `the ${name} dataset` : 'the dataset';
  // Report each field's first bad point only: a broken list of thousands must not give thousands of errors.
  const reported = new Set<string>();
  added.forEach((point: unknown, i) => {
    const ref = `The ${ordinal(i + 1)} added point`;
    for (const axis of ['x1', 'x2'] as const) {
      const value = own(point, axis);
      if (reported.has(axis) || !isFiniteNumber(value) || Math.abs(value) <= ADDED_POINT_LIMIT) continue;
      reported.add(axis);
      report(['dataset', 'added', i, axis], `${ref}'s ${axis} must be from -${ADDED_POINT_LIMIT} to ${ADDED_POINT_LIMIT} (the plot's frame); it is ${value}.`);
    }
    const label = own(point, 'label');
    if (reported.has('label') || !isFiniteNumber(label) || classCount === null) return;
    if (!Number.isInteger(label) || label < 0 || label >= classCount) {
      reported.add('label');
      report(
        ['dataset', 'added', i, 'label'],
        `${ref}'s label must be a whole number from 0 to ${classCount - 1} (${setName} has ${classCount} classes); it is ${label}.`,
      );
    }
  });
}

function checkBuiltin(dataset: Record<string, unknown>, report: Report): void {
  checkRange(report, 'samples', own(dataset, 'samples'), SAMPLE_LIMITS, true);
  checkRange(report, 'noise', own(dataset, 'noise'), NOISE_LIMITS, false);
  const name = own(dataset, 'name') ?? DEFAULT_PROJECT_DATASET.name;
  const classes = own(dataset, 'classes') ?? DEFAULT_PROJECT_DATASET.classes;
  if (typeof name !== 'string' || !Object.hasOwn(BUILTIN_DATASETS, name) || !isFiniteNumber(classes)) return;
  const { minClasses, maxClasses } = BUILTIN_DATASETS[name as BuiltinDatasetName];
  if (Number.isInteger(classes) && classes >= minClasses && classes <= maxClasses) {
    checkAddedPoints(own(dataset, 'added'), name, classes, report);
    return;
  }
  report(
    ['dataset', 'classes'],
    minClasses === maxClasses
      ? `The ${name} dataset always has ${minClasses} classes; "classes" is ${classes}.`
      : `The ${name} dataset needs a whole number of classes from ${minClasses} to ${maxClasses}; "classes" is ${classes}.`,
  );
}

function checkCsv(dataset: Record<string, unknown>, report: Report): void {
  const fileName = own(dataset, 'fileName');
  if (fileName === '') report(['dataset', 'fileName'], 'The CSV file name is empty; give the file a name, e.g. "data.csv".');
  const text = own(dataset, 'text');
  if (typeof text === 'string') {
    const size = utf8Length(text, MAX_CSV_TEXT_BYTES);
    if (size > MAX_CSV_TEXT_BYTES) {
      report(['dataset', 'text'], `The CSV text is ${megabytes(size)}; a project can keep a CSV file of up to ${megabytes(MAX_CSV_TEXT_BYTES)}.`);
    } else if (text.trim() === '') {
      report(['dataset', 'text'], 'The CSV text is empty; it must hold the file, a header row first.');
    }
  }
  const features = own(dataset, 'features');
  const label = own(dataset, 'label');
  if (Array.isArray(features)) {
    if (features.length === 0) report(['dataset', 'features'], 'The list of feature columns is empty; choose at least one column as the network\'s input.');
    const seen = new Set<string>();
    features.forEach((feature: unknown, i) => {
      if (typeof feature !== 'string') return;
      if (feature === '') report(['dataset', 'features', i], `The ${ordinal(i + 1)} feature column has an empty name.`);
      else if (seen.has(feature)) report(['dataset', 'features', i], `The feature column ${quote(feature)} is listed twice.`);
      else if (feature === label) {
        report(['dataset', 'features', i], `The column ${quote(feature)} is both a feature and the label; the network cannot be given the answer it must predict.`);
      }
      seen.add(feature);
    });
  }
  if (label === '') report(['dataset', 'label'], 'The label column is empty; name the column the network must predict.');
}

/** Ranges and the rules between a dataset's fields, for every kind; unknown kinds are zod's to report. */
export function checkDataset(dataset: unknown, report: Report): void {
  if (!isRecord(dataset)) return;
  switch (own(dataset, 'kind')) {
    case 'builtin':
      checkBuiltin(dataset, report);
      return;
    case 'regression':
      checkRange(report, 'samples', own(dataset, 'samples'), SAMPLE_LIMITS, true);
      checkRange(report, 'noise', own(dataset, 'noise'), NOISE_LIMITS, false);
      return;
    case 'mnist':
      checkRange(report, 'samples', own(dataset, 'samples'), { min: MNIST_LIMITS.minSamples, max: MNIST_LIMITS.maxSamples }, true);
      return;
    case 'csv':
      checkCsv(dataset, report);
      return;
    default:
      return;
  }
}

/** The checked dataset as the project holds it: copies, and no empty `added` list (the file leaves it out). */
export function buildDataset(data: DatasetShape): ProjectDataset {
  switch (data.kind) {
    case 'builtin': {
      const { added, ...rest } = data;
      return added === undefined || added.length === 0 ? { ...rest } : { ...rest, added: added.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label })) };
    }
    case 'csv':
      return { ...data, features: [...data.features] };
    default:
      return { ...data };
  }
}
