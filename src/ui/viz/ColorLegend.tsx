import { memo } from 'react';
import { classColor, valueCss, type VizTheme } from './colorScale.ts';
import { formatTick, MINUS } from './format.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface ColorLegendProps {
  /** The scale's reach: colours run from −max (orange) through 0 (grey) to +max (blue). */
  max: number;
  /** What the colours stand for, shown above the bar: "weight", "output". */
  label?: string;
  /** Other words for the three labels under the bar's ends and middle, e.g. ["0", "0.5", "1"] for a probability. */
  labels?: readonly [string, string, string];
  /** Bar width in px (default 120). */
  width?: number;
  theme?: VizTheme;
}

/** The diverging scale as a bar with its −max, 0 and +max labels: every picture coloured by value shows one. */
export const ColorLegend = memo(function ColorLegend({ max, label, labels, width = 120, theme }: ColorLegendProps) {
  const t = useVizTheme(theme);
  const hi = labels?.[2] ?? formatTick(max);
  const lo = labels?.[0] ?? (max > 0 ? `${MINUS}${hi}` : hi);
  const mid = labels?.[1] ?? '0';
  const gradient = `linear-gradient(to right, ${valueCss(-1, 1, t)}, ${valueCss(0, 1, t)}, ${valueCss(1, 1, t)})`;
  return (
    <div
      className="viz-legend"
      style={{ width }}
      role="img"
      aria-label={`Colour scale${label ? ` for ${label}` : ''}: orange ${lo}${labels ? '' : ' (negative)'}, grey ${mid}, blue ${hi}${labels ? '' : ' (positive)'}`}
    >
      {label ? <span className="viz-legend-title">{label}</span> : null}
      <span className="viz-legend-bar" style={{ background: gradient }} />
      <span className="viz-legend-labels mono" aria-hidden="true">
        <span>{lo}</span>
        <span>{mid}</span>
        <span>{hi}</span>
      </span>
    </div>
  );
});

export interface ClassLegendProps {
  /** Class names in class order. */
  names: readonly string[];
  /** A colour per class; default classColor (orange/blue for two, Tableau10 beyond). */
  colors?: readonly string[];
}

/** A swatch and name per class, for plots coloured by class. */
export const ClassLegend = memo(function ClassLegend({ names, colors }: ClassLegendProps) {
  return (
    <ul className="viz-class-legend" aria-label="Classes">
      {names.map((name, i) => (
        <li key={i}>
          <span className="viz-swatch" style={{ background: colors?.[i] ?? classColor(i, names.length) }} aria-hidden="true" />
          {name}
        </li>
      ))}
    </ul>
  );
});
