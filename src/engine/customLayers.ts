/**
 * Layers for the cases where TensorFlow.js 4.22's own layer cannot express a Keras parameter, or computes something
 * else. compileGraph uses tfjs's layer whenever it matches Keras exactly, and one of these otherwise:
 *
 * | class                      | used for                                    | why tfjs's layer does not do       |
 * |----------------------------|---------------------------------------------|------------------------------------|
 * | LayerLabReLU               | ReLU with negative_slope or threshold != 0  | tfjs ReLU only has maxValue        |
 * | LayerLabELU                | ELU with alpha != 1                         | tfjs ELU throws for alpha != 1     |
 * | LayerLabSoftmax            | Softmax over an axis that is not the last   | tfjs softmax only takes the last   |
 * | LayerLabFlatten            | Flatten of a 1-D input (identity in Keras)  | tfjs Flatten needs rank >= 3       |
 * | LayerLabBatchNormalization | BatchNormalization over an axis that is not | tfjs BN predicts wrong values over |
 * |                            | the last, on rank-5 tensors, or with center | another axis; its batchNorm stops  |
 * |                            | or scale off                                | at rank 4; it cannot train without |
 * |                            |                                             | gamma or beta (reads them always)  |
 * | LayerLabDropout            | every Dropout                               | a seeded tfjs Dropout draws the    |
 * |                            |                                             | same mask at every training step   |
 *
 * Each is registered with tf.serialization.registerClass so models built from them survive tfjs's save/load
 * (e.g. as artifacts sent to the worker). Config keys are camelCase; tfjs writes them out in snake_case.
 */
import * as tf from '@tensorflow/tfjs';

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
type Kwargs = Record<string, unknown>;

function single<T>(inputs: T | T[]): T {
  if (!Array.isArray(inputs)) return inputs;
  const first = inputs[0];
  if (inputs.length !== 1 || first === undefined) throw new Error(`expected one input, got ${inputs.length}`);
  return first;
}

/** The one input shape of a single-input layer (tfjs passes a Shape, or a list holding one). */
function oneShape(shape: tf.Shape | tf.Shape[]): tf.Shape {
  const first = shape[0];
  if (Array.isArray(first)) return first;
  return shape as tf.Shape;
}

/** A Keras axis (batch is 0, negative counts from the end) as an index into a tensor of `rank` (batch included). */
function axisIndex(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

/**
 * Keras 3's relu(x, negative_slope, max_value, threshold), step for step as keras.src.activations.ReLU.static_call,
 * including its corner cases (e.g. with a threshold, values in (0, threshold] become 0 or slope * (x - threshold)).
 */
export function kerasRelu(x: tf.Tensor, negativeSlope: number, maxValue: number | null, threshold: number): tf.Tensor {
  return tf.tidy(() => {
    let negativePart: tf.Tensor | null = null;
    if (negativeSlope !== 0) {
      if (maxValue === null && threshold === 0) return tf.leakyRelu(x, negativeSlope);
      negativePart = threshold !== 0 ? tf.relu(tf.sub(threshold, x)) : tf.relu(tf.neg(x));
    }
    let clipMax = maxValue !== null;
    let y: tf.Tensor;
    if (threshold !== 0) {
      y = tf.where(tf.greater(x, threshold), x, tf.zerosLike(x));
    } else if (maxValue === 6) {
      y = tf.relu6(x);
      clipMax = false;
    } else {
      y = tf.relu(x);
    }
    if (clipMax && maxValue !== null) y = tf.clipByValue(y, 0, maxValue);
    if (negativePart !== null) y = tf.sub(y, tf.mul(negativeSlope, negativePart));
    return y;
  });
}

export interface LayerLabReLUArgs extends LayerArgs {
  maxValue?: number | null;
  negativeSlope?: number;
  threshold?: number;
}

export class LayerLabReLU extends tf.layers.Layer {
  static readonly className = 'LayerLabReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(args: LayerLabReLUArgs) {
    super(args);
    this.maxValue = args.maxValue ?? null;
    this.negativeSlope = args.negativeSlope ?? 0;
    this.threshold = args.threshold ?? 0;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return kerasRelu(single(inputs), this.negativeSlope, this.maxValue, this.threshold);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), maxValue: this.maxValue, negativeSlope: this.negativeSlope, threshold: this.threshold };
  }
}

export interface LayerLabELUArgs extends LayerArgs {
  alpha?: number;
}

/** Keras 3's ELU: x if x > 0 else alpha * (e^x - 1). */
export class LayerLabELU extends tf.layers.Layer {
  static readonly className = 'LayerLabELU';
  readonly alpha: number;

  constructor(args: LayerLabELUArgs) {
    super(args);
    this.alpha = args.alpha ?? 1;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs);
      return tf.where(tf.greater(x, 0), x, tf.mul(this.alpha, tf.elu(x)));
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}

export interface LayerLabSoftmaxArgs extends LayerArgs {
  axis?: number;
}

/** Softmax over any axis: e^(x - max) / sum(e^(x - max)) along `axis` (Keras axis, batch is 0). */
export class LayerLabSoftmax extends tf.layers.Layer {
  static readonly className = 'LayerLabSoftmax';
  readonly axis: number;

  constructor(args: LayerLabSoftmaxArgs) {
    super(args);
    this.axis = args.axis ?? -1;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs);
      const axis = axisIndex(this.axis, x.rank);
      const shifted = tf.exp(tf.sub(x, tf.max(x, axis, true)));
      return tf.div(shifted, tf.sum(shifted, axis, true));
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), axis: this.axis };
  }
}

