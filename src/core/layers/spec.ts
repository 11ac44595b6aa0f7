import type { ActivationName } from './activations.ts';
import type { InitializerName } from './initializers.ts';
import type { Shape } from './shape.ts';

/** An L1/L2 weight penalty, as Keras's L1L2 regularizer. */
export interface Regularizer {
  l1: number;
  l2: number;
}

export type ParamValue = number | boolean | string | null | readonly number[] | Regularizer;

interface FieldBase {
  label: string;
  /** One plain-language sentence shown next to the control. */
  help: string;
}

export interface IntField extends FieldBase {
  type: 'int';
  min: number;
  /** A hard cap, with the reason a student reads when they exceed it. */
  max?: { value: number; reason: string };
  nullable?: false;
}

/** A bound on a number, with the reason a student reads when a value is outside it. */
export interface FloatBound {
  value: number;
  inclusive: boolean;
  reason?: string;
}

export interface FloatField extends FieldBase {
  type: 'float';
  min?: FloatBound;
  max?: FloatBound;
  /** null is allowed (e.g. ReLU's max_value means "no cap" when null). */
  nullable?: boolean;
  step?: number;
}

export interface BoolField extends FieldBase {
  type: 'bool';
}

export interface ActivationField extends FieldBase {
  type: 'activation';
}

export interface InitializerField extends FieldBase {
  type: 'initializer';
}

export interface RegularizerField extends FieldBase {
  type: 'regularizer';
}

export interface ShapeField extends FieldBase {
  type: 'shape';
  /** Reshape allows one -1 ("work this dimension out for me"). */
  allowInferred: boolean;
  maxRank: number;
}

export interface AxisField extends FieldBase {
  type: 'axis';
}

export interface AxisListField extends FieldBase {
  type: 'axisList';
  nullable: true;
}

export type ParamField =
  | IntField
  | FloatField
  | BoolField
  | ActivationField
  | InitializerField
  | RegularizerField
  | ShapeField
  | AxisField
  | AxisListField;

/** The value type a field holds. */
export type FieldValue<F extends ParamField> = F extends IntField
  ? number
  : F extends FloatField
    ? F['nullable'] extends true
      ? number | null
      : number
    : F extends BoolField
      ? boolean
      : F extends ActivationField
        ? ActivationName
        : F extends InitializerField
          ? InitializerName
          : F extends RegularizerField
            ? Regularizer | null
            : F extends ShapeField
              ? readonly number[]
              : F extends AxisField
                ? number
                : F extends AxisListField
                  ? readonly number[] | null
                  : never;

export type ParamSchema<P> = { readonly [Name in keyof P]: ParamField };

export type LayerCategory = 'input' | 'core' | 'activation' | 'regularization' | 'normalization' | 'reshape' | 'merge';

/** A problem with one layer, in words a student understands. */
export interface LayerProblem {
  message: string;
  fix?: string;
  /** The parameter at fault, when there is one. */
  param?: string;
}

export type ShapeResult = { ok: true; shape: Shape } | { ok: false; problem: LayerProblem };

export interface LayerSpec<P> {
  /** Keras class name. */
  kind: string;
  category: LayerCategory;
  /** One or two plain-language sentences: what the layer does. */
  description: string;
  /** How many incoming connections the layer takes. */
  inputs: { min: number; max: number };
  defaults: P;
  params: ParamSchema<P>;
  /**
   * Output shape for the given input shapes (already checked against `inputs` and the parameter schema).
   * Never throws.
   */
  inferShape(inputs: readonly Shape[], params: P): ShapeResult;
  /** Number of weights, as Keras count_params() (trainable and non-trainable). */
  countParams(inputs: readonly Shape[], params: P): number;
  /** Why these params cannot be exported to Keras, or null. */
  notInKeras(params: P): string | null;
}

export const noKerasProblem = (): null => null;
