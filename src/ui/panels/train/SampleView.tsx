import { useState } from 'react';
import type { TrainLoadResult } from '../../../worker/protocol.ts';
import { DigitImage } from '../../viz/DigitImage.tsx';
import { DigitPad } from '../../viz/DigitPad.tsx';
import { ProbabilityBars } from '../../viz/ProbabilityBars.tsx';
import { formatValue } from '../../viz/format.ts';
import { useStores, useTraining } from '../../stores.ts';

/** Which example is shown: previous/next within the test (or training) data, or the student's own drawing. */
function SamplePicker({ session }: { session: TrainLoadResult }) {
  const view = useTraining((s) => s.view.sample);
  const { trainer } = useStores();
  const custom = 'custom' in view;
  const split = custom ? 'test' : view.split;
  const count = split === 'test' ? session.numTest : session.numTrain;
  const index = custom ? 0 : view.index;
  const go = (next: number): void => trainer.setView({ sample: { split, index: ((next % count) + count) % count } });
  return (
    <div className="sample-picker">
      <button type="button" className="btn" aria-label="Previous example" disabled={count === 0} onClick={() => go(index - 1)}>
        ‹
      </button>
      <span className="mono" data-testid="sample-name">
        {custom ? 'your drawing' : `${split === 'test' ? 'test' : 'training'} example ${index + 1} of ${count}`}
      </span>
      <button type="button" className="btn" aria-label="Next example" disabled={count === 0} onClick={() => go(index + 1)}>
        ›
      </button>
    </div>
  );
}

/**
 * One example and what the network makes of it: the digit (MNIST) or the feature values, and the probability of each
 * class (or the predicted value). For MNIST the student can draw a digit and see it classified.
 */
export function SampleView({ session }: { session: TrainLoadResult }) {
  const sample = useTraining((s) => s.sample);
  const { trainer } = useStores();
  const [drawing, setDrawing] = useState(false);
  const output = sample?.outputs[session.outputNodeId];
  const image = session.image;
  return (
    <div className="sample-view">
      <SamplePicker session={session} />
      <div className="sample-row">
        {sample !== null && image !== null ? (
          <DigitImage pixels={sample.x} size={84} label={sample.label === null ? 'Your drawing' : `A digit ${session.classNames[sample.label] ?? sample.label}`} />
        ) : sample !== null ? (
          <dl className="stat-grid sample-features">
            {session.featureNames.map((name, i) => (
              <div key={name} className="contents">
                <dt>{name}</dt>
                <dd>{formatValue(sample.x[i] ?? Number.NaN)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <div className="sample-output">
          {output !== undefined && session.task === 'classification' ? (
            <ProbabilityBars probabilities={output} classNames={session.classNames} trueClass={sample?.label ?? undefined} />
          ) : output !== undefined ? (
            <p className="mono">
              prediction {formatValue(output[0] ?? Number.NaN)}
              {sample?.target != null ? `, target ${formatValue(sample.target)}` : ''}
            </p>
          ) : null}
        </div>
      </div>
      {image !== null ? (
        drawing ? (
          <div className="digit-pad-box">
            <DigitPad size={200} onChange={(pixels) => trainer.setView({ sample: { custom: pixels } })} />
            <button
              type="button"
              className="btn"
              onClick={() => {
                setDrawing(false);
                trainer.setView({ sample: { split: session.numTest > 0 ? 'test' : 'train', index: 0 } });
              }}
            >
              Back to the data
            </button>
          </div>
        ) : (
          <button type="button" className="btn" onClick={() => setDrawing(true)}>
            Draw a digit
          </button>
        )
      ) : null}
    </div>
  );
}
