/** Shared types for LayerLab datasets (pure data, no runtime code). */

/** The seeded 2-D classification sets (points in the plane, a class per point). */
export type BuiltinDatasetName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'moons';

/** A point the student added by clicking on the 2-D data plot. */
export interface AddedPoint {
  x1: number;
  x2: number;
  /** Class index, 0..classes-1. */
  label: number;
}

export interface BuiltinDatasetConfig {
  kind: 'builtin';
  name: BuiltinDatasetName;
  /** Total number of generated points, a whole number from 10 to 10000. */
  samples: number;
  /**
   * 0..0.5, a fraction of the data range with the same meaning for every set:
   * each coordinate is jittered by up to ±noise × 5 units (the clean data spans
   * about -5..5), i.e. the jitter window is `noise` times the width of the range.
   * For gauss the blobs get the same extra variance (kept Gaussian). Points
   * pushed past ±6 are mirrored back, so every point lies in [-6, 6]².
   */
  noise: number;
  /** Any finite number; normalised to a uint32 (see `normaliseSeed`). */
  seed: number;
  /** 2 for circle, xor and moons; 2..5 for gauss and spiral. */
  classes: number;
  /**
   * Points added by clicking on the plot (in [-6, 6]²), in the order they were added; omitted when none. They are
   * placed among the generated rows, not appended, so the held-out test rows get their share (see
   * `addedPointSlots` in builtin.ts).
   */
  added?: AddedPoint[];
}

/** The seeded regression sets: 1-D sine (curve fitting) and a 2-D plane. */
export type RegressionDatasetName = 'sine' | 'plane';

export interface RegressionDatasetConfig {
  kind: 'regression';
  name: RegressionDatasetName;
  /** A whole number from 10 to 10000. */
  samples: number;
  /** 0..0.5: the target gets Gaussian noise with standard deviation `noise` (targets span about -1..1). */
  noise: number;
  seed: number;
}

/** Fisher's 150 Iris flowers (4 measurements in cm, 3 species), shipped with the app. */
export interface IrisDatasetConfig {
  kind: 'iris';
  /** Shuffles the rows (and so the train/test split). */
  seed: number;
}

/** Real handwritten digits: the 10,000 28×28 images of the `mnist` package (grey levels 0..1). */
export interface MnistDatasetConfig {
  kind: 'mnist';
  /** How many of the 10,000 digits to use (a seeded, class-balanced subset), 100..10000. */
  samples: number;
  seed: number;
}

export type CsvTask = 'classification' | 'regression';
export type CsvNormalization = 'none' | 'standardize' | 'minmax';

/** A CSV file the student uploaded; its text is kept in the project so the project trains anywhere. */
export interface CsvDatasetConfig {
  kind: 'csv';
  /** The uploaded file's name, for display and exports, e.g. "houses.csv". */
  fileName: string;
  /** The file's contents (UTF-8 text, header row first). */
  text: string;
  /** Header names of the feature columns, in the order the network's Input receives them. */
  features: string[];
  /** Header name of the label (classification) or target (regression) column. */
  label: string;
  task: CsvTask;
  /** How feature columns are scaled before training (statistics from all rows). */
  normalization: CsvNormalization;
  seed: number;
}

/** A project whose dataset has not been chosen yet (e.g. an imported model). Has no other fields. */
export interface NoDataset {
  kind: 'none';
}

/** What a project trains on. */
export type ProjectDataset =
  | BuiltinDatasetConfig
  | RegressionDatasetConfig
  | IrisDatasetConfig
  | MnistDatasetConfig
  | CsvDatasetConfig
  | NoDataset;

export type DatasetKind = ProjectDataset['kind'];

export type DatasetTask = 'classification' | 'regression';

export interface Dataset {
  /** Human title, e.g. "Spiral (3 arms)". */
  name: string;
  task: DatasetTask;
  numSamples: number;
  /** 2 for the 2-D sets, 1 for sine, 4 for Iris, 784 for MNIST. */
  numFeatures: number;
  /** Number of classes; 0 for regression. */
  numClasses: number;
  /** Row-major numSamples × numFeatures. */
  features: Float32Array;
  /** Class index 0..numClasses-1 per row (classification); empty for regression. */
  labels: Int32Array;
  /** One target value per row (regression); empty for classification. */
  targets: Float32Array;
  /** e.g. ['x1', 'x2']. */
  featureNames: string[];
  /** e.g. ['class 0', 'class 1'] or ['inside', 'outside'] for circle; [] for regression. */
  classNames: string[];
  /** For image data (MNIST): each row is a width × height grey image, row by row. */
  image?: { width: number; height: number };
  /** Name of the target (regression), e.g. "y". */
  targetName?: string;
}

/** Result of building a dataset: never thrown, problems come back as a plain-language message. */
export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; message: string };

/** The raw MNIST asset: 10,000 images of 784 grey levels (0..255) and their digit labels. */
export interface MnistAsset {
  /** 10,000 × 784 bytes, row-major. */
  pixels: Uint8Array;
  /** 10,000 digit labels 0..9. */
  labels: Uint8Array;
}

/** Where data too big to generate comes from: the browser fetches the built asset, Node reads it from disk. */
export interface DatasetAssets {
  mnist(): Promise<MnistAsset>;
}
