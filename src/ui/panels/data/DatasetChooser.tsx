import { useId } from 'react';
import type { DatasetChoice } from '../../../core/datasets/choices.ts';
import { DATASET_CHOICES } from '../../../core/datasets/choices.ts';
import { groupChoices } from './chooseData.ts';

const GROUPS = groupChoices(DATASET_CHOICES);

/**
 * Every kind of data, under its heading, each with its one-sentence description. The radio buttons share one name,
 * so the arrow keys move through all of them; the one in use is checked and marked "in use" (while a CSV file is
 * being picked, CSV is checked and the data in use keeps its mark).
 */
export function DatasetChooser({ selected, inUse, onChoose }: { selected: string | null; inUse: string | null; onChoose(choice: DatasetChoice): void }) {
  const name = useId();
  return (
    <div className="data-chooser" role="group" aria-label="Choose the data">
      {GROUPS.map((group) => (
        <fieldset key={group.title} className="data-choice-group">
          <legend className="data-group-title">{group.title}</legend>
          {group.choices.map((choice) => (
            <label key={choice.id} className={choice.id === selected ? 'data-choice selected' : 'data-choice'} data-testid={`data-choice-${choice.id}`}>
              <input type="radio" name={name} value={choice.id} checked={choice.id === selected} onChange={() => onChoose(choice)} />
              <span className="data-choice-text">
                <span className="data-choice-title">
                  {choice.title}
                  {choice.id === inUse ? <span className="data-in-use">in use</span> : null}
                </span>
                <span className="data-choice-description">{choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}
