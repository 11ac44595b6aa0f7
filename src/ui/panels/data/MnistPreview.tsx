import { useDeferredValue, useMemo } from 'react';
import { mnistDataset } from '../../../core/datasets/mnist.ts';
import type { MnistAsset, MnistDatasetConfig } from '../../../core/datasets/types.ts';
import { DigitImage } from '../../viz/DigitImage.tsx';
import { useElementWidth } from '../../viz/useElementWidth.ts';
import { digitGridLayout, PREVIEW_DIGITS, previewDigits } from './digitGrid.ts';
import { useMnistAsset } from './useMnistAsset.ts';

const GAP = 4;

function DigitGrid({ config, asset }: { config: MnistDatasetConfig; asset: MnistAsset }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(296);
  const deferred = useDeferredValue(config);
  const built = useMemo(() => mnistDataset(deferred, asset), [deferred, asset]);
  const digits = useMemo(() => (built.ok ? previewDigits(built.dataset, PREVIEW_DIGITS) : []), [built]);
  if (!built.ok) return <p className="field-error">{built.message}</p>;
  const layout = digitGridLayout(digits.length, width, GAP);
  return (
    <div ref={ref} className="data-preview">
      <ul className="data-digits" style={{ gridTemplateColumns: `repeat(${layout.columns}, ${layout.cellSize}px)`, gap: GAP }} aria-label={`The first ${digits.length} digits`}>
        {digits.map((d) => (
          <li key={d.row} className="data-digit">
            <DigitImage pixels={d.pixels} size={layout.cellSize} label={`A handwritten ${d.label}`} />
            <span className="data-digit-label mono" aria-hidden="true">
              {d.label}
            </span>
          </li>
        ))}
      </ul>
      <p className="viz-caption">The first {digits.length} of the {built.dataset.numSamples.toLocaleString('en-US')} digits, with the answer the network should give.</p>
    </div>
  );
}

/** MNIST: a grid of the first digits of the data with their labels, once the digits file has loaded. */
export function MnistPreview({ config }: { config: MnistDatasetConfig }) {
  const state = useMnistAsset();
  if (state.status === 'loading') return <p className="panel-note" role="status">Loading the digits…</p>;
  if (state.status === 'error') {
    return (
      <p className="field-error" role="alert">
        {state.message}
      </p>
    );
  }
  return <DigitGrid config={config} asset={state.asset} />;
}
