import { memo, useMemo, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { maxAbs } from './colorDomain.ts';
import { ColorLegend } from './ColorLegend.tsx';
import { divergingTable, type VizTheme } from './colorScale.ts';
import { formatCount, formatTick, formatValue } from './format.ts';
import { paintDiverging } from './gridPaint.ts';
import { cellAt, heatmapLayout } from './heatmapLayout.ts';
import { useCanvasImage } from './useCanvasImage.ts';
import { useSteppedDomain } from './useSteppedDomain.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface WeightHeatmapProps {
  /** A Dense kernel as Keras stores it, [inputs, units] row-major: values[i*cols + j] is the weight from input i to neuron j. */
  values: Float32Array;
  rows: number;
  cols: number;
  /** Row and column names, printed when the matrix is small (at most 16 × 16). */
  inputNames?: readonly string[];
  unitNames?: readonly string[];
  /** The colour scale's reach (default: stepped from the weights). */
  domain?: number;
  /** The box the matrix fits in, px (default 240 × 240). */
  maxWidth?: number;
  maxHeight?: number;
  /** What it is, for screen readers and the caption: "weights of hidden". */
  label?: string;
  theme?: VizTheme;
}

type Cell = [number, number];

/**
 * A weight matrix on the diverging scale, one canvas pixel per weight (784 × 128 is one ImageData). Pointing at a
 * cell, or focusing the matrix and moving with the arrow keys, reads "w[i→j] = value" under it.
 */
export const WeightHeatmap = memo(function WeightHeatmap({
  values,
  rows,
  cols,
  inputNames,
  unitNames,
  domain,
  maxWidth = 240,
  maxHeight = 240,
  label = 'Weights',
  theme,
}: WeightHeatmapProps) {
  const t = useVizTheme(theme);
  const count = rows * cols;
  const ok = rows > 0 && cols > 0 && values.length >= count;
  const dataMax = useMemo(() => (ok ? maxAbs(values, count) : 0), [ok, values, count]);
  const max = useSteppedDomain(dataMax, domain);
  const paint = useMemo(() => (ok ? (rgba: Uint8ClampedArray) => paintDiverging(values, count, max, divergingTable(t), rgba) : null), [ok, values, count, max, t]);
  const ref = useCanvasImage(ok ? cols : 1, ok ? rows : 1, paint);
  const layout = heatmapLayout(rows, cols, maxWidth, maxHeight);
  const [cursor, setCursor] = useState<Cell | null>(null);
  // What a screen reader hears: fixed when the cursor moves, so live training does not make it talk every frame.
  const [announced, setAnnounced] = useState('');

  const describe = (cell: Cell | null): string => {
    if (cell === null || !ok) return '';
    const [i, j] = cell;
    const names = inputNames?.[i] !== undefined || unitNames?.[j] !== undefined ? `  (${inputNames?.[i] ?? `input ${i}`} → ${unitNames?.[j] ?? `neuron ${j}`})` : '';
    return `w[${i}→${j}] = ${formatValue(values[i * cols + j] as number)}${names}`;
  };
  const moveTo = (cell: Cell | null): void => {
    setCursor(cell);
    setAnnounced(describe(cell));
  };

  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const cell = cellAt(event.clientX - box.left, event.clientY - box.top, box.width, box.height, rows, cols);
    if (cell?.[0] !== cursor?.[0] || cell?.[1] !== cursor?.[1]) setCursor(cell);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLCanvasElement>): void => {
    const [i, j] = cursor ?? [0, 0];
    const page = Math.max(1, Math.round(rows / 10));
    const moves: Record<string, Cell> = {
      ArrowUp: [i - 1, j],
      ArrowDown: [i + 1, j],
      ArrowLeft: [i, j - 1],
      ArrowRight: [i, j + 1],
      PageUp: [i - page, j],
      PageDown: [i + page, j],
      Home: [i, 0],
      End: [i, cols - 1],
    };
    const next = moves[event.key];
    if (event.key === 'Escape') return moveTo(null);
    if (!next) return;
    event.preventDefault();
    moveTo([Math.min(rows - 1, Math.max(0, next[0])), Math.min(cols - 1, Math.max(0, next[1]))]);
  };

  const summary = `${label}: ${formatCount(rows)} inputs (rows) × ${formatCount(cols)} neurons (columns), from −${formatTick(max)} (orange) to ${formatTick(max)} (blue). Use the arrow keys to read single weights.`;
  const rowLabels = layout.labelled ? Array.from({ length: rows }, (_, i) => inputNames?.[i] ?? String(i)) : null;
  const colLabels = layout.labelled ? Array.from({ length: cols }, (_, j) => unitNames?.[j] ?? String(j)) : null;

  return (
    <figure className="viz-weights" style={{ margin: 0 }}>
      <div className="viz-weights-grid">
        <span className="viz-weights-axis" style={{ gridRow: 1, gridColumn: 3 }}>
          neurons (units) →
        </span>
        <span className="viz-weights-axis viz-vertical-title" style={{ gridRow: 3, gridColumn: 1 }}>
          inputs →
        </span>
        {colLabels ? (
          <div className="viz-weights-cols" aria-hidden="true" style={{ gridRow: 2, gridColumn: 3, gridTemplateColumns: `repeat(${cols}, ${layout.cellWidth}px)` }}>
            {colLabels.map((name, j) => (
              <span key={j}>{name}</span>
            ))}
          </div>
        ) : null}
        {rowLabels ? (
          <div className="viz-weights-rows" aria-hidden="true" style={{ gridRow: 3, gridColumn: 2, gridTemplateRows: `repeat(${rows}, ${layout.cellHeight}px)` }}>
            {rowLabels.map((name, i) => (
              <span key={i}>{name}</span>
            ))}
          </div>
        ) : null}
        <div className="viz-weights-canvas" style={{ gridRow: 3, gridColumn: 3 }}>
          <canvas
            ref={ref}
            width={ok ? cols : 1}
            height={ok ? rows : 1}
            className={layout.cellWidth >= 1 && layout.cellHeight >= 1 ? 'viz-pixelated' : undefined}
            style={{ width: layout.width, height: layout.height }}
            tabIndex={0}
            role="img"
            aria-label={summary}
            onPointerMove={onPointerMove}
            onPointerLeave={() => setCursor(null)}
            onKeyDown={onKeyDown}
            onBlur={() => setCursor(null)}
          />
          {cursor ? (
            <span
              className="viz-weights-cursor"
              style={{ left: 1 + cursor[1] * layout.cellWidth, top: 1 + cursor[0] * layout.cellHeight, width: Math.max(2, layout.cellWidth), height: Math.max(2, layout.cellHeight) }}
            />
          ) : null}
        </div>
      </div>
      <output className="viz-readout">{cursor ? describe(cursor) : ' '}</output>
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
      <ColorLegend max={max} label="weight" theme={t} />
    </figure>
  );
});
