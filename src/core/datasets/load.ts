/** One entry point per question: is this dataset config valid, and give me its data. */

import { generateBuiltinDataset, validateBuiltinDatasetConfig } from './builtin.ts';
import { csvDataset, validateCsvDatasetConfig } from './csv.ts';
import { formatValue } from './formatValue.ts';
import { generateIrisDataset, validateIrisDatasetConfig } from './iris.ts';
import { mnistDataset, validateMnistDatasetConfig } from './mnist.ts';
import { generateRegressionDataset, validateRegressionDatasetConfig } from './regression.ts';
import type { DatasetAssets, DatasetResult, MnistAsset, ProjectDataset } from './types.ts';

const NO_DATASET_MESSAGE = 'No dataset has been chosen for this project yet: pick one in the Data panel.';

function unknownKind(config: unknown): string {
  if (typeof config !== 'object' || config === null) return `The dataset settings are missing (got ${formatValue(config)}).`;
  return `Unknown dataset kind ${formatValue((config as { kind?: unknown }).kind)}.`;
}

/** Null when the settings are usable (a project with no dataset is valid), otherwise one plain sentence. */
export function validateDatasetConfig(config: ProjectDataset): string | null {
  if (typeof config !== 'object' || config === null) return unknownKind(config);
  switch (config.kind) {
    case 'builtin':
      return validateBuiltinDatasetConfig(config);
    case 'regression':
      return validateRegressionDatasetConfig(config);
    case 'iris':
      return validateIrisDatasetConfig(config);
    case 'mnist':
      return validateMnistDatasetConfig(config);
    case 'csv':
      return validateCsvDatasetConfig(config);
    case 'none':
      return null;
    default:
      return unknownKind(config);
  }
}

/**
 * The data for every kind that needs no download (all but MNIST), synchronously. Never throws: MNIST, no dataset
 * and bad settings give `{ ok: false, message }`.
 */
export function generateDataset(config: ProjectDataset): DatasetResult {
  if (typeof config !== 'object' || config === null) return { ok: false, message: unknownKind(config) };
  switch (config.kind) {
    case 'builtin':
      return generateBuiltinDataset(config);
    case 'regression':
      return generateRegressionDataset(config);
    case 'iris':
      return generateIrisDataset(config);
    case 'csv':
      return csvDataset(config);
    case 'mnist':
      return { ok: false, message: 'The MNIST digits are loaded from a file: use loadDataset, which waits for it.' };
    case 'none':
      return { ok: false, message: NO_DATASET_MESSAGE };
    default:
      return { ok: false, message: unknownKind(config) };
  }
}

/** The data for every kind, loading the MNIST asset when needed. Never rejects: problems come back as messages. */
export async function loadDataset(config: ProjectDataset, assets: DatasetAssets): Promise<DatasetResult> {
  if (typeof config !== 'object' || config === null || config.kind !== 'mnist') return generateDataset(config);
  const problem = validateMnistDatasetConfig(config);
  if (problem !== null) return { ok: false, message: problem };
  let asset: MnistAsset;
  try {
    asset = await assets.mnist();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The MNIST digits could not be loaded. ${detail}` };
  }
  return mnistDataset(config, asset);
}
