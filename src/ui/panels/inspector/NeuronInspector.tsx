/**
 * The Layer tab's neuron inspector, for a selected Dense while a training session has numbers: one neuron's arithmetic
 * on one example (inputs × weights + bias = z, then the activation), live as it trains; which neuron (picker, or a
 * click on the card) and which example (previous/next) it shows. Nothing without a session.
 */
import { useId, useMemo, useState } from 'react';
import { vectorUnits } from '../../canvas/training/cardGeometry.ts';
import {
  arithmeticFor,
  exactTerms,
  exactTotals,
  exampleCaption,
  inspectedUnit,
  neuronInputNames,
  stepExample,
  type ExactNumber,
} from '../../canvas/training/neuronInspectorModel.ts';
import { splitUnitMaps } from '../../canvas/training/unitMaps.ts';
import { useLive } from '../../canvas/training/useLiveDomains.ts';
import type { AppStores } from '../../stores.ts';
import { useEditor, useStores, useTraining } from '../../stores.ts';
import { NeuronArithmetic } from '../../viz/NeuronArithmetic.tsx';
import { NeuronMap } from '../../viz/NeuronMap.tsx';
import '../../canvas/training/training.css';

/** Above this many inputs the table of exact terms stays folded until opened (784 rows would cost every frame). */
const OPEN_TERMS_UP_TO = 16;

export function NeuronInspector({ nodeId }: { nodeId: string }) {
  // The inspector is also rendered alone, without training (tests render it on the server): nothing to show then.
  const stores: Partial<AppStores> = useStores();
  if (stores.training === undefined || stores.trainer === undefined) return null;
  return <LiveGate nodeId={nodeId} />;
}

function LiveGate({ nodeId }: { nodeId: string }) {
  return useLive() ? <NeuronSection nodeId={nodeId} /> : null;
}

