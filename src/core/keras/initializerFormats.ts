/**
 * How each LayerLab initializer is written and read in every format: the one table the Keras JSON and .keras
 * writer, the TF.js writer, the importers (Keras 3, Keras 2 and TF.js files) and the engine read.
 *
 * LayerLab's initializer names are Keras's own, so the Python script writes them as they are
 * (`kernel_initializer="he_normal"`); the numbers each one draws are in core/layers/initializers.ts
 * (INITIALIZER_DISTRIBUTIONS), and the serialized forms below are made from them.
 */
import type { InitializerDistribution, InitializerName } from '../layers/index.ts';
import { INITIALIZER_DISTRIBUTIONS, INITIALIZERS } from '../layers/index.ts';
import { camelToSnake } from './import/camelToSnake.ts';

export interface InitializerFormats {
  /** Keras 3's class name, the `class_name` of its serialized form (GlorotUniform). */
  kerasClass: string;
  /** tfjs-layers' identifier for the initializer (`tf.layers.dense({kernelInitializer: 'glorotUniform'})`). */
  tfjsIdentifier: string;
  /** Other names Keras or TF.js files use for it, snake_case (Keras's "zero", tfjs's LeCunUniform as le_cun_uniform). */
  aliases: readonly string[];
}

export const INITIALIZER_FORMATS: { readonly [I in InitializerName]: InitializerFormats } = {
  glorot_uniform: { kerasClass: 'GlorotUniform', tfjsIdentifier: 'glorotUniform', aliases: [] },
  glorot_normal: { kerasClass: 'GlorotNormal', tfjsIdentifier: 'glorotNormal', aliases: [] },
  he_uniform: { kerasClass: 'HeUniform', tfjsIdentifier: 'heUniform', aliases: [] },
  he_normal: { kerasClass: 'HeNormal', tfjsIdentifier: 'heNormal', aliases: [] },
  lecun_uniform: { kerasClass: 'LecunUniform', tfjsIdentifier: 'leCunUniform', aliases: ['le_cun_uniform'] },
  lecun_normal: { kerasClass: 'LecunNormal', tfjsIdentifier: 'leCunNormal', aliases: ['le_cun_normal'] },
  random_uniform: { kerasClass: 'RandomUniform', tfjsIdentifier: 'randomUniform', aliases: ['uniform'] },
  random_normal: { kerasClass: 'RandomNormal', tfjsIdentifier: 'randomNormal', aliases: ['normal'] },
  truncated_normal: { kerasClass: 'TruncatedNormal', tfjsIdentifier: 'truncatedNormal', aliases: [] },
  zeros: { kerasClass: 'Zeros', tfjsIdentifier: 'zeros', aliases: ['zero'] },
  ones: { kerasClass: 'Ones', tfjsIdentifier: 'ones', aliases: ['one'] },
};

/** A serialized initializer: its class name and its config, in the key order the writer uses. */
export interface SerializedInitializer {
  className: string;
  config: Record<string, unknown>;
}

/** The arguments of a random_uniform or (truncated) normal initializer, named as Keras and tfjs name them. */
function drawArguments(d: InitializerDistribution): Record<string, number> {
  if (d.kind === 'random_uniform') return { minval: d.minval, maxval: d.maxval };
  if (d.kind === 'random_normal' || d.kind === 'truncated_normal') return { mean: d.mean, stddev: d.stddev };
  return {};
}

/** Keras 3.15's get_config() of the initializer, in the key order Keras writes. */
export function kerasInitializerConfig(name: InitializerName): SerializedInitializer {
  const d: InitializerDistribution = INITIALIZER_DISTRIBUTIONS[name];
  const className = INITIALIZER_FORMATS[name].kerasClass;
  if (d.kind === 'constant') return { className, config: {} };
  // The class says which variance scaling it is; its config only has the seed and the axes.
  if (d.kind === 'variance_scaling') return { className, config: { seed: null, input_axes: null, output_axes: null } };
  return { className, config: { seed: null, ...drawArguments(d) } };
}

/**
 * tfjs-layers 4.22's serialization of the initializer (what `model.toJSON()` writes): the variance-scaling family
 * as VarianceScaling, whose "normal" is the truncated normal Keras calls "truncated_normal".
 */
export function tfjsInitializerConfig(name: InitializerName): SerializedInitializer {
  const d: InitializerDistribution = INITIALIZER_DISTRIBUTIONS[name];
  const className = INITIALIZER_FORMATS[name].kerasClass;
  if (d.kind === 'constant') return { className, config: {} };
  if (d.kind === 'variance_scaling') {
    const distribution = d.distribution === 'uniform' ? 'uniform' : 'normal';
    return { className: 'VarianceScaling', config: { scale: d.scale, mode: d.mode, distribution, seed: null } };
  }
  return { className, config: { ...drawArguments(d), seed: null } };
}

const BY_FILE_NAME: ReadonlyMap<string, InitializerName> = new Map(
  INITIALIZERS.flatMap((name) => [
    [name, name] as const,
    [camelToSnake(INITIALIZER_FORMATS[name].kerasClass), name] as const,
    ...INITIALIZER_FORMATS[name].aliases.map((alias) => [alias, name] as const),
  ]),
);

/**
 * The LayerLab initializer a file names, by any of its names (glorot_uniform, GlorotUniform, glorotUniform,
 * Keras's "zero", tfjs's LeCunUniform), or the file's name in snake_case when it is none of them.
 */
export function initializerFromFileName(name: string): InitializerName | string {
  const snake = camelToSnake(name);
  return BY_FILE_NAME.get(name) ?? BY_FILE_NAME.get(snake) ?? snake;
}
