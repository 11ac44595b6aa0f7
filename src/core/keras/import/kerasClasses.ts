/** The Keras classes LayerLab imports: the layer class of each LayerLab kind, and the model classes. */
import type { LayerKind } from '../../layers/index.ts';

export const KIND_BY_CLASS: ReadonlyMap<string, LayerKind> = new Map<string, LayerKind>([
  ['InputLayer', 'Input'],
  ['Dense', 'Dense'],
  ['Activation', 'Activation'],
  ['Dropout', 'Dropout'],
  ['BatchNormalization', 'BatchNormalization'],
  ['BatchNormalizationV1', 'BatchNormalization'],
  ['BatchNormalizationV2', 'BatchNormalization'],
  ['Flatten', 'Flatten'],
  ['Reshape', 'Reshape'],
  ['Concatenate', 'Concatenate'],
  ['Add', 'Add'],
  ['Multiply', 'Multiply'],
  ['Softmax', 'Softmax'],
  ['ReLU', 'ReLU'],
  ['LeakyReLU', 'LeakyReLU'],
  ['ELU', 'ELU'],
  ['PReLU', 'PReLU'],
]);

export const MODEL_CLASSES: ReadonlySet<string> = new Set(['Sequential', 'Functional', 'Model']);
