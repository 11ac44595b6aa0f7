/** Keras JSON as text, with Python floats written as floats (0.0, not 0). */

/**
 * Arguments that are Python floats in every Keras config LayerLab writes (layers, initializers, regularizers,
 * optimizers). Keras writes them with a decimal point (0.0, 6.0), and some are checked with isinstance(x, float) when
 * a model loads: `SGD(momentum=0)` and `learning_rate=1` are refused as ints. JSON.stringify writes 0 and 1, which
 * Python reads as ints; kerasJsonText writes 0.0 and 1.0. Integer arguments (units, axis, shapes, node indices,
 * steps_per_execution) never use these keys.
 */
export const KERAS_FLOAT_KEYS: ReadonlySet<string> = new Set([
  'alpha',
  'beta_1',
  'beta_2',
  'clipnorm',
  'clipvalue',
  'ema_momentum',
  'epsilon',
  'global_clipnorm',
  'initial_accumulator_value',
  'l1',
  'l2',
  'learning_rate',
  'loss_scale_factor',
  'max_value',
  'maxval',
  'mean',
  'minval',
  'momentum',
  'negative_slope',
  'rate',
  'renorm_momentum',
  'rho',
  'scale',
  'stddev',
  'threshold',
  'weight_decay',
]);

function numberText(value: number, isFloat: boolean): string {
  if (!Number.isFinite(value)) return 'null';
  const text = JSON.stringify(value);
  return isFloat && /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/**
 * Keras JSON as text, as JSON.stringify(value, null, indent) writes it except that whole numbers under
 * KERAS_FLOAT_KEYS are written as floats (`"momentum": 0.0`), so that Python reads them as the floats Keras wrote.
 * Use it (not JSON.stringify) for anything Keras will load: a model, a compile_config, a .keras config.json.
 */
export function kerasJsonText(value: unknown, indent = 0): string {
  const pad = ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent))));
  const write = (item: unknown, key: string | null, depth: string): string => {
    if (item === null || item === undefined) return 'null';
    if (typeof item === 'number') return numberText(item, key !== null && KERAS_FLOAT_KEYS.has(key));
    if (typeof item === 'string' || typeof item === 'boolean') return JSON.stringify(item);
    const inner = pad === '' ? '' : `${depth}${pad}`;
    const open = pad === '' ? '' : `\n${inner}`;
    const close = pad === '' ? '' : `\n${depth}`;
    const separator = pad === '' ? ',' : `,\n${inner}`;
    if (Array.isArray(item)) {
      if (item.length === 0) return '[]';
      // Items of a list of floats (none in Keras configs today) keep their key's type.
      return `[${open}${(item as unknown[]).map((v) => write(v, key, `${depth}${pad}`)).join(separator)}${close}]`;
    }
    if (typeof item === 'object') {
      const entries = Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
      if (entries.length === 0) return '{}';
      const colon = pad === '' ? ':' : ': ';
      const body = entries.map(([k, v]) => `${JSON.stringify(k)}${colon}${write(v, k, `${depth}${pad}`)}`).join(separator);
      return `{${open}${body}${close}}`;
    }
    return 'null';
  };
  return write(value, null, '');
}
