/** Keras initializers (every format) as LayerLab initializer names. */
import type { InitializerName } from '../../layers/index.ts';
import { isInitializerName } from '../../layers/index.ts';
import type { JsonRecord } from '../kerasFormat.ts';
import { describeValue, own, readSerialized } from '../kerasFormat.ts';
import { camelToSnake } from './camelToSnake.ts';
import { nearlyEqual, readNumber } from './numbers.ts';

const VARIANCE_SCALING_NAMES: readonly { scale: number; mode: string; distribution: 'uniform' | 'normal'; name: InitializerName }[] = [
  { scale: 1, mode: 'fan_avg', distribution: 'uniform', name: 'glorot_uniform' },
  { scale: 1, mode: 'fan_avg', distribution: 'normal', name: 'glorot_normal' },
  { scale: 2, mode: 'fan_in', distribution: 'uniform', name: 'he_uniform' },
  { scale: 2, mode: 'fan_in', distribution: 'normal', name: 'he_normal' },
  { scale: 1, mode: 'fan_in', distribution: 'uniform', name: 'lecun_uniform' },
  { scale: 1, mode: 'fan_in', distribution: 'normal', name: 'lecun_normal' },
];

const INITIALIZER_ALIASES: ReadonlyMap<string, string> = new Map([
  ['zero', 'zeros'],
  ['one', 'ones'],
  ['uniform', 'random_uniform'],
  ['normal', 'random_normal'],
  ['le_cun_normal', 'lecun_normal'],
  ['le_cun_uniform', 'lecun_uniform'],
]);

type InitializerRead = { name: InitializerName; seed: unknown } | { reason: string };

/** A Keras initializer (a name, a Keras 3 object or a Keras 2 / tfjs {class_name, config}) as a LayerLab name. */
export function readInitializer(value: unknown): InitializerRead {
  const serialized = typeof value === 'string' ? { className: value, config: {} as JsonRecord } : readSerialized(value);
  if (serialized === null) return { reason: `is ${describeValue(value)}, not a Keras initializer` };
  const { className, config } = serialized;
  const snake = camelToSnake(className);
  const name = INITIALIZER_ALIASES.get(snake) ?? snake;
  const seed = own(config, 'seed') ?? null;
  const shown = describeValue(value);
  const differs = (what: string): InitializerRead => ({ reason: `${shown} is not LayerLab's ${what}` });
  switch (name) {
    case 'variance_scaling': {
      const scale = readNumber(config, 'scale', 1);
      const mode = own(config, 'mode') ?? 'fan_in';
      const rawDistribution = own(config, 'distribution') ?? 'truncated_normal';
      const distribution =
        rawDistribution === 'uniform'
          ? 'uniform'
          : rawDistribution === 'normal' || rawDistribution === 'truncated_normal' || rawDistribution === 'truncatedNormal'
            ? 'normal'
            : null;
      const match = VARIANCE_SCALING_NAMES.find(
        (c) => scale !== null && nearlyEqual(scale, c.scale) && c.mode === mode && c.distribution === distribution,
      );
      return match === undefined ? { reason: `${shown} matches none of LayerLab's initializers` } : { name: match.name, seed };
    }
    case 'random_uniform': {
      const min = readNumber(config, 'minval', -0.05);
      const max = readNumber(config, 'maxval', 0.05);
      return min !== null && max !== null && nearlyEqual(min, -0.05) && nearlyEqual(max, 0.05)
        ? { name, seed }
        : differs('random_uniform (-0.05 to 0.05)');
    }
    case 'random_normal':
    case 'truncated_normal': {
      const mean = readNumber(config, 'mean', 0);
      const stddev = readNumber(config, 'stddev', 0.05);
      return mean !== null && stddev !== null && nearlyEqual(mean, 0) && nearlyEqual(stddev, 0.05)
        ? { name, seed }
        : differs(`${name} (mean 0, standard deviation 0.05)`);
    }
    case 'constant': {
      const constant = readNumber(config, 'value', 0);
      if (constant === 0) return { name: 'zeros', seed: null };
      if (constant === 1) return { name: 'ones', seed: null };
      return { reason: `${shown} is a constant LayerLab has no initializer for (it has zeros and ones)` };
    }
    default:
      return isInitializerName(name) ? { name, seed } : { reason: `${shown} is not one of LayerLab's initializers` };
  }
}
