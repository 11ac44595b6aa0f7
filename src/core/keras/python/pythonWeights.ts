/**
 * The starting-weights part of an exported script: Python that computes the weights LayerLab starts training from
 * (core/weights/initialWeights.ts, ported line by line on top of pythonRng.ts's generator) and loads them into the
 * Keras model, so the script trains from exactly LayerLab's starting point instead of Keras's own random weights.
 *
 * - layer_seed is layerSeed: FNV-1a over the node id's characters, then murmur3's finaliser, in 32-bit integer
 *   steps written with `& MASK32`. Python's ord() is JavaScript's charCodeAt for every character a node id may hold
 *   (NODE_ID_PATTERN: ASCII letters, digits, _ . -).
 * - Each initializer is written from core's table (INITIALIZER_DISTRIBUTIONS) with the same operations in the same
 *   order, so Python computes the same doubles; numpy rounds them to float32 as a Float32Array does.
 * - Only what the network uses is written: the normal draw, truncated normals and variance scaling appear only
 *   when an initializer needs them. BatchNormalization and PReLU start at Keras's own constant values (gamma 1,
 *   beta 0, moving mean 0, moving variance 1; alpha 0), which are core's too, so they need no code.
 *
 * tests/keras/sameRun.test.ts runs this code under real Keras and compares every weight with core's, bit for bit.
 */
import type { Graph, GraphNode } from '../../graph/types.ts';
import type { InitializerDistribution, InitializerName } from '../../layers/index.ts';
import { INITIALIZER_DISTRIBUTIONS, INITIALIZERS } from '../../layers/index.ts';
import type { GraphInference } from '../../shapes/inferShapes.ts';
import { drawsNormal, TRUNCATION_STDDEV_CORRECTION } from '../../weights/initialWeights.ts';
import { banner, block, pythonNumber, wrapText } from './pythonRng.ts';
import { pythonString } from './pythonText.ts';

type DenseNode = Extract<GraphNode, { kind: 'Dense' }>;

/** Comment lines are wrapped to this many characters (after "# "). */
const COMMENT_WIDTH = 88;

const comment = (text: string): string => wrapText(text, COMMENT_WIDTH).map((line) => `# ${line}`).join('\n');

/** The initializers the graph's Dense layers use (kernels and biases), in the registry's order. */
function usedInitializers(graph: Graph): InitializerName[] {
  const used = new Set<InitializerName>();
  for (const node of graph.nodes) {
    if (node.kind !== 'Dense') continue;
    used.add(node.params.kernel_initializer);
    if (node.params.use_bias) used.add(node.params.bias_initializer);
  }
  return INITIALIZERS.filter((name) => used.has(name));
}

/** True when the starting weights draw normal numbers: the script's Rng then needs `normal` and the portable log/sin/cos. */
export function startingWeightsNeedNormal(graph: Graph): boolean {
  return usedInitializers(graph).some(drawsNormal);
}

const LAYER_SEED = block(`
def layer_seed(seed, name):
    """The seed of one layer's random stream: a hash of the project's seed and the layer's name
    (FNV-1a over the name's characters, then murmur3's final mixing)."""
    h = (0x811C9DC5 ^ normalise_seed(seed)) & MASK32
    for char in name:
        h ^= ord(char)
        h = (h * 0x01000193) & MASK32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK32
    h ^= h >> 16
    return h
`);

const TRUNCATED_NORMAL = block(`
def truncated_normal(rng, stddev):
    """A normal draw, drawn again while it is more than 2 standard deviations out, times stddev."""
    z = rng.normal()
    while abs(z) > 2:
        z = rng.normal()
    return z * stddev
`);

