/**
 * The numbers of Keras 3's optimizers that both numeric paths must compute identically (engine/typed and engine/tfjs
 * implement the updates; see keras/src/optimizers/*.py).
 */

/** Adam's defaults in Keras 3. */
export const ADAM_BETA_1 = 0.9;
export const ADAM_BETA_2 = 0.999;
/** Keras's epsilon for Adam, RMSprop and Adagrad. */
export const OPTIMIZER_EPSILON = 1e-7;

const f32 = Math.fround;

/**
 * Adam's step size at step t (from 1), computed in float32 as Keras computes it from float32 variables: in float64,
 * 1 - 0.999 differs from float32's 1 - 0.999 by 1.3e-5 relative, which would move every first step by 6e-6.
 */
export function adamAlpha(learningRate: number, step: number): number {
  const beta1Power = f32(f32(ADAM_BETA_1) ** step);
  const beta2Power = f32(f32(ADAM_BETA_2) ** step);
  return f32(f32(f32(learningRate) * f32(Math.sqrt(f32(1 - beta2Power)))) / f32(1 - beta1Power));
}
