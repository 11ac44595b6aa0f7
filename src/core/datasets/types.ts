/** Shared types for LayerLab datasets (pure data, no runtime code). */

export type BuiltinDatasetName = 'circle' | 'xor' | 'gauss' | 'spiral';

export interface BuiltinDatasetConfig {
  kind: 'builtin';
  name: BuiltinDatasetName;
  /** Total number of points, a whole number from 10 to 10000. */
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
  /** 2 for circle and xor; 2..5 for gauss and spiral. */
  classes: number;
}

/** A project whose dataset has not been chosen yet (e.g. a preset whose data arrives later). Has no other fields. */
export interface NoDataset {
  kind: 'none';
}

/** What a project trains on: a built-in 2-D set, or nothing chosen yet. */
export type ProjectDataset = BuiltinDatasetConfig | NoDataset;

export interface Dataset {
  /** Human title, e.g. "Spiral (3 arms)". */
  name: string;
  numSamples: number;
  /** 2 for all built-ins. */
  numFeatures: number;
  numClasses: number;
  /** Row-major numSamples × numFeatures. */
  features: Float32Array;
  /** Class index 0..numClasses-1 per row. */
  labels: Int32Array;
  /** e.g. ['x1', 'x2']. */
  featureNames: string[];
  /** e.g. ['class 0', 'class 1'] or ['inside', 'outside'] for circle. */
  classNames: string[];
}

/** Result of building a dataset: never thrown, problems come back as a plain-language message. */
export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; message: string };
