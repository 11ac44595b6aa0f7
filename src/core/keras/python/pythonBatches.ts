/**
 * The training part of an exported script that makes Keras see exactly the batches LayerLab's training loop
 * (engine/trainingRun.ts) sees:
 * - the held-out rows are the last `validationSplit` of the rows (core/training/split.ts's testRowCount: the floor
 *   of rows × split), measured after every epoch as `validation_data`;
 * - the training rows come in a new order every epoch: a permutation drawn from one generator seeded with the
 *   project's seed, epoch after epoch (TrainingRun draws one when it starts and one after every epoch), cut into
 *   batches of `batchSize`, the last one smaller when the rows do not divide evenly.
 * A small keras.utils.PyDataset subclass does it. Its `on_epoch_begin` draws the epoch's order: Keras calls it
 * exactly once before each epoch. (Keras 3.15 calls `on_epoch_end` once more, when fit starts, so a subclass that drew
 * its first order in its constructor and the next ones in `on_epoch_end` would skip LayerLab's first order.) Before
 * the first epoch Keras reads the first batches to learn their shapes: the rows in file order serve for that. fit
 * gets `shuffle=False`, or Keras would shuffle the order of the batches.
 */
import type { TrainingSettings } from '../../training/settings.ts';
import { testRowCount } from '../../training/split.ts';
import { block, pythonNumber, wrapText } from './pythonRng.ts';
import { pythonString } from './pythonText.ts';

/** Comment lines are wrapped to this many characters (after "# "). */
const COMMENT_WIDTH = 88;

const comment = (text: string): string => wrapText(text, COMMENT_WIDTH).map((line) => `# ${line}`).join('\n');

/** Python names the batches code defines (the script keeps layer variables clear of them). */
export const BATCHES_NAMES: readonly string[] = ['ShuffledBatches', 'batches', 'n_train', 'x_train', 'y_train', 'x_test', 'y_test'];

const SHUFFLED_BATCHES = block(`
class ShuffledBatches(keras.utils.PyDataset):
    """The training examples in batches, in a new order every epoch, drawn from LayerLab's random
    numbers: the same batches, in the same order, as LayerLab trains on."""

    def __init__(self, x, y, batch_size, seed):
        super().__init__()
        self.x, self.y = x, y
        self.batch_size = batch_size
        self.rng = Rng(seed)  # one stream for the whole run, as LayerLab draws one order after another
        self.order = list(range(len(x)))  # Keras looks at the first batches before training starts

    def on_epoch_begin(self):
        # Keras calls this before every epoch: the epoch's order of the examples.
        self.order = permutation(len(self.x), self.rng)

    def __len__(self):
        # Batches per epoch; the last one is smaller when the examples do not divide evenly.
        return (len(self.x) + self.batch_size - 1) // self.batch_size

    def __getitem__(self, index):
        rows = self.order[index * self.batch_size : (index + 1) * self.batch_size]
        return self.x[rows], self.y[rows]
`);

/**
 * The dict keys a model's single input and output are fed under, when they are a dict of one (graph.model; Keras
 * warns about a bare array for a dict input, and a dict output's loss reads its key); null for a plain array.
 */
export interface FeedKeys {
  x: string | null;
  y: string | null;
}

export interface TrainingBatchesCode {
  /** The held-out split (when there is one), the batches class and the `batches` it makes. */
  code: string;
  /** The fit call. */
  fit: string;
  /** Notebook text before the code and before the fit call. */
  markdown: string;
  fitMarkdown: string;
}

/**
 * The split, batches and fit code. `numSamples` is the number of rows the data step makes, when it is known, so a
 * split that holds out no row (a tiny set) trains on everything without validation, as LayerLab does.
 */
export function pythonTrainingBatches(training: TrainingSettings, numSamples: number | null, feed: FeedKeys = { x: null, y: null }): TrainingBatchesCode {
  const fed = (key: string | null, value: string): string => (key === null ? value : `{${pythonString(key)}: ${value}}`);
  const split = training.validationSplit;
  const held = split > 0 && (numSamples === null || testRowCount(numSamples, split) > 0);
  const percent = String(Math.round(split * 100));
  const splitCode = held
    ? [
        comment(
          `LayerLab keeps the last ${percent}% of the examples out of training, to test the network after every epoch on examples it has never learned from (the ones Keras's validation_split would hold out).`,
        ),
        `n_train = len(x) - int(len(x) * ${pythonNumber(split)})`,
        'x_train, y_train = x[:n_train], y[:n_train]',
        'x_test, y_test = x[n_train:], y[n_train:]',
      ].join('\n')
    : null;
  const why = comment(
    `LayerLab shuffles the training examples before every epoch with its own random numbers (seed ${pythonNumber(training.seed)}) and trains on them ${String(training.batchSize)} at a time. ShuffledBatches hands Keras the same batches in the same order, so each step of training here is the step LayerLab took.`,
  );
  const make = `batches = ShuffledBatches(${held ? 'x_train, y_train' : 'x, y'}, batch_size=${String(training.batchSize)}, seed=SEED)`;
  const batchesClass = SHUFFLED_BATCHES.replace('return self.x[rows], self.y[rows]', `return ${fed(feed.x, 'self.x[rows]')}, ${fed(feed.y, 'self.y[rows]')}`);
  const code = [...(splitCode === null ? [] : [splitCode]), `${why}\n${batchesClass}`, make].join('\n\n\n');
  const fitArgs = ['batches', 'epochs=EPOCHS', ...(held ? [`validation_data=(${fed(feed.x, 'x_test')}, ${fed(feed.y, 'y_test')})`] : []), 'shuffle=False'];
  const fitLine = `history = model.fit(${fitArgs.join(', ')})`;
  const fit = [
    comment("shuffle=False: the batches already come in LayerLab's order (Keras would otherwise mix up the order of the batches)."),
    fitLine.length <= 99 ? fitLine : ['history = model.fit(', ...fitArgs.map((a) => `    ${a},`), ')'].join('\n'),
  ].join('\n');
  const markdown = [
    held
      ? `LayerLab keeps the last ${percent}% of the examples out of training (\`x_test\`, \`y_test\`), to see after every epoch how the network does on examples it has never learned from.`
      : 'Every example is used for training (the project holds none out for validation).',
    '',
    `LayerLab shuffles the training examples before every epoch and trains on them ${String(training.batchSize)} at a time. ` +
      "`ShuffledBatches` draws each epoch's order from LayerLab's random numbers (seed " +
      `${pythonNumber(training.seed)}), so Keras gets the same batches in the same order as LayerLab.`,
  ].join('\n');
  const fitMarkdown =
    `\`model.fit\` goes through the batches \`EPOCHS\` times (each pass is an epoch) and adjusts the weights after every batch.` +
    (held ? ' After each epoch it measures the loss on the held-out examples (`val_loss`).' : '') +
    " `shuffle=False` keeps LayerLab's order of the batches.";
  return { code, fit, markdown, fitMarkdown };
}
