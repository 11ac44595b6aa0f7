/**
 * The training history as the loss chart draws it: interleaved (epoch, value) pairs per curve, in buffers that only
 * grow. The chart decimates only the pairs added since the last frame when the buffer and its start stay the same,
 * so a 10,000-epoch run costs a frame no more than a 10-epoch one.
 */
import type { EpochPoint } from '../../worker/protocol.ts';

type Pick = (point: EpochPoint) => number | null;

const PICKS: Record<'loss' | 'testLoss' | 'metric' | 'testMetric', Pick> = {
  loss: (p) => p.loss,
  testLoss: (p) => p.testLoss,
  metric: (p) => p.metric,
  testMetric: (p) => p.testMetric,
};

export type CurveName = keyof typeof PICKS;

export interface CurveBuffers {
  /** Pairs per curve; only the first `count` pairs are meaningful. */
  curves: Record<CurveName, Float64Array>;
  count: number;
  /** Whether the run holds out test data (its test curves are drawn). */
  hasTest: boolean;
}

export function emptyCurves(): CurveBuffers {
  const empty = new Float64Array(0);
  return { curves: { loss: empty, testLoss: empty, metric: empty, testMetric: empty }, count: 0, hasTest: false };
}

/**
 * `buffers` brought up to `history`: appended in place when the history only grew (the same arrays, a larger count),
 * rebuilt in new arrays when it shrank (a new run) or outgrew them (capacity doubles).
 */
export function updateCurves(buffers: CurveBuffers, history: readonly EpochPoint[]): CurveBuffers {
  const n = history.length;
  const capacity = buffers.curves.loss.length / 2;
  const fresh = n < buffers.count || n > capacity;
  const next: CurveBuffers = fresh
    ? {
        curves: {
          loss: new Float64Array(Math.max(64, 2 * n) * 2),
          testLoss: new Float64Array(Math.max(64, 2 * n) * 2),
          metric: new Float64Array(Math.max(64, 2 * n) * 2),
          testMetric: new Float64Array(Math.max(64, 2 * n) * 2),
        },
        count: 0,
        hasTest: false,
      }
    : { ...buffers };
  for (let i = next.count; i < n; i += 1) {
    const point = history[i] as EpochPoint;
    for (const name of Object.keys(PICKS) as CurveName[]) {
      const curve = next.curves[name];
      curve[i * 2] = point.epoch;
      curve[i * 2 + 1] = PICKS[name](point) ?? Number.NaN;
    }
  }
  next.count = n;
  next.hasTest = n > 0 && history[0]?.testLoss !== null;
  return next;
}

/** A stable end for the epoch axis: the planned epochs, or (until stopped) the next of 100, 200, 500, 1000, … */
export function epochAxisEnd(epoch: number, planned: number | null): number {
  if (planned !== null && planned >= epoch) return planned;
  let end = 100;
  for (let i = 0; end < epoch; i += 1) end *= i % 3 === 1 ? 2.5 : 2;
  return end;
}
