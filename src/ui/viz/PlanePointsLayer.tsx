import { memo, useMemo } from 'react';
import { classColor, valueCss, type VizTheme } from './colorScale.ts';
import type { NumberList } from './lossChartMath.ts';
import { circlesPath, groupByClass, groupByValue } from './pointPaths.ts';

/** Points in a plane: interleaved (x, y) pairs and one label per point. */
export interface PlanePoints {
  /** Interleaved coordinates [x0, y0, x1, y1, …] (x1 and x2 of the data). */
  xy: NumberList;
  /** Per point: the class index (classification) or the target value (regression). */
  labels: NumberList;
}

export interface PlanePointsLayerProps {
  train?: PlanePoints;
  test?: PlanePoints;
  /** Data to pixel, per axis. */
  x: (v: number) => number;
  y: (v: number) => number;
  /** Classes (colours) of the labels; ignored when `valueDomain` is set. */
  classCount: number;
  /** Set for regression targets: labels are coloured on the diverging scale reaching this far. */
  valueDomain?: number;
  theme: VizTheme;
  radius?: number;
}

function pointCount(points: PlanePoints): number {
  return Math.min(Math.floor(points.xy.length / 2), points.labels.length);
}

/**
 * Train points filled, test points outlined (a ring of the class colour around a surface-coloured centre, so it
 * reads over a background of the same hue), one SVG path per colour. Memoised apart from the heatmap under it: a
 * new frame of the boundary does not touch the points.
 */
export const PlanePointsLayer = memo(PointsLayer, samePoints);

function PointsLayer({ train, test, x, y, classCount, valueDomain, theme, radius = 3.5 }: PlanePointsLayerProps) {
  const layers = useMemo(() => {
    const build = (points: PlanePoints | undefined, outlined: boolean) => {
      if (!points) return [];
      const n = pointCount(points);
      const cx = (i: number): number => x(points.xy[2 * i] as number);
      const cy = (i: number): number => y(points.xy[2 * i + 1] as number);
      const groups = valueDomain !== undefined ? groupByValue(points.labels, n, valueDomain) : groupByClass(points.labels, n);
      return [...groups].map(([key, indices]) => ({
        key: `${outlined ? 't' : 'f'}${key}`,
        d: circlesPath(indices, cx, cy, outlined ? radius - 0.5 : radius),
        color: valueDomain !== undefined ? valueCss(key, 1, theme) : classColor(key, classCount),
        outlined,
      }));
    };
    return [...build(train, false), ...build(test, true)];
  }, [train, test, x, y, classCount, valueDomain, theme, radius]);
  return (
    <g aria-hidden="true">
      {layers.map((l) =>
        l.outlined ? <path key={l.key} className="viz-points-test" d={l.d} stroke={l.color} /> : <path key={l.key} className="viz-points-train" d={l.d} fill={l.color} />,
      )}
    </g>
  );
}

/** Same points when the arrays are the same, even in a new { xy, labels } wrapper made for this frame. */
function samePoints(a: PlanePointsLayerProps, b: PlanePointsLayerProps): boolean {
  const same = (p?: PlanePoints, q?: PlanePoints): boolean => p === q || (p !== undefined && q !== undefined && p.xy === q.xy && p.labels === q.labels);
  return (
    same(a.train, b.train) &&
    same(a.test, b.test) &&
    a.x === b.x &&
    a.y === b.y &&
    a.classCount === b.classCount &&
    a.valueDomain === b.valueDomain &&
    a.theme === b.theme &&
    a.radius === b.radius
  );
}

export function countPoints(points: PlanePoints | undefined): number {
  return points ? pointCount(points) : 0;
}
