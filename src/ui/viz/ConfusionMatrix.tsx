import { memo, useMemo } from 'react';
import { cssRgb, shareColor, textColorOn, type VizTheme } from './colorScale.ts';
import { summariseConfusion } from './confusion.ts';
import { formatCount, formatPercent } from './format.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface ConfusionMatrixProps {
  /** k×k counts, row-major: counts[t*k + p] = examples of true class t predicted as class p. */
  counts: ArrayLike<number>;
  /** Class names, k of them (2..10), in class order. */
  classNames: readonly string[];
  /** Which examples were counted, for the caption: "test data" (default), "training data". */
  dataName?: string;
  theme?: VizTheme;
}

/**
 * Which classes the network mixes up: a table (rows = true class, columns = predicted class) whose cells show the
 * count and its share of the row, shaded by that share, so the diagonal is dark when the network is right. A real
 * <table> with row and column headers, so a screen reader reads "true 3, predicted 5: 12, 4.0%".
 */
export const ConfusionMatrix = memo(function ConfusionMatrix({ counts, classNames, dataName = 'test data', theme }: ConfusionMatrixProps) {
  const t = useVizTheme(theme);
  const k = classNames.length;
  const summary = useMemo(() => (k >= 1 && counts.length >= k * k ? summariseConfusion(counts, k) : null), [counts, k]);
  if (summary === null) {
    return <p className="viz-caption">The confusion matrix needs {k * k} counts for {k} classes; it has {counts.length}.</p>;
  }
  const accuracy =
    summary.accuracy === null
      ? `no ${dataName} yet`
      : `accuracy ${formatPercent(summary.accuracy)} (${formatCount(summary.correct)} of ${formatCount(summary.total)} right)`;
  return (
    <table className={k > 5 ? 'viz-confusion compact' : 'viz-confusion'}>
      <caption>
        Confusion matrix on the {dataName}: {accuracy}
      </caption>
      <thead>
        <tr>
          <td colSpan={2} rowSpan={2} />
          <th scope="colgroup" colSpan={k} className="viz-axis-name">
            predicted class
          </th>
        </tr>
        <tr>
          {classNames.map((name, p) => (
            <th key={p} scope="col" title={name}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {classNames.map((name, row) => (
          <tr key={row}>
            {row === 0 ? (
              <th scope="rowgroup" rowSpan={k} className="viz-axis-name">
                <span className="viz-vertical">true class</span>
              </th>
            ) : null}
            <th scope="row" title={name}>
              {name}
            </th>
            {classNames.map((_, p) => {
              const share = summary.shares[row * k + p] as number;
              const background = shareColor(share, t);
              const empty = summary.rowTotals[row] === 0;
              return (
                <td
                  key={p}
                  className={p === row ? 'viz-diagonal' : undefined}
                  data-count={counts[row * k + p]}
                  style={{ background: cssRgb(background), color: textColorOn(background) }}
                >
                  {formatCount(counts[row * k + p] as number)}
                  <span className="viz-share">{empty ? '—' : formatPercent(share)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
