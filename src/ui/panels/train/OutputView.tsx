import { useMemo } from 'react';
import type { TrainLoadResult } from '../../../worker/protocol.ts';
import { DecisionBoundary } from '../../viz/DecisionBoundary.tsx';
import type { PlanePoints } from '../../viz/PlanePointsLayer.tsx';
import { RegressionPlot } from '../../viz/RegressionPlot.tsx';
import { useTraining } from '../../stores.ts';
import { SampleView } from './SampleView.tsx';

/** The data's points split into the train rows (first) and the test rows (last), as the plots take them. */
function planePoints(session: TrainLoadResult): { train: PlanePoints; test: PlanePoints } | null {
  const points = session.points;
  if (points === null || session.numFeatures !== 2) return null;
  const labels = session.task === 'classification' ? Float32Array.from(points.labels) : points.targets;
  const cut = session.numTrain;
  return {
    train: { xy: points.features.subarray(0, cut * 2), labels: labels.subarray(0, cut) },
    test: { xy: points.features.subarray(cut * 2), labels: labels.subarray(cut) },
  };
}

/** 1-D regression data as interleaved (x, y) pairs, train rows first. */
function linePoints(session: TrainLoadResult): { train: Float32Array; test: Float32Array } | null {
  const points = session.points;
  if (points === null || session.numFeatures !== 1) return null;
  const all = new Float32Array(points.features.length * 2);
  for (let i = 0; i < points.features.length; i += 1) {
    all[i * 2] = points.features[i] ?? 0;
    all[i * 2 + 1] = points.targets[i] ?? 0;
  }
  return { train: all.subarray(0, session.numTrain * 2), test: all.subarray(session.numTrain * 2) };
}

/** The network's answer over the whole input plane (2-D data), with the training and test points. */
function PlaneOutput({ session }: { session: TrainLoadResult }) {
  const grid = useTraining((s) => s.grid);
  const points = useMemo(() => planePoints(session), [session]);
  if (points === null) return null;
  const regression = session.task === 'regression';
  const k = grid === null ? 1 : Math.max(1, Math.round(grid.output.length / (grid.n * grid.n)));
  return (
    <figure className="output-figure" data-testid="decision-boundary">
      <DecisionBoundary
        values={grid?.output}
        n={grid?.n ?? 0}
        k={k}
        regression={regression}
        classCount={regression ? undefined : Math.max(2, session.classNames.length)}
        classNames={regression ? undefined : session.classNames}
        train={points.train}
        test={points.test}
        size={272}
        xLabel={session.featureNames[0] ?? 'x1'}
        yLabel={session.featureNames[1] ?? 'x2'}
      />
      <figcaption className="viz-caption">
        {regression
          ? 'The network’s prediction over the plane; the points are the data (filled: training, outlined: test).'
          : 'The colour is the class the network predicts at each point of the plane; the dots are the data (filled: training, outlined: test).'}
      </figcaption>
    </figure>
  );
}

/** The network's curve through the 1-D data (curve fitting). */
function CurveOutput({ session }: { session: TrainLoadResult }) {
  const curve = useTraining((s) => s.curve);
  const points = useMemo(() => linePoints(session), [session]);
  if (points === null) return null;
  return (
    <figure className="output-figure" data-testid="regression-plot">
      <RegressionPlot train={points.train} test={points.test} curve={curve ?? undefined} xLabel={session.featureNames[0] ?? 'x'} yLabel="y" width={288} height={200} />
      <figcaption className="viz-caption">The line is the network’s prediction; the dots are the data (filled: training, outlined: test).</figcaption>
    </figure>
  );
}

/** What the network outputs, as big as the panel allows: the decision boundary, the fitted curve, or one example. */
export function OutputView() {
  const session = useTraining((s) => s.session);
  if (session === null) return null;
  if (session.points !== null && session.numFeatures === 2) return <PlaneOutput session={session} />;
  if (session.points !== null && session.numFeatures === 1) return <CurveOutput session={session} />;
  return <SampleView session={session} />;
}
