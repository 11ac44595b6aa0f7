import { memo, useMemo } from 'react';
import { useOutputDomain } from '../canvas/training/useLiveDomains.ts';
import { useTraining } from '../stores.ts';
import { divergingTable } from '../viz/colorScale.ts';
import { formatCount, formatValue } from '../viz/format.ts';
import { paintDiverging } from '../viz/gridPaint.ts';
import { useCanvasImage } from '../viz/useCanvasImage.ts';
import { useVizTheme } from '../viz/useVizTheme.ts';

/**
 * A wide layer's outputs on the viewed example as one strip of colour, one canvas pixel per unit (stretched to the
 * card's width): too many neurons for rows, but still a picture of which ones fire.
 */
export const ActivationBar = memo(function ActivationBar({ id, units }: { id: string; units: number }) {
  const values = useTraining((s) => s.canvas.sample?.outputs[id] ?? null);
  const domain = useOutputDomain();
  const theme = useVizTheme();
  const ok = values !== null && values.length >= units;
  const paint = useMemo(
    () => (ok ? (rgba: Uint8ClampedArray) => paintDiverging(values, units, domain, divergingTable(theme), rgba) : null),
    [ok, values, units, domain, theme],
  );
  const ref = useCanvasImage(units, 1, paint);
  return (
    <canvas
      ref={ref}
      className="activation-bar viz-pixelated"
      width={units}
      height={1}
      role="img"
      aria-label={`Outputs of ${id}'s ${formatCount(units)} units on the viewed example, from −${formatValue(domain)} (orange) to ${formatValue(domain)} (blue)`}
    />
  );
});
