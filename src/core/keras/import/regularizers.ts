/** Keras L1 / L2 / L1L2 regularizers (every format) as LayerLab's {l1, l2}. */
import type { Regularizer } from '../../layers/index.ts';
import type { JsonRecord } from '../kerasFormat.ts';
import { describeValue, readSerialized } from '../kerasFormat.ts';
import { camelToSnake } from './camelToSnake.ts';
import { readNumber, tidyFloat } from './numbers.ts';

type RegularizerRead = { regularizer: Regularizer } | { reason: string };

/** A Keras L1 / L2 / L1L2 regularizer as LayerLab's {l1, l2}. */
export function readRegularizer(value: unknown): RegularizerRead {
  const serialized = typeof value === 'string' ? { className: value, config: {} as JsonRecord } : readSerialized(value);
  if (serialized === null) return { reason: `is ${describeValue(value)}, not a Keras regularizer` };
  const kind = camelToSnake(serialized.className);
  // Keras 3 defaults: L1(l1=0.01), L2(l2=0.01), L1L2(l1=0, l2=0).
  const defaults = kind === 'l1' ? { l1: 0.01, l2: 0 } : kind === 'l2' ? { l1: 0, l2: 0.01 } : kind === 'l1_l2' ? { l1: 0, l2: 0 } : null;
  if (defaults === null) {
    return { reason: `${describeValue(value)} is not an L1/L2 penalty, the only regularizer LayerLab has` };
  }
  const l1 = kind === 'l2' ? 0 : readNumber(serialized.config, 'l1', defaults.l1);
  const l2 = kind === 'l1' ? 0 : readNumber(serialized.config, 'l2', defaults.l2);
  if (l1 === null || l2 === null) return { reason: `${describeValue(value)} has penalties that are not numbers` };
  return { regularizer: { l1: tidyFloat(l1), l2: tidyFloat(l2) } };
}
