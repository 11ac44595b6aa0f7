import { ConfusionMatrix } from '../viz/ConfusionMatrix.tsx';
import { useTraining } from '../stores.ts';

/** Which classes the network mixes up, on the test data (or the training data when nothing is held out). */
export function ConfusionView() {
  const confusion = useTraining((s) => s.confusion);
  const classNames = useTraining((s) => s.session?.classNames);
  if (confusion === null || classNames === undefined) {
    return <p className="drawer-empty">For classification, the confusion matrix appears here once training has started.</p>;
  }
  const names = classNames.length === confusion.classes ? classNames : Array.from({ length: confusion.classes }, (_, i) => `class ${i}`);
  return (
    <div className="drawer-confusion" data-testid="confusion-matrix">
      <ConfusionMatrix counts={confusion.counts} classNames={names} dataName={confusion.split === 'test' ? 'test data' : 'training data'} />
    </div>
  );
}
