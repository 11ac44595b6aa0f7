/** Keras initializers (every format) as LayerLab initializer names. */
import type { InitializerName } from '../../layers/index.ts';
import { INITIALIZER_DISTRIBUTIONS, INITIALIZERS, isInitializerName } from '../../layers/index.ts';
import { initializerFromFileName } from '../initializerFormats.ts';
import type { JsonRecord } from '../kerasFormat.ts';
import { describeValue, own, readSerialized } from '../kerasFormat.ts';
import { nearlyEqual, readNumber } from './numbers.ts';

/** The LayerLab initializer drawing like VarianceScaling(scale, mode, distribution), if there is one. */
function varianceScalingName(scale: number | null, mode: unknown, distribution: 'uniform' | 'truncated_normal' | null): InitializerName | undefined {
  return INITIALIZERS.find((name) => {
    const d = INITIALIZER_DISTRIBUTIONS[name];
    return d.kind === 'variance_scaling' && scale !== null && nearlyEqual(scale, d.scale) && d.mode === mode && d.distribution === distribution;
  });
}

type InitializerRead = { name: InitializerName; seed: unknown } | { reason: string };

/** A Keras initializer (a name, a Keras 3 object or a Keras 2 / tfjs {class_name, config}) as a LayerLab name. */
export function readInitializer(value: unknown): InitializerRead {
  const serialized = typeof value === 'string' ? { className: value, config: {} as JsonRecord } : readSerialized(value);
  if (serialized === null) return { reason: `is ${describeValue(value)}, not a Keras initializer` };
  const { className, config } = serialized;
  const name = initializerFromFileName(className);
  const seed = own(config, 'seed') ?? null;
  const shown = describeValue(value);
  const differs = (what: string): InitializerRead => ({ reason: `${shown} is not LayerLab's ${what}` });
  switch (name) {
    case 'variance_scaling': {
      const scale = readNumber(config, 'scale', 1);
      const mode = own(config, 'mode') ?? 'fan_in';
      const rawDistribution = own(config, 'distribution') ?? 'truncated_normal';
      // tfjs and Keras 2 call the truncated normal "normal"; Keras 3 calls it "truncated_normal".
      const distribution =
        rawDistribution === 'uniform'
          ? 'uniform'
          : rawDistribution === 'normal' || rawDistribution === 'truncated_normal' || rawDistribution === 'truncatedNormal'
            ? 'truncated_normal'
            : null;
      const match = varianceScalingName(scale, mode, distribution);
      return match === undefined ? { reason: `${shown} matches none of LayerLab's initializers` } : { name: match, seed };
    }
    case 'random_uniform': {
      const want = INITIALIZER_DISTRIBUTIONS.random_uniform;
      const min = readNumber(config, 'minval', want.minval);
      const max = readNumber(config, 'maxval', want.maxval);
      return min !== null && max !== null && nearlyEqual(min, want.minval) && nearlyEqual(max, want.maxval)
        ? { name, seed }
        : differs(`random_uniform (${want.minval} to ${want.maxval})`);
    }
    case 'random_normal':
    case 'truncated_normal': {
      const want = INITIALIZER_DISTRIBUTIONS[name];
      const mean = readNumber(config, 'mean', want.mean);
      const stddev = readNumber(config, 'stddev', want.stddev);
      return mean !== null && stddev !== null && nearlyEqual(mean, want.mean) && nearlyEqual(stddev, want.stddev)
        ? { name, seed }
        : differs(`${name} (mean ${want.mean}, standard deviation ${want.stddev})`);
    }
    case 'constant': {
      const constant = readNumber(config, 'value', 0);
      const match = INITIALIZERS.find((n) => {
        const d = INITIALIZER_DISTRIBUTIONS[n];
        return d.kind === 'constant' && d.value === constant;
      });
      if (match !== undefined) return { name: match, seed: null };
      return { reason: `${shown} is a constant LayerLab has no initializer for (it has zeros and ones)` };
    }
    default:
      return isInitializerName(name) ? { name, seed } : { reason: `${shown} is not one of LayerLab's initializers` };
  }
}
