/** The input shape of a model, from an InputLayer or the first layer of a legacy Sequential model. */
import { describeValue, isFiniteNumber, readBatchShape } from '../kerasFormat.ts';
import type { LayerReader } from './layerReader.ts';
import { formatBatchShape } from './messageText.ts';

/** The size of one example from a batch shape: [null, 2, 3] → [2, 3]. */
export function exampleShape(reader: LayerReader, key: string, value: unknown, withBatch: boolean): number[] | null {
  const shape = readBatchShape(value);
  if (shape === null) {
    reader.problem(`${key} is ${describeValue(value)}; it must be a list of sizes`);
    return null;
  }
  const dims = withBatch ? shape.slice(1) : shape;
  if (withBatch && shape.length === 0) {
    reader.problem(`${key} is empty; it must start with the batch dimension`);
    return null;
  }
  const batch = withBatch ? shape[0] : null;
  if (batch !== null && batch !== undefined) reader.warn(`the fixed batch size ${batch} in ${key} is ignored`);
  if (dims.some((d) => d === null)) {
    reader.problem(
      `The input shape ${formatBatchShape(withBatch ? shape : [null, ...shape])} has a dimension of unknown size (None); LayerLab needs every size of an example fixed`,
    );
    return null;
  }
  return dims as number[];
}

/** The input shape of an InputLayer, or of the first layer of a legacy Sequential model. */
export function readInputShape(reader: LayerReader): number[] | null | undefined {
  for (const key of ['batch_shape', 'batch_input_shape']) {
    const value = reader.take(key);
    if (value !== undefined && value !== null) return exampleShape(reader, key, value, true);
  }
  for (const key of ['shape', 'input_shape']) {
    const value = reader.take(key);
    if (value !== undefined && value !== null) return exampleShape(reader, key, value, false);
  }
  const inputDim = reader.take('input_dim');
  if (isFiniteNumber(inputDim)) return [inputDim];
  return undefined;
}
