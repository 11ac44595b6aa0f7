import { memo } from 'react';
import { formatPercent, formatValue } from './format.ts';
import { argmax, classProbabilities } from './probabilities.ts';
import './viz.css';

export interface ProbabilityBarsProps {
  /** The network's output for one example: k softmax probabilities, or one sigmoid probability (of class 1). */
  probabilities: ArrayLike<number>;
  /** Class names in class order (2 for a sigmoid output). */
  classNames: readonly string[];
  /** The example's true class, marked "true" (omit when unknown, e.g. a digit the student drew). */
  trueClass?: number;
  /** Raw scores before the softmax (logits), shown beside the probabilities for the softmax lesson. */
  logits?: ArrayLike<number>;
}

/**
 * How sure the network is about each class for one example: a bar and a percentage per class, the predicted class
 * (the largest) in bold with an accent bar, the true class tagged, and optionally the logits the softmax turned
 * into these probabilities.
 */
export const ProbabilityBars = memo(function ProbabilityBars({ probabilities, classNames, trueClass, logits }: ProbabilityBarsProps) {
  const probs = classProbabilities(probabilities);
  const predicted = argmax(probs);
  if (predicted < 0) return <p className="viz-caption">No prediction yet.</p>;
  const showLogits = logits !== undefined && logits.length === probs.length;
  const predictedName = classNames[predicted] ?? `class ${predicted}`;
  return (
    <table className="viz-probs">
      <caption className="visually-hidden">
        Predicted {predictedName} ({formatPercent(probs[predicted] ?? NaN)})
        {trueClass !== undefined ? `; the true class is ${classNames[trueClass] ?? trueClass}` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">class</th>
          <th scope="col">probability</th>
          <th scope="col" className="visually-hidden">
            percent
          </th>
          {showLogits ? <th scope="col">score (logit)</th> : null}
        </tr>
      </thead>
      <tbody>
        {probs.map((p, c) => (
          <tr key={c} className={c === predicted ? 'predicted' : undefined}>
            <th scope="row">
              {classNames[c] ?? `class ${c}`}
              {c === predicted ? <span className="viz-tag">predicted</span> : null}
              {c === trueClass ? <span className="viz-tag true">true</span> : null}
            </th>
            <td className="viz-bar-cell" aria-hidden="true">
              <span className="viz-bar" style={{ width: `${Math.max(0, Math.min(1, Number.isFinite(p) ? p : 0)) * 100}%` }} />
            </td>
            <td className="viz-num" style={{ minWidth: '6ch' }}>
              {formatPercent(p)}
            </td>
            {showLogits ? (
              <td className="viz-num" style={{ minWidth: '8ch' }}>
                {formatValue(logits[c] as number)}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
