/** Class probabilities as the probability bars show them. */

/**
 * One probability per class: a softmax output as it is; a single sigmoid output p as the two classes [1 − p, p]
 * (Keras's convention: the sigmoid is the probability of class 1).
 */
export function classProbabilities(outputs: ArrayLike<number>): number[] {
  const values = Array.from(outputs);
  return values.length === 1 ? [1 - (values[0] as number), values[0] as number] : values;
}

/** The index of the largest finite value (the predicted class); -1 when there is none. */
export function argmax(values: ArrayLike<number>): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > bestValue) {
      bestValue = v;
      best = i;
    }
  }
  return best;
}
