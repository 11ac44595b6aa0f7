/** The model's layer list read into entries: class name, config and name of each layer, names checked for clashes. */
import type { JsonRecord } from '../kerasFormat.ts';
import { isRecord, own, ownString } from '../kerasFormat.ts';
import { ImportFailure } from './importFailure.ts';
import type { KerasImportProblem } from './importResult.ts';
import { RESERVED_NAMES } from './layerNames.ts';
import { quote } from './messageText.ts';

export interface LayerEntry {
  index: number;
  /** The layer's name in the file. */
  name: string;
  /** The LayerLab node id: the name, or a sanitized version of it. */
  id: string;
  className: string;
  config: JsonRecord;
  raw: JsonRecord;
}

export function readEntries(layers: readonly unknown[]): LayerEntry[] {
  const problems: KerasImportProblem[] = [];
  const entries: LayerEntry[] = [];
  layers.forEach((raw, index) => {
    const where = `Layer #${index + 1}`;
    if (!isRecord(raw)) {
      problems.push({ layer: null, message: `${where} is not an object.` });
      return;
    }
    const className = own(raw, 'class_name');
    if (typeof className !== 'string') {
      problems.push({ layer: null, message: `${where} has no "class_name".` });
      return;
    }
    const config = own(raw, 'config');
    if (!isRecord(config)) {
      problems.push({ layer: null, message: `${where} (${quote(className)}) has no "config" object.` });
      return;
    }
    const name = ownString(raw, 'name') ?? ownString(config, 'name');
    if (name === undefined) {
      problems.push({ layer: null, message: `${where} (${quote(className)}) has no name.` });
      return;
    }
    entries.push({ index, name, id: name, className, config, raw });
  });
  const seen = new Set<string>();
  for (const entry of entries) {
    if (RESERVED_NAMES.has(entry.name)) {
      problems.push({
        layer: entry.name,
        message: `${quote(entry.name)} is reserved in JavaScript and cannot be a LayerLab layer name; rename the layer.`,
      });
    } else if (seen.has(entry.name)) {
      problems.push({ layer: entry.name, message: `Two layers are named ${quote(entry.name)}; Keras layer names must be unique.` });
    }
    seen.add(entry.name);
  }
  if (problems.length > 0) throw new ImportFailure(problems);
  return entries;
}