/** Keras's VarianceScaling, with only the distributions the network uses. */
function varianceScalingCode(uniform: boolean, truncated: boolean): string {
  const lines = [
    'def variance_scaling(rng, shape, scale, mode, distribution):',
    '    """Keras\'s VarianceScaling: the more inputs (fan_in), or inputs and outputs (fan_avg), a layer',
    '    has, the smaller its starting weights, so the signal keeps its size from layer to layer."""',
    '    fan_in, fan_out = shape if len(shape) == 2 else (shape[0], shape[0])',
    '    n = max(1, fan_in if mode == "fan_in" else (fan_in + fan_out) / 2)',
  ];
  if (uniform) {
    lines.push(
      `    ${truncated ? 'if distribution == "uniform":' : '# distribution is "uniform"'}`,
      `    ${truncated ? '    ' : ''}limit = math.sqrt(3 * scale / n)`,
      `    ${truncated ? '    ' : ''}return [-limit + 2 * limit * rng.next() for _ in range(math.prod(shape))]`,
    );
  }
  if (truncated) {
    if (!uniform) lines.push('    # distribution is "truncated_normal"');
    lines.push(
      '    stddev = math.sqrt(scale / n) / TRUNCATION_CORRECTION',
      '    return [truncated_normal(rng, stddev) for _ in range(math.prod(shape))]',
    );
  }
  return lines.join('\n');
}

/** The Python expression list for one initializer's values (a list of `count` doubles). */
function valuesExpression(d: InitializerDistribution): string {
  switch (d.kind) {
    case 'constant':
      return `[${Number.isInteger(d.value) ? `${String(d.value)}.0` : pythonNumber(d.value)}] * count`;
    case 'variance_scaling':
      return `variance_scaling(rng, shape, ${pythonNumber(d.scale)}, ${pythonString(d.mode)}, ${pythonString(d.distribution)})`;
    case 'random_uniform':
      return `[${pythonNumber(d.minval)} + ${pythonNumber(d.maxval - d.minval)} * rng.next() for _ in range(count)]`;
    case 'random_normal':
      return `[${d.mean === 0 ? '' : `${pythonNumber(d.mean)} + `}${pythonNumber(d.stddev)} * rng.normal() for _ in range(count)]`;
    case 'truncated_normal':
      return `[${d.mean === 0 ? '' : `${pythonNumber(d.mean)} + `}truncated_normal(rng, ${pythonNumber(d.stddev)}) for _ in range(count)]`;
  }
}

function initialValuesCode(used: readonly InitializerName[]): string {
  const lines = [
    'def initial_values(initializer, shape, rng):',
    '    """One weight\'s starting values, drawn as Keras\'s initializer draws them (from LayerLab\'s',
    '    random numbers), as a float32 array of the weight\'s shape."""',
    '    count = math.prod(shape)',
  ];
  used.forEach((name, i) => {
    lines.push(`    ${i === 0 ? 'if' : 'elif'} initializer == ${pythonString(name)}:`, `        values = ${valuesExpression(INITIALIZER_DISTRIBUTIONS[name])}`);
  });
  lines.push('    else:', '        raise ValueError(f"LayerLab has no initializer called {initializer}")');
  // Python's floats are doubles; numpy rounds each to the nearest float32, as LayerLab's Float32Array does.
  lines.push('    return np.array(values, dtype=np.float32).reshape(shape)');
  return lines.join('\n');
}

const DENSE_WEIGHTS = block(`
def dense_weights(name, inputs, units, kernel="glorot_uniform", bias="zeros"):
    """A Dense layer's starting [kernel, bias] (bias=None: no bias), from the layer's own random stream:
    the kernel (inputs x units) first, then the bias."""
    rng = Rng(layer_seed(SEED, name))
    weights = [initial_values(kernel, (inputs, units), rng)]
    if bias is not None:
        weights.append(initial_values(bias, (units,), rng))
    return weights
`);

/** `model.get_layer("h").set_weights(dense_weights("h", inputs=2, units=4, ...))` for one Dense node. */
function denseLine(node: DenseNode, inputs: number): string {
  const p = node.params;
  const args = [pythonString(node.id), `inputs=${String(inputs)}`, `units=${String(p.units)}`];
  if (p.kernel_initializer !== 'glorot_uniform') args.push(`kernel=${pythonString(p.kernel_initializer)}`);
  if (!p.use_bias) args.push('bias=None');
  else if (p.bias_initializer !== 'zeros') args.push(`bias=${pythonString(p.bias_initializer)}`);
  const name = pythonString(node.id);
  const oneLine = `model.get_layer(${name}).set_weights(dense_weights(${args.join(', ')}))`;
  if (oneLine.length <= 99) return oneLine;
  return [`model.get_layer(${name}).set_weights(`, `    dense_weights(${args.join(', ')})`, ')'].join('\n');
}

