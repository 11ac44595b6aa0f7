/**
 * The Dense fast path: a hand-written forward and backward pass for a chain Input -> (Dense | Dropout | Activation |
 * Flatten | Reshape)*, the shape of most classroom networks and of MNIST MLPs. It computes what the generic path's
 * autodiff computes, rounding included (same Keras loss and its gradient op for op, penalties, optimizer, dropout
 * masks), in fewer and faster kernel calls.
 *
 * Examples stay flat rows throughout: Flatten and Reshape change nothing in row-major data, so they are identities
 * here; Dense (over the last axis) and softmax (along it) are taken only where their input is one row per example.
 *
 * Measured tfjs pitfalls it steps around (../../../../shared/PERFORMANCE-NOTES.md):
 *  - on wasm a transposed matMul (as in every autodiff Dense backward) leaves XNNPACK's fast path and runs ~13x
 *    slower: the backward here transposes explicitly, then multiplies;
 *  - every kernel call costs microseconds whatever its size: the forward fuses matMul + bias (+ relu) into one
 *    tf.fused.matMul, and the loss gradient is written out (lossAndGradient) instead of taped.
 * The weights are the compiled model's own variables, so predict, getWeights and setWeights see the same values.
 */
import * as tf from '@tensorflow/tfjs';
import { incomingEdges } from '../../core/graph/topology.ts';
import type { LayerLabDropout } from '../customLayers.ts';
import { layerNameOf } from '../layerNames.ts';
import type { TrainerSettings } from '../trainer.ts';
import type { ActivationOps } from './activationOps.ts';
import { activationOps } from './activationOps.ts';
import { lossAndGradient } from './losses.ts';
import type { TrainingNetwork } from './network.ts';
import { createKerasOptimizer } from './optimizers.ts';
import type { KernelPenalty } from './penalties.ts';
import { penaltyValue, withPenaltyGradient } from './penalties.ts';
import type { StepEngine } from './stepEngine.ts';
import { metricValue } from './targets.ts';

type ChainStep =
  | { kind: 'dense'; nodeId: string; kernel: tf.Variable; bias: tf.Variable | null; ops: ActivationOps; penalty: KernelPenalty | null }
  | { kind: 'activation'; nodeId: string; ops: ActivationOps }
  | { kind: 'identity'; nodeId: string }
  | { kind: 'dropout'; nodeId: string; rate: number; seed: number; calls: number };

/** What the forward pass keeps for the backward pass, per step. */
interface Trace {
  /** The step's input and output. */
  input: tf.Tensor;
  output: tf.Tensor;
  /** Dense: z before the activation, when the activation's backward needs it. */
  preActivation: tf.Tensor | null;
  /** Dropout: the 0/1 mask of kept values. */
  keep: tf.Tensor | null;
}

function variableNamed(network: TrainingNetwork, nodeId: string, weight: string): tf.Variable | null {
  const variable = network.model.getLayer(layerNameOf(nodeId)).weights.find((w) => w.originalName.endsWith(`/${weight}`));
  return variable === undefined ? null : (variable.read() as tf.Variable);
}

/** The chain's steps from Input to output, or null when the graph is not such a chain (the generic path runs it). */
function chainSteps(network: TrainingNetwork): ChainStep[] | null {
  const { graph, inputId, outputId, shapes } = network;
  const incoming = incomingEdges(graph);
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const steps: ChainStep[] = [];
  let current = inputId;
  while (current !== outputId) {
    const targets = next.get(current) ?? [];
    const target = targets[0];
    if (targets.length !== 1 || target === undefined || (incoming.get(target) ?? []).length !== 1) return null;
    const node = byId.get(target);
    if (node === undefined) return null;
    // Dense and softmax work along the last axis: the flat rows are that axis only when the input is rank 1.
    const flatInput = (shapes.get(current) ?? []).length === 1;
    if (node.kind === 'Flatten' || node.kind === 'Reshape') {
      steps.push({ kind: 'identity', nodeId: node.id });
    } else if (node.kind === 'Dense' && flatInput) {
      const kernel = variableNamed(network, node.id, 'kernel');
      if (kernel === null) return null;
      const bias = node.params.use_bias ? variableNamed(network, node.id, 'bias') : null;
      const penalty = network.penalties.find((p) => p.nodeId === node.id) ?? null;
      steps.push({ kind: 'dense', nodeId: node.id, kernel, bias, ops: activationOps(node.params.activation), penalty });
    } else if (node.kind === 'Activation' && (flatInput || node.params.activation !== 'softmax')) {
      steps.push({ kind: 'activation', nodeId: node.id, ops: activationOps(node.params.activation) });
    } else if (node.kind === 'Dropout') {
      const layer = network.model.getLayer(layerNameOf(node.id)) as LayerLabDropout;
      // The layer's own seed, so the fast path draws the very masks the generic path would.
      steps.push({ kind: 'dropout', nodeId: node.id, rate: node.params.rate, seed: layer.seed, calls: 0 });
    } else {
      return null;
    }
    current = target;
  }
  return steps;
}

