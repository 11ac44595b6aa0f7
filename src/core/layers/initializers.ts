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

export function isInitializerName(value: unknown): value is InitializerName {
  return typeof value === 'string' && (INITIALIZERS as readonly string[]).includes(value);
}
