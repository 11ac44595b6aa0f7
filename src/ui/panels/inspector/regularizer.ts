/**
 * A weight penalty (Keras's L1L2 regularizer) as the inspector shows it: a choice of none / L1 / L2 / L1 + L2, then a
 * number field for each factor in use. Pure, tested in tests/ui/inspector/.
 */
import type { FloatField, Regularizer } from '../../../core/layers/index.ts';

export type RegularizerMode = 'none' | 'l1' | 'l2' | 'l1l2';

export const REGULARIZER_MODES: readonly RegularizerMode[] = ['none', 'l1', 'l2', 'l1l2'];

/** Keras's default factor for keras.regularizers.L1 and L2. */
export const DEFAULT_PENALTY = 0.01;

export const REGULARIZER_MODE_INFO: { readonly [M in RegularizerMode]: { option: string; explain: string } } = {
  none: { option: 'none', explain: 'No penalty: the weights may grow as large as training makes them.' },
  l1: {
    option: 'L1',
    explain: 'Adds L1 × the sum of |weight| to the loss: weights the layer does not need are pushed to exactly 0.',
  },
  l2: {
    option: 'L2',
    explain: 'Adds L2 × the sum of weight² to the loss: every weight is kept small (also called weight decay).',
  },
  l1l2: { option: 'L1 + L2', explain: 'Adds both penalties to the loss.' },
};

function consistent(mode: RegularizerMode, value: Regularizer | null): boolean {
  if (value === null) return mode === 'none';
  if (mode === 'l1') return value.l2 === 0;
  if (mode === 'l2') return value.l1 === 0;
  return mode === 'l1l2';
}

/**
 * Which choice the select shows for `value`. `preferred` is the choice the student made last: it is kept while the
 * value fits it, so typing 0 into the L2 factor of "L1 + L2" does not make the L2 field vanish mid-edit.
 */
export function regularizerMode(value: Regularizer | null, preferred: RegularizerMode | null = null): RegularizerMode {
  if (preferred !== null && consistent(preferred, value)) return preferred;
  if (value === null) return 'none';
  if (value.l1 !== 0 && value.l2 === 0) return 'l1';
  if (value.l1 === 0 && value.l2 !== 0) return 'l2';
  return 'l1l2';
}

/** The project value for a new choice, keeping the factors already set (Keras's 0.01 for a factor newly in use). */
export function regularizerForMode(mode: RegularizerMode, current: Regularizer | null): Regularizer | null {
  const l1 = current !== null && current.l1 !== 0 ? current.l1 : DEFAULT_PENALTY;
  const l2 = current !== null && current.l2 !== 0 ? current.l2 : DEFAULT_PENALTY;
  switch (mode) {
    case 'none':
      return null;
    case 'l1':
      return { l1, l2: 0 };
    case 'l2':
      return { l1: 0, l2 };
    case 'l1l2':
      return { l1, l2 };
  }
}

/** The factors the form shows for a choice. */
export function factorsOf(mode: RegularizerMode): readonly ('l1' | 'l2')[] {
  return mode === 'none' ? [] : mode === 'l1' ? ['l1'] : mode === 'l2' ? ['l2'] : ['l1', 'l2'];
}

/**
 * The number field of one factor, as a float field so it is typed, parsed and explained like any other:
 * labelled "weight penalty (L2)" (plain words first, Keras's name second).
 */
export function factorField(penaltyLabel: string, factor: 'l1' | 'l2'): FloatField {
  return {
    type: 'float',
    label: `${penaltyLabel} (${factor.toUpperCase()})`,
    help: factor === 'l1' ? 'How strongly the sum of |weight| counts in the loss.' : 'How strongly the sum of weight² counts in the loss.',
    min: { value: 0, inclusive: true },
    step: 0.001,
  };
}
