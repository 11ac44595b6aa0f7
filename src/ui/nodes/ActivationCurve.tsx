import { line, scaleLinear } from 'd3';
import { memo, useMemo } from 'react';
import type { NodeCurve } from './nodeCurve.ts';

const WIDTH = 44;
const HEIGHT = 26;
const PAD = 2;
const X_RANGE: [number, number] = [-4, 4];

/** The node's activation function over x in -4..4, with faint axes through zero: a glance at what it does. */
export const ActivationCurve = memo(function ActivationCurve({ curve }: { curve: NodeCurve }) {
  const { path, zeroX, zeroY } = useMemo(() => {
    const xs = Array.from({ length: 41 }, (_, i) => X_RANGE[0] + ((X_RANGE[1] - X_RANGE[0]) * i) / 40);
    const points = xs.map((x) => [x, curve.f(x)] as const).filter(([, y]) => Number.isFinite(y));
    const ys = points.map(([, y]) => y);
    let lo = Math.min(0, ...ys);
    let hi = Math.max(0, ...ys);
    if (hi - lo < 1e-6) {
      lo -= 1;
      hi += 1;
    }
    const x = scaleLinear().domain(X_RANGE).range([PAD, WIDTH - PAD]);
    const y = scaleLinear().domain([lo, hi]).range([HEIGHT - PAD, PAD]);
    const d = line<readonly [number, number]>()
      .x(([px]) => x(px))
      .y(([, py]) => y(py))(points);
    return { path: d ?? '', zeroX: x(0), zeroY: y(0) };
  }, [curve]);
  return (
    <svg className="activation-curve" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${curve.name} curve`}>
      <line x1={0} x2={WIDTH} y1={zeroY} y2={zeroY} className="curve-axis" />
      <line x1={zeroX} x2={zeroX} y1={0} y2={HEIGHT} className="curve-axis" />
      <path d={path} className="curve-line" />
    </svg>
  );
});