/** Flatten for any rank, including 1-D inputs (batch, n), which Keras passes through unchanged. */
export class LayerLabFlatten extends tf.layers.Layer {
  static readonly className = 'LayerLabFlatten';

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Kwargs): tf.Tensor {
    const x = single(inputs);
    return tf.reshape(x, [x.shape[0] ?? -1, -1]);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    const shape = oneShape(inputShape);
    const rest = shape.slice(1);
    const known = rest.every((d) => d !== null);
    return [shape[0] ?? null, known ? rest.reduce<number>((p, d) => p * (d ?? 1), 1) : null];
  }
}

export interface LayerLabBatchNormalizationArgs extends LayerArgs {
  axis?: number;
  momentum?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
}

/**
 * Keras 3's BatchNormalization, written with plain tfjs ops so it works for every rank and with center/scale off.
 * Weights, in Keras order: gamma (if scale), beta (if center), moving_mean, moving_variance.
 * Training: normalise with the batch mean and (biased) variance over every axis but `axis`, and move the running
 * statistics: moving = moving * momentum + batch * (1 - momentum). Inference: normalise with the running statistics.
 */
export class LayerLabBatchNormalization extends tf.layers.Layer {
  static readonly className = 'LayerLabBatchNormalization';
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private gamma: tf.LayerVariable | null = null;
  private beta: tf.LayerVariable | null = null;
  private movingMean: tf.LayerVariable | null = null;
  private movingVariance: tf.LayerVariable | null = null;

  constructor(args: LayerLabBatchNormalizationArgs) {
    super(args);
    this.axis = args.axis ?? -1;
    this.momentum = args.momentum ?? 0.99;
    this.epsilon = args.epsilon ?? 1e-3;
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = oneShape(inputShape);
    const dim = shape[axisIndex(this.axis, shape.length)];
    if (dim === null || dim === undefined) {
      throw new Error(`BatchNormalization axis ${this.axis} has no known size in an input of shape ${JSON.stringify(shape)}`);
    }
    if (this.scale) this.gamma = this.addWeight('gamma', [dim], 'float32', tf.initializers.ones(), undefined, true);
    if (this.center) this.beta = this.addWeight('beta', [dim], 'float32', tf.initializers.zeros(), undefined, true);
    this.movingMean = this.addWeight('moving_mean', [dim], 'float32', tf.initializers.zeros(), undefined, false);
    this.movingVariance = this.addWeight('moving_variance', [dim], 'float32', tf.initializers.ones(), undefined, false);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    return tf.tidy(() => {
      const x = single(inputs);
      const { movingMean, movingVariance } = this;
      if (movingMean === null || movingVariance === null) throw new Error(`${this.name} was called before it was built`);
      const axis = axisIndex(this.axis, x.rank);
      const reductionAxes = x.shape.map((_, i) => i).filter((i) => i !== axis);
      const broadcastShape = x.shape.map((d, i) => (i === axis ? d : 1));
      const broadcast = (t: tf.Tensor): tf.Tensor => tf.reshape(t, broadcastShape);
      let mean: tf.Tensor;
      let variance: tf.Tensor;
      if (kwargs['training'] === true) {
        const moments = tf.moments(x, reductionAxes, true);
        mean = moments.mean;
        variance = moments.variance;
        const decay = 1 - this.momentum;
        const move = (variable: tf.LayerVariable, batchValue: tf.Tensor): void => {
          tf.tidy(() => {
            const old = variable.read();
            variable.write(tf.sub(old, tf.mul(tf.sub(old, tf.reshape(batchValue, old.shape)), decay)));
          });
        };
        move(movingMean, mean);
        move(movingVariance, variance);
      } else {
        mean = broadcast(movingMean.read());
        variance = broadcast(movingVariance.read());
      }
      let inv = tf.rsqrt(tf.add(variance, this.epsilon));
      if (this.gamma !== null) inv = tf.mul(inv, broadcast(this.gamma.read()));
      let out = tf.mul(tf.sub(x, mean), inv);
      if (this.beta !== null) out = tf.add(out, broadcast(this.beta.read()));
      return out;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: this.center,
      scale: this.scale,
    };
  }
}

export interface LayerLabDropoutArgs extends LayerArgs {
  rate: number;
  seed?: number;
}

/**
 * Keras's Dropout with a reproducible mask stream: during training each value is kept with probability 1 - rate and
 * scaled by 1 / (1 - rate); otherwise the layer passes its input through. Call number k draws its mask from the seed
 * "<seed>/<k>", so a run is repeatable from the seed and yet every step drops different values (a seeded tfjs
 * Dropout redraws the very same mask at every step).
 */
export class LayerLabDropout extends tf.layers.Layer {
  static readonly className = 'LayerLabDropout';
  readonly rate: number;
  readonly seed: number;
  private calls = 0;

  constructor(args: LayerLabDropoutArgs) {
    super(args);
    this.rate = args.rate;
    this.seed = args.seed ?? 0;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    const x = single(inputs);
    // When predicting, Dropout does nothing: hand the input on without a copy (this runs on every heatmap frame).
    if (kwargs['training'] !== true || this.rate <= 0) return x;
    return tf.tidy(() => {
      if (this.rate >= 1) return tf.zerosLike(x);
      const callSeed = `${this.seed}/${this.calls}`;
      this.calls += 1;
      const keep = tf.cast(tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', callSeed), this.rate), x.dtype);
      return tf.div(tf.mul(x, keep), 1 - this.rate);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

tf.serialization.registerClass(LayerLabReLU);
tf.serialization.registerClass(LayerLabELU);
tf.serialization.registerClass(LayerLabSoftmax);
tf.serialization.registerClass(LayerLabFlatten);
tf.serialization.registerClass(LayerLabBatchNormalization);
tf.serialization.registerClass(LayerLabDropout);
