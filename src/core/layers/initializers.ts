/** Weight initializers by their Keras names. */
export const INITIALIZERS = [
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
  'lecun_uniform',
  'lecun_normal',
  'random_uniform',
  'random_normal',
  'truncated_normal',
  'zeros',
  'ones',
] as const;

export type InitializerName = (typeof INITIALIZERS)[number];

export const INITIALIZER_INFO: { readonly [I in InitializerName]: string } = {
  glorot_uniform: 'Uniform in ±sqrt(6 / (fan_in + fan_out)). Keras\'s default for Dense kernels.',
  glorot_normal: 'Truncated normal with variance 2 / (fan_in + fan_out).',
  he_uniform: 'Uniform in ±sqrt(6 / fan_in). Suits ReLU layers.',
  he_normal: 'Truncated normal with variance 2 / fan_in. Suits ReLU layers.',
  lecun_uniform: 'Uniform in ±sqrt(3 / fan_in). Suits SELU layers.',
  lecun_normal: 'Truncated normal with variance 1 / fan_in. Suits SELU layers.',
  random_uniform: 'Uniform in -0.05..0.05.',
  random_normal: 'Normal with mean 0 and standard deviation 0.05.',
  truncated_normal: 'Normal with standard deviation 0.05, redrawn beyond two deviations.',
  zeros: 'All zeros. Keras\'s default for biases; for weights it makes every neuron identical.',
  ones: 'All ones.',
};

/**
 * What each initializer draws, with the parameters Keras 3 gives it: the one statement of each initializer's
 * numbers, read by the Keras and TF.js writers (which serialize them) and the importers (which recognise them).
 * `truncated_normal` is a normal redrawn beyond two standard deviations, as Keras's VarianceScaling draws it.
 */
export type InitializerDistribution =
  | { kind: 'variance_scaling'; scale: number; mode: 'fan_in' | 'fan_avg'; distribution: 'uniform' | 'truncated_normal' }
  | { kind: 'random_uniform'; minval: number; maxval: number }
  | { kind: 'random_normal' | 'truncated_normal'; mean: number; stddev: number }
  | { kind: 'constant'; value: number };

export const INITIALIZER_DISTRIBUTIONS = {
  glorot_uniform: { kind: 'variance_scaling', scale: 1, mode: 'fan_avg', distribution: 'uniform' },
  glorot_normal: { kind: 'variance_scaling', scale: 1, mode: 'fan_avg', distribution: 'truncated_normal' },
  he_uniform: { kind: 'variance_scaling', scale: 2, mode: 'fan_in', distribution: 'uniform' },
  he_normal: { kind: 'variance_scaling', scale: 2, mode: 'fan_in', distribution: 'truncated_normal' },
  lecun_uniform: { kind: 'variance_scaling', scale: 1, mode: 'fan_in', distribution: 'uniform' },
  lecun_normal: { kind: 'variance_scaling', scale: 1, mode: 'fan_in', distribution: 'truncated_normal' },
  random_uniform: { kind: 'random_uniform', minval: -0.05, maxval: 0.05 },
  random_normal: { kind: 'random_normal', mean: 0, stddev: 0.05 },
  truncated_normal: { kind: 'truncated_normal', mean: 0, stddev: 0.05 },
  zeros: { kind: 'constant', value: 0 },
  ones: { kind: 'constant', value: 1 },
} as const satisfies { readonly [I in InitializerName]: InitializerDistribution };

export function isInitializerName(value: unknown): value is InitializerName {
  return typeof value === 'string' && (INITIALIZERS as readonly string[]).includes(value);
}
