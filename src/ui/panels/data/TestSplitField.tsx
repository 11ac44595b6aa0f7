import { TRAINING_LIMITS } from '../../../core/training/settings.ts';
import { SliderField } from './SliderField.tsx';
import { testRowCount } from '../../../core/training/split.ts';
import type { DataEdits } from './useDataEdits.ts';

const STEP = 0.05;

/** The share of the data held out for testing (the training setting validationSplit), 0–50% in steps of 5%. */
export function TestSplitField({ split, numSamples, edits }: { split: number; numSamples: number | null; edits: DataEdits }) {
  const held = numSamples === null ? null : testRowCount(numSamples, split);
  const help =
    held === null
      ? 'Never trained on: the test loss and accuracy are measured on these examples.'
      : `${held.toLocaleString('en-US')} of ${numSamples?.toLocaleString('en-US')} examples are never trained on: the test loss and accuracy are measured on them.`;
  return (
    <SliderField
      label="Held out for testing"
      shown={`${Math.round(split * 100)}%`}
      position={Math.round(split / STEP)}
      min={Math.round(TRAINING_LIMITS.validationSplit.min / STEP)}
      max={Math.round(TRAINING_LIMITS.validationSplit.max / STEP)}
      help={help}
      onChange={(i) => edits.setTestSplit(Number((i * STEP).toFixed(2)))}
      onDone={edits.seal}
    />
  );
}
