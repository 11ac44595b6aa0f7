/** What choosing another dataset in the chooser sets, and which choice the project's data is. */
import { BUILTIN_DATASETS } from '../../../core/datasets/builtin.ts';
import type { DatasetChoice } from '../../../core/datasets/choices.ts';
import type { ProjectDataset } from '../../../core/datasets/types.ts';

/** The chooser's id for the project's data ("builtin:xor", "iris", "csv"), or null when none is chosen. */
export function choiceId(dataset: ProjectDataset): string | null {
  switch (dataset.kind) {
    case 'builtin':
    case 'regression':
      return `${dataset.kind}:${dataset.name}`;
    case 'none':
      return null;
    default:
      return dataset.kind;
  }
}

/**
 * The settings a choice starts from: its defaults, keeping what still means the same thing. Moving between the 2-D
 * sets (or between the regression sets) keeps the number of points, the noise, the seed and, where the new set
 * allows it, the number of classes; points added on the plot belong to the old shape and are left behind (Undo
 * brings them back). Any other move keeps only the seed. Null for a CSV file, which needs a file first.
 */
export function configForChoice(choice: DatasetChoice, current: ProjectDataset): Exclude<ProjectDataset, { kind: 'none' }> | null {
  const base = choice.defaultConfig;
  if (base === null) return null;
  const seed = current.kind === 'none' ? base.seed : current.seed;
  if (base.kind === 'builtin' && current.kind === 'builtin') {
    const { minClasses, maxClasses } = BUILTIN_DATASETS[base.name];
    const classes = Math.max(minClasses, Math.min(maxClasses, current.classes));
    return { kind: 'builtin', name: base.name, samples: current.samples, noise: current.noise, seed, classes };
  }
  if (base.kind === 'regression' && current.kind === 'regression') {
    return { kind: 'regression', name: base.name, samples: current.samples, noise: current.noise, seed };
  }
  return { ...base, seed };
}

export interface ChoiceGroup {
  title: DatasetChoice['group'];
  choices: DatasetChoice[];
}

/** The choices under their headings, in the order given (DATASET_CHOICES is already in display order). */
export function groupChoices(choices: readonly DatasetChoice[]): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  for (const choice of choices) {
    const group = groups.find((g) => g.title === choice.group);
    if (group) group.choices.push(choice);
    else groups.push({ title: choice.group, choices: [choice] });
  }
  return groups;
}
