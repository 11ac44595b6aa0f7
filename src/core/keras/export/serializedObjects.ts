/** The serialized objects Keras writes inside a layer config: dtype policy, activation, initializers, regularizers. */
import type { ActivationName, InitializerName, Regularizer } from '../../layers/index.ts';
import { kerasActivationName } from '../activationFormats.ts';
import { kerasInitializerConfig } from '../initializerFormats.ts';
import type { KerasSerializedObject } from '../kerasFormat.ts';

/** Every layer's `dtype` (InputLayer's is the plain string "float32"). */
export function dtypePolicy(): KerasSerializedObject<{ name: string }> {
  return { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
}

/** The activation as the student named it (Keras accepts every name LayerLab writes; see activationFormats.ts). */
export function kerasActivation(activation: ActivationName): string {
  // `step` never gets here: exportKerasModel refuses it first (see notInKeras).
  return kerasActivationName(activation) ?? 'linear';
}

export function initializer(name: InitializerName): KerasSerializedObject {
  const { className, config } = kerasInitializerConfig(name);
  return { module: 'keras.initializers', class_name: className, config, registered_name: null };
}

/**
 * LayerLab's {l1, l2} as the regularizer a Keras user writes: L1(l1) or L2(l2) when only one penalty is set,
 * L1L2(l1, l2) otherwise. Keras's L1 keeps its factor as a float32 tensor, so its config holds the float32 value
 * (L1(0.03) is written 0.029999999329447746); L2 and L1L2 keep Python floats.
 */
export function regularizer(value: Regularizer | null): KerasSerializedObject | null {
  if (value === null) return null;
  const make = (className: string, config: Record<string, number>): KerasSerializedObject => ({
    module: 'keras.regularizers',
    class_name: className,
    config,
    registered_name: null,
  });
  if (value.l1 !== 0 && value.l2 === 0) return make('L1', { l1: Math.fround(value.l1) });
  if (value.l1 === 0 && value.l2 !== 0) return make('L2', { l2: value.l2 });
  return make('L1L2', { l1: value.l1, l2: value.l2 });
}