function denseForward(step: Extract<ChainStep, { kind: 'dense' }>, input: tf.Tensor): { z: tf.Tensor | null; a: tf.Tensor } {
  const { kernel, bias, ops } = step;
  const fused = ops.fused;
  if (fused !== null) {
    return { z: null, a: tf.fused.matMul({ a: input as tf.Tensor2D, b: kernel as tf.Tensor2D, bias: bias ?? undefined, activation: fused }) };
  }
  const z = tf.fused.matMul({ a: input as tf.Tensor2D, b: kernel as tf.Tensor2D, bias: bias ?? undefined });
  return { z: ops.needsInput ? z : null, a: ops.forward(z) };
}

/**
 * LayerLabDropout's training branch, draw for draw: call k of layer `seed` keeps a value where
 * uniform("<seed>/<k>") >= rate, and scales the kept values by 1 / (1 - rate).
 */
function dropoutForward(step: Extract<ChainStep, { kind: 'dropout' }>, input: tf.Tensor): { keep: tf.Tensor | null; a: tf.Tensor } {
  if (step.rate <= 0) return { keep: null, a: input };
  if (step.rate >= 1) return { keep: null, a: tf.zerosLike(input) };
  const callSeed = `${step.seed}/${step.calls}`;
  step.calls += 1;
  const keep = tf.cast(tf.greaterEqual(tf.randomUniform(input.shape, 0, 1, 'float32', callSeed), step.rate), 'float32');
  return { keep, a: tf.div(tf.mul(input, keep), 1 - step.rate) };
}

/** The fast path for `network`, or null when it is not such a chain (the generic path then runs it). */
export function createDenseFastPath(network: TrainingNetwork, settings: TrainerSettings): StepEngine | null {
  const steps = chainSteps(network);
  if (steps === null) return null;
  const { mode, penalties } = network;
  const variables: tf.Variable[] = [];
  for (const step of steps) {
    if (step.kind !== 'dense') continue;
    variables.push(step.kernel);
    if (step.bias !== null) variables.push(step.bias);
  }
  const optimizer = createKerasOptimizer(settings.optimizer, settings.learningRate, variables);
  const firstDense = steps.findIndex((s) => s.kind === 'dense');

  /** Inference (training false: Dropout passes its input on) or training forward, keeping what backward needs. */
  const forward = (x: tf.Tensor, training: boolean): Trace[] => {
    const traces: Trace[] = [];
    let a = x;
    for (const step of steps) {
      const input = a;
      let preActivation: tf.Tensor | null = null;
      let keep: tf.Tensor | null = null;
      if (step.kind === 'dense') {
        const result = denseForward(step, input);
        preActivation = result.z;
        a = result.a;
      } else if (step.kind === 'activation') {
        preActivation = step.ops.needsInput ? input : null;
        a = step.ops.forward(input);
      } else if (step.kind === 'dropout' && training) {
        const result = dropoutForward(step, input);
        keep = result.keep;
        a = result.a;
      }
      traces.push({ input, output: a, preActivation, keep });
    }
    return traces;
  };

  return {
    trainStep(x, targets) {
      const traces = forward(x, true);
      const out = traces[traces.length - 1]?.output ?? x;
      const { value: dataLoss, grad: dOut } = lossAndGradient(settings.loss, out, targets.t);
      const penalty = penaltyValue(penalties);
      const loss = penalty === null ? dataLoss : tf.add(dataLoss, penalty);
      const metric = metricValue(mode, out, targets);

      const grads = new Map<tf.Variable, tf.Tensor>();
      let dA: tf.Tensor = dOut;
      for (let i = steps.length - 1; i >= firstDense && i >= 0; i -= 1) {
        const step = steps[i];
        const trace = traces[i];
        if (step === undefined || trace === undefined) break;
        if (step.kind === 'identity') continue;
        if (step.kind === 'dropout') {
          if (step.rate >= 1) dA = tf.zerosLike(dA);
          else if (trace.keep !== null) dA = tf.mul(tf.div(dA, 1 - step.rate), trace.keep);
          continue;
        }
        const dZ = step.ops.backward(dA, trace.output, trace.preActivation);
        if (step.kind === 'activation') {
          dA = dZ;
          continue;
        }
        // dW = inputᵀ dZ and dInput = dZ Wᵀ, with explicit transposes (see the file comment).
        const dW = tf.matMul(tf.transpose(trace.input), dZ);
        grads.set(step.kernel, step.penalty === null ? dW : withPenaltyGradient(dW, step.penalty));
        if (step.bias !== null) grads.set(step.bias, tf.sum(dZ, 0));
        if (i > firstDense) dA = tf.matMul(dZ, tf.transpose(step.kernel));
      }
      optimizer.apply(variables.map((v) => grads.get(v) ?? null));
      return tf.stack([loss, metric]) as tf.Tensor1D;
    },
    predict(x) {
      const traces = forward(x, false);
      return traces[traces.length - 1]?.output ?? x;
    },
    outputsOf(x, nodeIds) {
      const traces = forward(x, false);
      const byId = new Map(steps.map((step, i) => [step.nodeId, traces[i]?.output]));
      return nodeIds.map((id) => {
        const output = byId.get(id);
        if (output === undefined) throw new Error(`${id} is not a layer of this network`);
        return output;
      });
    },
    setLearningRate(learningRate) {
      optimizer.setLearningRate(learningRate);
    },
    dispose() {
      optimizer.dispose();
    },
  };
}
