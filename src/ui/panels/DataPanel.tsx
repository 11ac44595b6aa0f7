import { useMemo, useState } from 'react';
import type { DatasetChoice } from '../../core/datasets/choices.ts';
import { describeDataset } from '../../core/datasets/describe.ts';
import type { CsvDatasetConfig } from '../../core/datasets/types.ts';
import { useEditor } from '../stores.ts';
import { choiceId, configForChoice } from './data/chooseData.ts';
import { CsvUpload } from './data/CsvUpload.tsx';
import { DataFitNotice } from './data/DataFitNotice.tsx';
import { DataPreview } from './data/DataPreview.tsx';
import { DatasetChooser } from './data/DatasetChooser.tsx';
import { DatasetSettings } from './data/DatasetSettings.tsx';
import { NoDataPrompt } from './data/NoDataPrompt.tsx';
import { TestSplitField } from './data/TestSplitField.tsx';
import { useDataEdits } from './data/useDataEdits.ts';
import { useDataText } from './useDataText.ts';
import './data/data.css';

/** Remounts the column picker when the project's CSV settings change (Use this data, Undo), so it shows them. */
function csvKey(config: CsvDatasetConfig): string {
  return JSON.stringify([config.fileName, config.label, config.features, config.task, config.normalization, config.seed, config.text.length]);
}

/**
 * The Data tab: what the network learns from (and whether the network fits it), a picture of the data, its
 * settings and the test split, and the chooser for other data, including a CSV file of the student's own.
 */
export function DataPanel() {
  const dataset = useEditor((s) => s.project.dataset);
  const split = useEditor((s) => s.project.training.validationSplit);
  const text = useDataText();
  const edits = useDataEdits();
  // Choosing "CSV file" opens the upload without touching the project: it changes only on "Use this data".
  const [csvOpen, setCsvOpen] = useState(false);
  const inUse = choiceId(dataset);
  const numSamples = useMemo(() => {
    if (dataset.kind === 'none') return null;
    const described = describeDataset(dataset);
    return described.ok ? described.numSamples : null;
  }, [dataset]);

  const onChoose = (choice: DatasetChoice): void => {
    const config = configForChoice(choice, dataset);
    setCsvOpen(config === null);
    if (config !== null) edits.setDataset(config);
  };
  const seed = dataset.kind === 'none' ? 1 : dataset.seed;

  return (
    <div className="panel-section data-panel">
      <h2 className="panel-title">Data</h2>
      <div className="dataset-card" data-testid="dataset-name">
        <h3>{text.title}</h3>
        <p>{text.detail}</p>
      </div>
      {dataset.kind === 'none' ? <NoDataPrompt edits={edits} /> : <DataFitNotice />}
      {dataset.kind !== 'none' && dataset.kind !== 'csv' ? (
        <>
          <DataPreview config={dataset} split={split} edits={edits} />
          <DatasetSettings config={dataset} edits={edits} />
        </>
      ) : null}
      {dataset.kind !== 'none' ? <TestSplitField split={split} numSamples={numSamples} edits={edits} /> : null}
      {dataset.kind === 'csv' ? <CsvUpload key={csvKey(dataset)} current={dataset} seed={seed} split={split} edits={edits} /> : null}
      <h3 className="data-section-title">{dataset.kind === 'none' ? 'All the data' : 'Other data'}</h3>
      <DatasetChooser selected={csvOpen ? 'csv' : inUse} inUse={inUse} onChoose={onChoose} />
      {csvOpen && dataset.kind !== 'csv' ? <CsvUpload current={null} seed={seed} split={split} edits={edits} /> : null}
    </div>
  );
}