function NeuronSection({ nodeId }: { nodeId: string }) {
  const { trainer } = useStores();
  const titleId = useId();
  const pickerId = useId();
  const units = useEditor((s) => {
    const info = s.validation.nodes.get(nodeId);
    return info?.status === 'ok' ? vectorUnits(info.shape) : null;
  });
  const chosen = useTraining((s) => s.view.neuron);
  const unit = inspectedUnit(chosen, nodeId, units);
  const choose = (next: number) => trainer.setView({ neuron: { nodeId, unit: next } });

  return (
    <section className="inspector-section neuron-inspector" aria-labelledby={titleId} data-testid="neuron-inspector">
      <h3 id={titleId} className="inspector-section-title">
        Neuron
      </h3>
      {units === null ? null : (
        <div className="neuron-inspector-row">
          <button type="button" className="btn icon" aria-label="Previous neuron" disabled={unit === null || unit === 0} onClick={() => unit !== null && choose(unit - 1)}>
            ‹
          </button>
          <label className="visually-hidden" htmlFor={pickerId}>
            Neuron of {nodeId}
          </label>
          <select
            id={pickerId}
            className="select"
            value={unit === null ? '' : String(unit)}
            onChange={(e) => {
              if (e.target.value !== '') choose(Number(e.target.value));
            }}
          >
            {unit === null ? (
              <option value="" disabled>
                Choose a neuron…
              </option>
            ) : null}
            {Array.from({ length: units }, (_, u) => (
              <option key={u} value={String(u)}>
                Neuron {u + 1} of {units}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn icon"
            aria-label="Next neuron"
            disabled={unit === null ? units === 0 : unit >= units - 1}
            onClick={() => choose(unit === null ? 0 : unit + 1)}
          >
            ›
          </button>
        </div>
      )}
      {unit === null ? <p className="help inspector-help">Click a neuron on the card to see its arithmetic.</p> : <NeuronDetails nodeId={nodeId} unit={unit} />}
    </section>
  );
}

function ExampleChooser() {
  const { trainer } = useStores();
  const session = useTraining((s) => s.session);
  const view = useTraining((s) => s.view.sample);
  const label = useTraining((s) => s.sample?.label ?? null);
  const target = useTraining((s) => s.sample?.target ?? null);
  if (session === null) return null;
  const go = (delta: number) => trainer.setView({ sample: stepExample(view, session, delta) });
  return (
    <div className="neuron-inspector-row">
      <button type="button" className="btn icon" aria-label="Previous example" onClick={() => go(-1)}>
        ‹
      </button>
      <p className="neuron-inspector-example" data-testid="neuron-example" aria-live="polite">
        {exampleCaption(view, session, label, target)}
      </p>
      <button type="button" className="btn icon" aria-label="Next example" onClick={() => go(1)}>
        ›
      </button>
    </div>
  );
}

function NeuronDetails({ nodeId, unit }: { nodeId: string; unit: number }) {
  const neuron = useTraining((s) => arithmeticFor(s.neuron, nodeId, unit));
  const featureNames = useTraining((s) => s.session?.featureNames ?? null);
  const graph = useEditor((s) => s.project.graph);
  const count = neuron?.inputs.length ?? 0;
  const names = useMemo(() => neuronInputNames(graph, nodeId, featureNames ?? [], count), [graph, nodeId, featureNames, count]);
  const caption = `Neuron ${unit + 1} of ${nodeId}`;
  return (
    <>
      <ExampleChooser />
      <NeuronPlaneMap nodeId={nodeId} unit={unit} />
      {neuron === null ? (
        <p className="help inspector-help">Waiting for training&apos;s next numbers…</p>
      ) : (
        <>
          <NeuronArithmetic
            inputNames={names}
            inputs={neuron.inputs}
            weights={neuron.weights}
            bias={neuron.bias}
            sum={neuron.sum}
            output={neuron.output}
            activation={neuron.activation}
            label={caption}
          />
          <ExactNumbers names={names} neuron={neuron} />
        </>
      )}
    </>
  );
}

/** For 2-D data: the neuron's output over the whole input plane, larger than on the card, with its scale. */
function NeuronPlaneMap({ nodeId, unit }: { nodeId: string; unit: number }) {
  const layer = useTraining((s) => s.grid?.layers[nodeId] ?? null);
  const m = useTraining((s) => s.grid?.m ?? 0);
  const units = useEditor((s) => {
    const info = s.validation.nodes.get(nodeId);
    return info?.status === 'ok' ? vectorUnits(info.shape) : null;
  });
  const map = useMemo(() => (layer === null || units === null ? null : (splitUnitMaps(layer, m, units)[unit] ?? null)), [layer, m, units, unit]);
  if (map === null) return null;
  return <NeuronMap values={map} n={m} size={96} legend label={`Output of neuron ${unit + 1} of ${nodeId} over the input plane`} />;
}

function Exact({ number }: { number: ExactNumber }) {
  return (
    <span className="exact-number" data-testid={number.testId} data-value={number.value} title={number.value}>
      {number.text}
    </span>
  );
}

type Arithmetic = NonNullable<ReturnType<typeof arithmeticFor>>;

/**
 * Every number of the sum, each with its full value in `data-value` and on hover (the table above rounds to 3
 * significant digits and, for many inputs, sums the small terms): what a student copies to check z by hand.
 */
function ExactNumbers({ names, neuron }: { names: readonly string[]; neuron: Arithmetic }) {
  const many = neuron.inputs.length > OPEN_TERMS_UP_TO;
  const [open, setOpen] = useState(!many);
  const terms = useMemo(() => (open ? exactTerms(names, neuron.inputs, neuron.weights) : []), [open, names, neuron.inputs, neuron.weights]);
  const totals = exactTotals(neuron.bias, neuron.sum, neuron.output);
  return (
    <details className="neuron-exact" open={!many} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Every number ({neuron.inputs.length} inputs; hover for full precision)</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">input</th>
            <th scope="col">value x</th>
            <th scope="col">weight w</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((t) => (
            <tr key={t.input.testId}>
              <th scope="row">{t.name}</th>
              <td>
                <Exact number={t.input} />
              </td>
              <td>
                <Exact number={t.weight} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">bias b</th>
            <td />
            <td>
              <Exact number={totals.bias} />
            </td>
          </tr>
          <tr>
            <th scope="row">sum z</th>
            <td />
            <td>
              <Exact number={totals.sum} />
            </td>
          </tr>
          <tr>
            <th scope="row">{neuron.activation}(z)</th>
            <td />
            <td>
              <Exact number={totals.output} />
            </td>
          </tr>
        </tbody>
      </table>
    </details>
  );
}
