import type { ActivationParams } from './activation.ts';
import { activationSpec } from './activation.ts';
import type { AddParams } from './add.ts';
import { addSpec } from './add.ts';
import type { BatchNormalizationParams } from './batchNormalization.ts';
import { batchNormalizationSpec } from './batchNormalization.ts';
import type { ConcatenateParams } from './concatenate.ts';
import { concatenateSpec } from './concatenate.ts';
import type { DenseParams } from './dense.ts';
import { denseSpec } from './dense.ts';
import type { DropoutParams } from './dropout.ts';
import { dropoutSpec } from './dropout.ts';
import type { ELUParams } from './elu.ts';
import { eluSpec } from './elu.ts';
import type { FlattenParams } from './flatten.ts';
import { flattenSpec } from './flatten.ts';
import type { InputParams } from './input.ts';
import { inputSpec } from './input.ts';
import type { LeakyReLUParams } from './leakyRelu.ts';
import { leakyReluSpec } from './leakyRelu.ts';
import type { MultiplyParams } from './multiply.ts';
import { multiplySpec } from './multiply.ts';
import type { PReLUParams } from './prelu.ts';
import { preluSpec } from './prelu.ts';
import type { ReLUParams } from './relu.ts';
import { reluSpec } from './relu.ts';
import type { ReshapeParams } from './reshape.ts';
import { reshapeSpec } from './reshape.ts';
import type { SoftmaxParams } from './softmax.ts';
import { softmaxSpec } from './softmax.ts';
import type { LayerSpec } from './spec.ts';

/** Parameters of each layer kind. Kind names and parameter names are Keras's. */
export interface LayerParamsByKind {
  Input: InputParams;
  Dense: DenseParams;
  Activation: ActivationParams;
  Dropout: DropoutParams;
  BatchNormalization: BatchNormalizationParams;
  Flatten: FlattenParams;
  Reshape: ReshapeParams;
  Concatenate: ConcatenateParams;
  Add: AddParams;
  Multiply: MultiplyParams;
  Softmax: SoftmaxParams;
  ReLU: ReLUParams;
  LeakyReLU: LeakyReLUParams;
  ELU: ELUParams;
  PReLU: PReLUParams;
}

export type LayerKind = keyof LayerParamsByKind;

export type LayerRegistry = { readonly [K in LayerKind]: LayerSpec<LayerParamsByKind[K]> };

/** Every layer kind. A kind missing here fails to compile. */
export const LAYER_REGISTRY: LayerRegistry = {
  Input: inputSpec,
  Dense: denseSpec,
  Activation: activationSpec,
  Dropout: dropoutSpec,
  BatchNormalization: batchNormalizationSpec,
  Flatten: flattenSpec,
  Reshape: reshapeSpec,
  Concatenate: concatenateSpec,
  Add: addSpec,
  Multiply: multiplySpec,
  Softmax: softmaxSpec,
  ReLU: reluSpec,
  LeakyReLU: leakyReluSpec,
  ELU: eluSpec,
  PReLU: preluSpec,
};

export const LAYER_KINDS = Object.keys(LAYER_REGISTRY) as LayerKind[];

export function isLayerKind(value: unknown): value is LayerKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LAYER_REGISTRY, value);
}

export type {
  ActivationParams,
  AddParams,
  BatchNormalizationParams,
  ConcatenateParams,
  DenseParams,
  DropoutParams,
  ELUParams,
  FlattenParams,
  InputParams,
  LeakyReLUParams,
  MultiplyParams,
  PReLUParams,
  ReLUParams,
  ReshapeParams,
  SoftmaxParams,
};
export * from './spec.ts';
export * from './shape.ts';
export * from './activations.ts';
export * from './initializers.ts';
export { LIMITS } from './limits.ts';
