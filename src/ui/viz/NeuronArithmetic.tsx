import { memo, useMemo } from 'react';
import { maxAbs, niceCeil } from './colorDomain.ts';
import { ColorLegend } from './ColorLegend.tsx';
import { cssRgb, textColorOn, valueColor, type VizTheme } from './colorScale.ts';
import { formatCount, formatValue } from './format.ts';
import { arithmeticRows, MAX_ARITHMETIC_ROWS, sumMatches } from './neuronArithmetic.ts';
import { useVizTheme } from './useVizTheme.ts';
import './viz.css';

export interface NeuronArithmeticProps {
  /** Names of the inputs ("x1", "pixel 345"); default "input i". */
  inputNames?: readonly string[];
  /** The example's inputs to this neuron, and the neuron's weights for them (same length). */
  inputs: ArrayLike<number>;
  weights: ArrayLike<number>;
  bias: number;
  /** The sum z the network computed (Σ xᵢwᵢ + b), checked against the table's own. */
  sum: number;
  /** activation(z): the neuron's output. */
  output: number;
  /** The activation's Keras name: "relu", "sigmoid", "linear". */
  activation: string;
  /** Caption, e.g. "Neuron 2 of hidden on example 14". */
  label?: string;
  theme?: VizTheme;
}

function Chip({ value, max, theme }: { value: number; max: number; theme: VizTheme }) {
  const background = valueColor(value, max, theme);
  return (
    <span className="viz-chip viz-num" style={{ background: cssRgb(background), color: textColorOn(background) }}>
      {formatValue(value)}
    </span>
  );
}

/**
 * One Dense neuron's arithmetic on one example, row by row: each input times its weight, the products summed with
 * the bias into z, and the activation of z. With more than 16 inputs it shows the 16 largest products and one line
 * for the rest ("… and 768 more inputs (sum of them = 0.0412)"), so the table adds up for 784 inputs too; a check
 * mark confirms that the sum equals Σ products + bias.
 */
export const NeuronArithmetic = memo(function NeuronArithmetic({ inputNames, inputs, weights, bias, sum, output, activation, label, theme }: NeuronArithmeticProps) {
  const t = useVizTheme(theme);
  const model = useMemo(() => {
    if (inputs.length !== weights.length) return null;
    const table = arithmeticRows(inputs, weights, bias);
    let products = 0;
    for (const r of table.rows) products = Math.max(products, Math.abs(r.product));
    return {
      table,
      inputMax: niceCeil(maxAbs(inputs)),
      weightMax: niceCeil(maxAbs(weights)),
      valueMax: niceCeil(Math.max(products, Math.abs(table.hiddenSum), Math.abs(table.productSum), Math.abs(bias), Math.abs(sum), Math.abs(output))),
      matches: sumMatches(sum, table),
    };
  }, [inputs, weights, bias, sum, output]);

  if (model === null) {
    return <p className="viz-caption">This neuron has {weights.length} weights but the example has {inputs.length} inputs, so its arithmetic cannot be shown.</p>;
  }
  const { table, inputMax, weightMax, valueMax, matches } = model;
  const chip = (value: number, max: number) => <Chip value={value} max={max} theme={t} />;
  return (
    <div className="viz-plane">
      <table className="viz-arith">
        <caption>
          {label ?? 'How this neuron computes its output'} ({activation})
          {table.hiddenCount > 0 ? `: the ${MAX_ARITHMETIC_ROWS} inputs with the largest products` : ''}
        </caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">input</th>
            <th scope="col">value x</th>
            <th scope="col">times</th>
            <th scope="col">weight w</th>
            <th scope="col">equals</th>
            <th scope="col">product</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.index}>
              <th scope="row">{inputNames?.[r.index] ?? `input ${r.index}`}</th>
              <td>{chip(r.x, inputMax)}</td>
              <td className="viz-op">×</td>
              <td>{chip(r.w, weightMax)}</td>
              <td className="viz-op">=</td>
              <td>{chip(r.product, valueMax)}</td>
            </tr>
          ))}
          {table.hiddenCount > 0 ? (
            <tr className="viz-more">
              <th scope="row" colSpan={5}>
                … and {formatCount(table.hiddenCount)} more inputs (sum of them = {formatValue(table.hiddenSum)})
              </th>
              <td>{chip(table.hiddenSum, valueMax)}</td>
            </tr>
          ) : null}
          <tr className="viz-total">
            <th scope="row">sum of products + bias</th>
            <td>{chip(table.productSum, valueMax)}</td>
            <td className="viz-op">+</td>
            <td>{chip(bias, valueMax)}</td>
            <td className="viz-op">=</td>
            <td>{chip(sum, valueMax)}</td>
          </tr>
          <tr>
            <th scope="row">{`${activation}(z)`}</th>
            <td colSpan={3} />
            <td className="viz-op">=</td>
            <td>{chip(output, valueMax)}</td>
          </tr>
        </tbody>
      </table>
      <p className={matches ? 'viz-caption viz-check-ok' : 'viz-caption viz-check-bad'}>
        {matches
          ? `✓ z = ${formatValue(sum)} is the sum of all ${formatCount(inputs.length)} products plus the bias.`
          : `✗ The network's z = ${formatValue(sum)}, but the products plus the bias make ${formatValue(table.expectedSum)}.`}
      </p>
      <div className="viz-legends">
        <ColorLegend max={inputMax} label="inputs" width={90} theme={t} />
        <ColorLegend max={weightMax} label="weights" width={90} theme={t} />
        <ColorLegend max={valueMax} label="products, z, output" width={90} theme={t} />
      </div>
    </div>
  );
});
