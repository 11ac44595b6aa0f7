/** The Keras model's name, from the project name. */

/** The model name used when the project has none, or none that survives sanitizing. */
export const DEFAULT_KERAS_MODEL_NAME = 'layerlab_model';

/**
 * A Keras model name from a project name: runs of characters other than letters, digits, '_', '.' and '-' become
 * one '_' (accents are dropped first, so "Über net!" gives "Uber_net"), at most 64 characters; "layerlab_model"
 * when nothing is left. It never starts with '_' or '-': TensorFlow uses the model's name as a root name scope when
 * it trains, and refuses one that does not start with a letter, a digit or '.' (model.fit fails).
 */
export function kerasModelName(projectName: string | undefined): string {
  if (projectName === undefined) return DEFAULT_KERAS_MODEL_NAME;
  const parts = projectName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9_.-]+/)
    .filter((part) => part.length > 0);
  const name = parts.join('_').replace(/^[_-]+/, '').slice(0, 64);
  return name.length > 0 ? name : DEFAULT_KERAS_MODEL_NAME;
}