export interface StartingWeightsCode {
  /** The Python: definitions, then one set_weights line per Dense layer. */
  code: string;
  /** What the notebook says before it. */
  markdown: string;
}

/**
 * The script's starting-weights step. `rngCode` is the random number generator's Python when the data step has
 * not defined it already (a data file or Iris), else null. `seed` is the project's training seed.
 */
export function pythonStartingWeights(args: {
  graph: Graph;
  inference: GraphInference;
  layerOrder: readonly string[];
  seed: number;
  rngCode: string | null;
}): StartingWeightsCode {
  const { graph, inference, layerOrder, seed, rngCode } = args;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const used = usedInitializers(graph);
  const distributions = used.map((name) => INITIALIZER_DISTRIBUTIONS[name] as InitializerDistribution);
  const scaling = distributions.filter((d) => d.kind === 'variance_scaling');
  const uniformScaling = scaling.some((d) => d.distribution === 'uniform');
  const truncatedScaling = scaling.some((d) => d.distribution === 'truncated_normal');
  const truncated = truncatedScaling || distributions.some((d) => d.kind === 'truncated_normal');
  const kinds = new Set(graph.nodes.map((n) => n.kind));

  const denseLines: string[] = [];
  for (const id of layerOrder) {
    const node = byId.get(id);
    const info = inference.nodes.get(id);
    if (node?.kind !== 'Dense' || info?.status !== 'ok') continue;
    const input = info.inputShapes[0] ?? [];
    denseLines.push(denseLine(node, input[input.length - 1] ?? 0));
  }
  const constantKinds = [
    ...(kinds.has('BatchNormalization') ? ['BatchNormalization (gamma 1, beta 0, moving mean 0, moving variance 1)'] : []),
    ...(kinds.has('PReLU') ? ['PReLU (alpha 0)'] : []),
  ];
  const intro = [
    banner("LayerLab's starting weights"),
    comment(
      "Keras would start from random weights of its own. This script starts from the weights LayerLab starts from instead: the same formulas as Keras's initializers, drawn from LayerLab's random numbers. Each layer has a random stream of its own, seeded from the project's seed and the layer's name. So training below repeats LayerLab's run, step by step.",
    ),
    ...(kinds.has('Dropout')
      ? [
          comment(
            "(Dropout is the exception: it drops values at random while training, and Keras's random choices are not LayerLab's, so with Dropout the numbers drift apart from LayerLab's.)",
          ),
        ]
      : []),
  ].join('\n');
  const constants = [
    `SEED = ${pythonNumber(seed)}  # the project's seed: it also orders the examples in every epoch (see 4. Training)`,
    ...(truncated ? [`TRUNCATION_CORRECTION = ${pythonNumber(TRUNCATION_STDDEV_CORRECTION)}  # Keras: a normal cut at 2 deviations spreads this much less`] : []),
  ].join('\n');
  const definitions =
    denseLines.length === 0
      ? []
      : [
          LAYER_SEED,
          ...(truncated ? [TRUNCATED_NORMAL] : []),
          ...(scaling.length > 0 ? [varianceScalingCode(uniformScaling, truncatedScaling)] : []),
          initialValuesCode(used),
          DENSE_WEIGHTS,
        ];
  const loads = [
    ...denseLines,
    ...(constantKinds.length > 0
      ? ['', comment(`${constantKinds.join(' and ')} layers start as Keras starts them, which is how LayerLab starts them too.`)]
      : []),
  ];
  const code = [...(rngCode === null ? [] : [rngCode]), `${intro}\n\n${constants}`, ...definitions, loads.join('\n')].join('\n\n\n');
  const markdown = [
    "### LayerLab's starting weights",
    '',
    'Keras would start the network from random weights of its own. The next cell computes the weights LayerLab ' +
      "starts from (the same formulas as Keras's initializers, drawn from LayerLab's random numbers, one stream per " +
      'layer seeded from the project\'s seed and the layer\'s name) and loads them with `set_weights`, so the ' +
      "training below repeats LayerLab's run: the same loss, epoch after epoch." +
      (kinds.has('Dropout') ? " (Dropout's random choices differ between Keras and LayerLab, so with Dropout the numbers drift apart.)" : ''),
  ].join('\n');
  return { code, markdown };
}
