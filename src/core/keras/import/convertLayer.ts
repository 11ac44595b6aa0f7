/** One Keras layer as a LayerLab layer kind and checked params, or its problems. */
import type { LayerKind, LayerParamsByKind } from '../../layers/index.ts';
import { parseParams } from '../../layers/paramChecks.ts';
import { describeValue, own, ownString } from '../kerasFormat.ts';
import type { Dialect } from './dialect.ts';
import { checkLeftoverArgs } from './ignoredArgs.ts';
import type { KerasImportProblem } from './importResult.ts';
import { KIND_BY_CLASS, MODEL_CLASSES } from './kerasClasses.ts';
import type { LayerEntry } from './layerEntries.ts';
import { readParams } from './layerParams.ts';
import { LayerReader } from './layerReader.ts';
import { capitalized, layerProblem, quote } from './messageText.ts';

export interface ConvertedLayer {
  entry: LayerEntry;
  kind: LayerKind;
  params: LayerParamsByKind[LayerKind];
}

export function convertLayer(entry: LayerEntry, dialect: Dialect, problems: KerasImportProblem[], warnings: string[]): ConvertedLayer | null {
  const refuse = (reason: string): null => {
    problems.push(layerProblem(entry, reason));
    return null;
  };
  const module = ownString(entry.raw, 'module');
  const registered = own(entry.raw, 'registered_name');
  if ((module !== undefined && !module.startsWith('keras')) || (typeof registered === 'string' && registered !== entry.className)) {
    return refuse(`${quote(entry.className)} is a custom layer (${describeValue(registered ?? module)}); LayerLab imports built-in Keras layers only`);
  }
  if (MODEL_CLASSES.has(entry.className)) {
    return refuse(`This layer is a nested ${entry.className} model; LayerLab cannot import a model inside a model`);
  }
  const kind = KIND_BY_CLASS.get(entry.className);
  if (kind === undefined) return refuse(`${entry.className.slice(0, 80)} is not a LayerLab layer kind`);
  const reader = new LayerReader(entry, dialect);
  const raw = readParams(reader, kind);
  checkLeftoverArgs(reader, kind);
  warnings.push(...reader.warnings);
  if (reader.problems.length > 0) {
    for (const message of reader.problems) problems.push(layerProblem(entry, message));
    return null;
  }
  const parsed = parseParams(kind, raw);
  if (!parsed.ok) {
    for (const error of parsed.errors) refuse(error.param === '' ? capitalized(error.message) : `${error.param} ${error.message}`);
    return null;
  }
  return { entry, kind, params: parsed.params };
}
