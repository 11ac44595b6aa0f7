import { memo } from 'react';
import { useWeightDomain } from '../canvas/training/useLiveDomains.ts';
import { meanAbs } from '../canvas/training/weightFan.ts';
import { useTraining } from '../stores.ts';
import { valueCss } from '../viz/colorScale.ts';
import { formatValue } from '../viz/format.ts';
import { useVizTheme } from '../viz/useVizTheme.ts';

/** Mean |w| per kernel array: many edges and several store updates per frame ask for the same one. */
const means = new WeakMap<Float32Array, number>();

function kernelMeanAbs(kernel: Float32Array | null): number | null {
  if (kernel === null) return null;
  let mean = means.get(kernel);
  if (mean === undefined) {
    mean = meanAbs(kernel);
    means.set(kernel, mean);
  }
  return mean;
}

/**
 * An edge into a Dense with too many weights to draw one by one: the edge itself, tinted by the mean |weight| on the
 * weight scale (and thicker for larger weights); the card's heatmap shows the weights themselves.
 */
export const WeightTint = memo(function WeightTint({ target, path }: { target: string; path: string }) {
  const mean = useTraining((s) => kernelMeanAbs(s.canvas.weights?.[target]?.find((t) => t.name === 'kernel')?.values ?? null));
  const domain = useWeightDomain();
  const theme = useVizTheme();
  if (mean === null) return null;
  const share = Math.min(1, mean / domain);
  return (
    <path className="weight-tint" data-testid="weight-tint" d={path} stroke={valueCss(mean, domain, theme)} strokeWidth={1.6 + 2.4 * share} fill="none">
      <title>{`mean |weight| into ${target}: ${formatValue(mean)}`}</title>
    </path>
  );
});
