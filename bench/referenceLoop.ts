/**
 * The reference the training benchmarks are read against: the W1 network (2-8-8-1, tanh, tanh, sigmoid, binary
 * crossentropy, SGD) written out as one plain typed-array loop with nothing general about it — no graph, no layers,
 * no optimizer objects. It runs in the same process as the engine, so engine / reference is a ratio that holds on
 * any machine (PERFORMANCE-NOTES.md measured about 1.2 million samples/s here).
 */

export interface ReferenceNet {
  w1: Float32Array; // 2×8
  b1: Float32Array;
  w2: Float32Array; // 8×8
  b2: Float32Array;
  w3: Float32Array; // 8×1
  b3: Float32Array;
}

export function referenceNet(seed = 1): ReferenceNet {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
  const fill = (n: number, scale: number): Float32Array => Float32Array.from({ length: n }, () => next() * scale);
  return { w1: fill(16, 1.2), b1: new Float32Array(8), w2: fill(64, 0.8), b2: new Float32Array(8), w3: fill(8, 0.8), b3: new Float32Array(1) };
}

/**
 * `epochs` passes of mini-batch SGD (batch `batch`, learning rate `lr`) over `count` examples of 2 features; labels
 * 0/1. Returns the number of examples trained on. Gradients are the batch mean, as Keras computes them.
 */
export function referenceTrain(net: ReferenceNet, x: Float32Array, y: Float32Array, count: number, batch: number, lr: number, epochs: number): number {
  const { w1, b1, w2, b2, w3, b3 } = net;
  const h1 = new Float64Array(8);
  const h2 = new Float64Array(8);
  const g1 = new Float64Array(8);
  const g2 = new Float64Array(8);
  const dw1 = new Float64Array(16);
  const db1 = new Float64Array(8);
  const dw2 = new Float64Array(64);
  const db2 = new Float64Array(8);
  const dw3 = new Float64Array(8);
  let db3: number;
  let trained = 0;
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let start = 0; start < count; start += batch) {
      const end = Math.min(count, start + batch);
      dw1.fill(0);
      db1.fill(0);
      dw2.fill(0);
      db2.fill(0);
      dw3.fill(0);
      db3 = 0;
      for (let n = start; n < end; n += 1) {
        const a = x[n * 2] ?? 0;
        const b = x[n * 2 + 1] ?? 0;
        for (let j = 0; j < 8; j += 1) h1[j] = Math.tanh(a * (w1[j] ?? 0) + b * (w1[8 + j] ?? 0) + (b1[j] ?? 0));
        for (let j = 0; j < 8; j += 1) {
          let z = b2[j] ?? 0;
          for (let i = 0; i < 8; i += 1) z += (h1[i] ?? 0) * (w2[i * 8 + j] ?? 0);
          h2[j] = Math.tanh(z);
        }
        let z3 = b3[0] ?? 0;
        for (let i = 0; i < 8; i += 1) z3 += (h2[i] ?? 0) * (w3[i] ?? 0);
        const p = 1 / (1 + Math.exp(-z3));
        const d3 = p - (y[n] ?? 0);
        db3 += d3;
        for (let i = 0; i < 8; i += 1) {
          dw3[i] = (dw3[i] ?? 0) + d3 * (h2[i] ?? 0);
          g2[i] = d3 * (w3[i] ?? 0) * (1 - (h2[i] ?? 0) ** 2);
        }
        for (let i = 0; i < 8; i += 1) {
          let sum = 0;
          for (let j = 0; j < 8; j += 1) {
            dw2[i * 8 + j] = (dw2[i * 8 + j] ?? 0) + (h1[i] ?? 0) * (g2[j] ?? 0);
            sum += (w2[i * 8 + j] ?? 0) * (g2[j] ?? 0);
          }
          g1[i] = sum * (1 - (h1[i] ?? 0) ** 2);
        }
        for (let j = 0; j < 8; j += 1) {
          db2[j] = (db2[j] ?? 0) + (g2[j] ?? 0);
          db1[j] = (db1[j] ?? 0) + (g1[j] ?? 0);
          dw1[j] = (dw1[j] ?? 0) + a * (g1[j] ?? 0);
          dw1[8 + j] = (dw1[8 + j] ?? 0) + b * (g1[j] ?? 0);
        }
      }
      const step = lr / (end - start);
      for (let i = 0; i < 16; i += 1) w1[i] = (w1[i] ?? 0) - step * (dw1[i] ?? 0);
      for (let i = 0; i < 64; i += 1) w2[i] = (w2[i] ?? 0) - step * (dw2[i] ?? 0);
      for (let i = 0; i < 8; i += 1) {
        b1[i] = (b1[i] ?? 0) - step * (db1[i] ?? 0);
        b2[i] = (b2[i] ?? 0) - step * (db2[i] ?? 0);
        w3[i] = (w3[i] ?? 0) - step * (dw3[i] ?? 0);
      }
      b3[0] = (b3[0] ?? 0) - step * db3;
      trained += end - start;
    }
  }
  return trained;
}

/** The W1 network's every layer over `count` points (the decision-boundary grid), written out plainly. */
export function referenceGrid(net: ReferenceNet, x: Float32Array, count: number, out: { h1: Float32Array; h2: Float32Array; p: Float32Array }): void {
  const { w1, b1, w2, b2, w3, b3 } = net;
  for (let n = 0; n < count; n += 1) {
    const a = x[n * 2] ?? 0;
    const b = x[n * 2 + 1] ?? 0;
    for (let j = 0; j < 8; j += 1) out.h1[n * 8 + j] = Math.tanh(a * (w1[j] ?? 0) + b * (w1[8 + j] ?? 0) + (b1[j] ?? 0));
    let z3 = b3[0] ?? 0;
    for (let j = 0; j < 8; j += 1) {
      let z = b2[j] ?? 0;
      for (let i = 0; i < 8; i += 1) z += (out.h1[n * 8 + i] ?? 0) * (w2[i * 8 + j] ?? 0);
      const h = Math.tanh(z);
      out.h2[n * 8 + j] = h;
      z3 += h * (w3[j] ?? 0);
    }
    out.p[n] = 1 / (1 + Math.exp(-z3));
  }
}
