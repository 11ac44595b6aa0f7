import { useId } from 'react';
import { BUILTIN_DATASETS, DATASET_LIMITS } from '../../../core/datasets/builtin.ts';
import { MNIST_LIMITS } from '../../../core/datasets/mnist.ts';
import type {
  BuiltinDatasetConfig,
  IrisDatasetConfig,
  MnistDatasetConfig,
  RegressionDatasetConfig,
} from '../../../core/datasets/types.ts';
import { withClasses } from './addedPoints.ts';
import { choicesWith, MNIST_SAMPLE_CHOICES, nearestStop, stopsBetween } from './sampleStops.ts';
import { SeedField } from './SeedField.tsx';
import { SliderField } from './SliderField.tsx';
import type { DataEdits } from './useDataEdits.ts';

type GeneratedConfig = BuiltinDatasetConfig | RegressionDatasetConfig;
type Editable = GeneratedConfig | IrisDatasetConfig | MnistDatasetConfig;

const SAMPLE_STOPS = stopsBetween(DATASET_LIMITS.minSamples, DATASET_LIMITS.maxSamples);
const NOISE_STEP = 0.01;

function SamplesSlider({ config, edits }: { config: GeneratedConfig; edits: DataEdits }) {
  return (
    <SliderField
      label="Points"
      shown={config.samples.toLocaleString('en-US')}
      position={nearestStop(config.samples, SAMPLE_STOPS)}
      min={0}
      max={SAMPLE_STOPS.length - 1}
      onChange={(i) => edits.setDataset({ ...config, samples: SAMPLE_STOPS[i] ?? config.samples }, 'dataset.samples')}
      onDone={edits.seal}
    />
  );
}

function NoiseSlider({ config, edits }: { config: GeneratedConfig; edits: DataEdits }) {
  const help =
    config.kind === 'builtin'
      ? 'How far each point is jittered from its clean shape: more noise makes the classes overlap.'
      : 'How far each target wobbles around the clean curve.';
  return (
    <SliderField
      label="Noise"
      shown={config.noise.toFixed(2)}
      position={Math.round(config.noise / NOISE_STEP)}
      min={Math.round(DATASET_LIMITS.minNoise / NOISE_STEP)}
      max={Math.round(DATASET_LIMITS.maxNoise / NOISE_STEP)}
      help={help}
      onChange={(i) => edits.setDataset({ ...config, noise: Number((i * NOISE_STEP).toFixed(2)) }, 'dataset.noise')}
      onDone={edits.seal}
    />
  );
}

function ClassesField({ config, edits }: { config: BuiltinDatasetConfig; edits: DataEdits }) {
  const id = useId();
  const { minClasses, maxClasses } = BUILTIN_DATASETS[config.name];
  if (minClasses === maxClasses) return null;
  const options = Array.from({ length: maxClasses - minClasses + 1 }, (_, i) => minClasses + i);
  return (
    <div className="field">
      <label htmlFor={id}>{config.name === 'spiral' ? 'Arms (classes)' : 'Blobs (classes)'}</label>
      <select id={id} className="select" value={config.classes} onChange={(e) => edits.setDataset(withClasses(config, Number(e.target.value)))}>
        {options.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </div>
  );
}

function MnistSamplesField({ config, edits }: { config: MnistDatasetConfig; edits: DataEdits }) {
  const id = useId();
  const choices = choicesWith(config.samples, MNIST_SAMPLE_CHOICES).filter((n) => n >= MNIST_LIMITS.minSamples && n <= MNIST_LIMITS.maxSamples);
  return (
    <div className="field">
      <label htmlFor={id}>How many digits</label>
      <select id={id} className="select" value={config.samples} aria-describedby={`${id}-help`} onChange={(e) => edits.setDataset({ ...config, samples: Number(e.target.value) })}>
        {choices.map((n) => (
          <option key={n} value={n}>
            {n.toLocaleString('en-US')}
          </option>
        ))}
      </select>
      <span id={`${id}-help`} className="help">
        About as many of each digit. More digits train slower but teach the network more.
      </span>
    </div>
  );
}

const SEED_HELP: Readonly<Record<Editable['kind'], string>> = {
  builtin: 'Draws the points: the same seed gives the same points every time.',
  regression: 'Draws the points: the same seed gives the same points every time.',
  iris: 'Shuffles the flowers, and so decides which ones are held out for testing.',
  mnist: 'Picks which digits are used and their order.',
};

/** The settings of the chosen data (not CSV, which has its column picker). */
export function DatasetSettings({ config, edits }: { config: Editable; edits: DataEdits }) {
  const setSeed = (seed: number, how: 'typed' | 'new'): void => {
    if (how === 'new') edits.seal();
    edits.setDataset({ ...config, seed }, how === 'typed' ? 'dataset.seed' : undefined);
  };
  return (
    <div className="data-settings">
      {config.kind === 'builtin' || config.kind === 'regression' ? (
        <>
          <SamplesSlider config={config} edits={edits} />
          <NoiseSlider config={config} edits={edits} />
        </>
      ) : null}
      {config.kind === 'builtin' ? <ClassesField config={config} edits={edits} /> : null}
      {config.kind === 'mnist' ? <MnistSamplesField config={config} edits={edits} /> : null}
      <SeedField value={config.seed} help={SEED_HELP[config.kind]} onChange={setSeed} />
    </div>
  );
}
