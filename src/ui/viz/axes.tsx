/** SVG axes for the plots: tick marks, tick labels, faint grid lines across the plot, and the axis title. */

export interface PlotRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface AxisProps {
  rect: PlotRect;
  ticks: readonly number[];
  /** Data value to pixel (x for XAxis, y for YAxis). */
  position: (v: number) => number;
  format: (v: number) => string;
  /** The axis title: "epoch", "x1". */
  label?: string;
  /** Tick labels and title shown (false for the upper of two stacked plots sharing the x axis). */
  labelled?: boolean;
  /** Faint lines across the plot at each tick. */
  grid?: boolean;
}

export function XAxis({ rect, ticks, position, format, label, labelled = true, grid = false }: AxisProps) {
  const y = rect.top + rect.height;
  return (
    <g className="viz-axis" aria-hidden="true">
      {ticks.map((t) => {
        const x = position(t);
        return (
          <g key={t}>
            {grid ? <line className="viz-grid" x1={x} x2={x} y1={rect.top} y2={y} /> : null}
            <line x1={x} x2={x} y1={y} y2={y + 4} />
            {labelled ? (
              <text x={x} y={y + 14} textAnchor="middle">
                {format(t)}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={rect.left} x2={rect.left + rect.width} y1={y} y2={y} />
      {labelled && label ? (
        <text className="viz-axis-title" x={rect.left + rect.width / 2} y={y + 27} textAnchor="middle">
          {label}
        </text>
      ) : null}
    </g>
  );
}

export function YAxis({ rect, ticks, position, format, label, labelled = true, grid = false }: AxisProps) {
  const x = rect.left;
  return (
    <g className="viz-axis" aria-hidden="true">
      {ticks.map((t) => {
        const y = position(t);
        return (
          <g key={t}>
            {grid ? <line className="viz-grid" x1={x} x2={x + rect.width} y1={y} y2={y} /> : null}
            <line x1={x - 4} x2={x} y1={y} y2={y} />
            {labelled ? (
              <text x={x - 6} y={y} dy="0.32em" textAnchor="end">
                {format(t)}
              </text>
            ) : null}
          </g>
        );
      })}
      <line x1={x} x2={x} y1={rect.top} y2={rect.top + rect.height} />
      {label ? (
        <text
          className="viz-axis-title"
          transform={`translate(${x - 36} ${rect.top + rect.height / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}
