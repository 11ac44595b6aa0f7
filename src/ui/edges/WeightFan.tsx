import { useInternalNode } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { RowKind } from '../canvas/training/cardGeometry.ts';
import { useWeightDomain } from '../canvas/training/useLiveDomains.ts';
import { fanLines, weightLineStyle } from '../canvas/training/weightFan.ts';
import { useTraining } from '../stores.ts';
import { useVizTheme } from '../viz/useVizTheme.ts';

export interface WeightFanProps {
  source: string;
  target: string;
  sourceUnits: number;
  targetUnits: number;
}

/**
 * One line per weight between two small layers, from each source neuron's row to each target neuron's row, coloured
 * by sign and sized by |w| (weightFan.ts). The geometry changes only when a card moves, so it is memoised on the cards'
 * boxes; each frame only recolours the lines. The stroke colour is in the `stroke` attribute (data-testid
 * "weight-line"), where the browser tests read it.
 */
export const WeightFan = memo(function WeightFan({ source, target, sourceUnits, targetUnits }: WeightFanProps) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  const rows: RowKind = useTraining((s) => (s.canvas.grid !== null ? 'map' : 'dot'));
  const kernel = useTraining((s) => s.canvas.weights?.[target]?.find((t) => t.name === 'kernel')?.values ?? null);
  const domain = useWeightDomain();
  const theme = useVizTheme();

  const sx = from?.internals.positionAbsolute.x;
  const sy = from?.internals.positionAbsolute.y;
  const sw = from?.measured.width;
  const tx = to?.internals.positionAbsolute.x;
  const ty = to?.internals.positionAbsolute.y;
  const lines = useMemo(() => {
    if (sx === undefined || sy === undefined || sw === undefined || tx === undefined || ty === undefined) return null;
    return fanLines({ x: sx, y: sy, width: sw, height: 0 }, { x: tx, y: ty, width: 0, height: 0 }, sourceUnits, targetUnits, rows);
  }, [sx, sy, sw, tx, ty, sourceUnits, targetUnits, rows]);

  // Cards not yet measured, or weights of another shape (a frame after an edit): the plain edge shows instead.
  if (lines === null || kernel === null || kernel.length !== sourceUnits * targetUnits) return null;
  return (
    <g className="weight-fan" aria-hidden="true">
      {lines.map((line, k) => {
        const style = weightLineStyle(kernel[k] as number, domain, theme);
        return <path key={k} className="weight-line" data-testid="weight-line" d={line.d} stroke={style.stroke} strokeWidth={style.width} fill="none" />;
      })}
    </g>
  );
});
