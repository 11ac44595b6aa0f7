import { isActivationName, ACTIVATION_INFO } from './activations.ts';
import type { LayerKind, LayerParamsByKind } from './index.ts';
import { LAYER_REGISTRY } from './index.ts';
import { isInitializerName } from './initializers.ts';
import type { FloatField, IntField, LayerProblem, ParamField, ParamValue, ShapeField } from './spec.ts';

/** A parameter that is the wrong type or unknown: the file or caller is broken, not the network. */
export interface ParamTypeError {
  /** Dotted path below `params`, e.g. "units" or "kernel_regularizer.l2". */
  param: string;
  message: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const isNumberList = (value: unknown): value is number[] => Array.isArray(value) && value.every(isFiniteNumber);

function typeProblem(field: ParamField, value: unknown): string | null {
  switch (field.type) {
    case 'int':
    case 'axis':
      return isFiniteNumber(value) ? null : 'must be a number';
    case 'float':
      if (value === null && field.nullable === true) return null;
      return isFiniteNumber(value) ? null : field.nullable === true ? 'must be a number or null' : 'must be a number';
    case 'bool':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'activation':
      return isActivationName(value) ? null : `must be one of ${Object.keys(ACTIVATION_INFO).join(', ')}`;
    case 'initializer':
      return isInitializerName(value) ? null : 'must be a Keras initializer name such as glorot_uniform';
    case 'regularizer':
      if (value === null) return null;
      if (!isRecord(value)) return 'must be null or {"l1": number, "l2": number}';
      for (const key of Object.keys(value)) {
        if (key !== 'l1' && key !== 'l2') return `has unknown key "${key}" (only l1 and l2)`;
      }
      return isFiniteNumber(value.l1) && isFiniteNumber(value.l2) ? null : 'needs numbers l1 and l2';
    case 'shape':
      return isNumberList(value) ? null : 'must be a list of numbers';
    case 'axisList':
      return value === null || isNumberList(value) ? null : 'must be null or a list of numbers';
  }
}

/**
 * Checks that `raw` has the parameter names and value types of `kind`, filling in missing parameters with the
 * layer's defaults. Ranges are not checked here (see checkParamRanges): a network with units 0 still loads, so
 * the student can see the problem on the canvas and fix it.
 */
export function parseParams<K extends LayerKind>(
  kind: K,
  raw: unknown,
): { ok: true; params: LayerParamsByKind[K] } | { ok: false; errors: ParamTypeError[] } {
  const spec = LAYER_REGISTRY[kind];
  const schema = spec.params as Readonly<Record<string, ParamField>>;
  if (raw !== undefined && !isRecord(raw)) {
    return { ok: false, errors: [{ param: '', message: 'params must be an object' }] };
  }
  const source: Record<string, unknown> = raw ?? {};
  const errors: ParamTypeError[] = [];
  const result: Record<string, unknown> = { ...(spec.defaults as Record<string, unknown>) };
  for (const key of Object.keys(source)) {
    const field = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
    if (field === undefined) {
      const known = Object.keys(schema);
      errors.push({
        param: key,
        message: `is not a parameter of ${kind}${known.length > 0 ? ` (its parameters are ${known.join(', ')})` : ' (it has no parameters)'}`,
      });
      continue;
    }
    const value = source[key];
    const problem = typeProblem(field, value);
    if (problem !== null) {
      errors.push({ param: key, message: problem });
      continue;
    }
    result[key] = Array.isArray(value) ? [...(value as number[])] : isRecord(value) ? { ...value } : value;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, params: result as unknown as LayerParamsByKind[K] };
}

function formatNumber(value: number): string {
  return String(value);
}

function intProblem(name: string, field: IntField, value: number, kind: string): LayerProblem | null {
  if (!Number.isInteger(value)) {
    return {
      param: name,
      message: `${kind} ${name} must be a whole number; it is ${formatNumber(value)}.`,
      fix: `Use ${Math.max(field.min, Math.round(value))}.`,
    };
  }
  if (value < field.min) {
    return {
      param: name,
      message: `${kind} ${name} must be at least ${field.min}; it is ${formatNumber(value)}.`,
      fix: `Use ${field.min} or more.`,
    };
  }
  if (field.max !== undefined && value > field.max.value) {
    return {
      param: name,
      message: `${kind} ${name} is ${formatNumber(value)}, above LayerLab's cap of ${field.max.value}: ${field.max.reason}.`,
      fix: `Use at most ${field.max.value}.`,
    };
  }
  return null;
}

function floatProblem(name: string, field: FloatField, value: number | null, kind: string): LayerProblem | null {
  if (value === null) return null;
  const { min, max } = field;
  if (min !== undefined && (min.inclusive ? value < min.value : value <= min.value)) {
    const bound = min.inclusive ? `at least ${min.value}` : `more than ${min.value}`;
    return {
      param: name,
      message: `${kind} ${name} must be ${bound}; it is ${formatNumber(value)}${min.reason === undefined ? '' : `: ${min.reason}`}.`,
    };
  }
  if (max !== undefined && (max.inclusive ? value > max.value : value >= max.value)) {
    const bound = max.inclusive ? `at most ${max.value}` : `below ${max.value}`;
    return {
      param: name,
      message: `${kind} ${name} must be ${bound}; it is ${formatNumber(value)}${max.reason === undefined ? '' : `: ${max.reason}`}.`,
    };
  }
  return null;
}

function shapeProblem(name: string, field: ShapeField, value: readonly number[], kind: string): LayerProblem | null {
  const shown = `(${value.join(', ')})`;
  if (value.length === 0) {
    return { param: name, message: `${kind} ${name} is empty; it needs at least one dimension.`, fix: 'For 2 features, use (2).' };
  }
  if (value.length > field.maxRank) {
    return {
      param: name,
      message: `${kind} ${name} ${shown} has ${value.length} dimensions; LayerLab supports up to ${field.maxRank}.`,
    };
  }
  const inferred = value.filter((d) => d === -1).length;
  if (field.allowInferred && inferred > 1) {
    return { param: name, message: `${kind} ${name} ${shown} has more than one -1; only one dimension can be worked out.` };
  }
  const bad = value.find((d) => !(Number.isInteger(d) && (d >= 1 || (field.allowInferred && d === -1))));
  if (bad !== undefined) {
    return {
      param: name,
      message: `${kind} ${name} ${shown} has the dimension ${formatNumber(bad)}; every dimension must be a whole number of at least 1${field.allowInferred ? ' (or a single -1)' : ''}.`,
    };
  }
  return null;
}

function fieldProblem(name: string, field: ParamField, value: ParamValue, kind: string): LayerProblem | null {
  switch (field.type) {
    case 'int':
      return typeof value === 'number' ? intProblem(name, field, value, kind) : null;
    case 'float':
      return typeof value === 'number' || value === null ? floatProblem(name, field, value, kind) : null;
    case 'shape':
      return Array.isArray(value) ? shapeProblem(name, field, value as number[], kind) : null;
    case 'axis':
      if (typeof value !== 'number') return null;
      if (!Number.isInteger(value)) return { param: name, message: `${kind} ${name} must be a whole number; it is ${value}.` };
      if (value === 0) {
        return {
          param: name,
          message: `${kind} ${name} is 0, which is the batch dimension (the examples themselves).`,
          fix: 'Use -1 for the last dimension, or 1 for the first one after the batch.',
        };
      }
      return null;
    case 'axisList': {
      if (!Array.isArray(value)) return null;
      const bad = (value as number[]).find((a) => !Number.isInteger(a) || a < 1);
      return bad === undefined
        ? null
        : { param: name, message: `${kind} ${name} contains ${bad}; axes count from 1 (the first dimension after the batch).` };
    }
    case 'regularizer': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
      const reg = value as { l1: number; l2: number };
      return reg.l1 < 0 || reg.l2 < 0
        ? { param: name, message: `${kind} ${name} penalties must be 0 or more; l1 is ${reg.l1} and l2 is ${reg.l2}.` }
        : null;
    }
    case 'bool':
    case 'activation':
    case 'initializer':
      return null;
  }
}

/**
 * Every parameter problem of a node, in the layer's own words: first values of the wrong type or missing (a
 * caller bug, reported rather than thrown), then values out of range.
 */
export function checkParamRanges<K extends LayerKind>(kind: K, params: LayerParamsByKind[K]): LayerProblem[] {
  const schema = LAYER_REGISTRY[kind].params as Readonly<Record<string, ParamField>>;
  const values: Record<string, unknown> = isRecord(params) ? params : {};
  const problems: LayerProblem[] = [];
  for (const [name, field] of Object.entries(schema)) {
    const value = values[name];
    const wrongType = value === undefined ? 'is missing' : typeProblem(field, value);
    if (wrongType !== null) {
      problems.push({ param: name, message: `${kind} ${name} ${wrongType}.` });
      continue;
    }
    const problem = fieldProblem(name, field, value as ParamValue, kind);
    if (problem !== null) problems.push(problem);
  }
  return problems;
}
