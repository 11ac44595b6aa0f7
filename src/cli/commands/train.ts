import { writeFile } from 'node:fs/promises';
import { loadDataset } from '../../core/datasets/index.ts';
import { serializeProject } from '../../core/project/index.ts';
import type { Graph } from '../../core/graph/types.ts';
import { formatProblem, problemFromDiagnostic, problemsFromMessages, problemsFromWarnings } from '../../core/problems/index.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import { ENGINE_PATH_LABEL } from '../../core/training/enginePaths.ts';
import { divergenceMessage } from '../../core/training/divergence.ts';
import type { TrainingSettings } from '../../core/training/settings.ts';
import { outputActivation } from '../../core/validation/datasetFit.ts';
import { suggestDataset } from '../../core/validation/suggestDataset.ts';
import { inferShapes } from '../../core/shapes/inferShapes.ts';
import { createTrainer, initEngine } from '../../engine/createTrainer.ts';
import type { EpochResult } from '../../engine/trainingRun.ts';
import { TrainingRun } from '../../engine/trainingRun.ts';
import { fromProjectWeights, initialProjectWeights, toProjectWeights } from '../../engine/projectWeights.ts';
import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { nodeDatasetAssets } from '../mnistAssetNode.ts';
import { readProject } from '../readProject.ts';
import { nodeWasmPaths } from '../tfjsBackendNode.ts';
import { validateProject } from './validate.ts';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  out?: string;
  json: boolean;
  /** Start from freshly initialised weights even when the project has trained ones. */
  fresh: boolean;
}

type MetricName = 'accuracy' | 'mae';

function formatMetric(metric: MetricName, value: number): string {
  return metric === 'accuracy' ? `${(value * 100).toFixed(1)}%` : value.toFixed(4);
}

/** One line per epoch, with Keras's names for the held-out numbers (val_loss, val_accuracy / val_mae). */
function formatEpoch(report: EpochResult, total: number, metric: MetricName): string {
  const width = String(total).length;
  const parts = [`epoch ${String(report.epoch).padStart(width)}/${total}`, `loss ${report.loss.toFixed(4)}`, `${metric} ${formatMetric(metric, report.metric)}`];
  if (report.testLoss !== null) parts.push(`val_loss ${report.testLoss.toFixed(4)}`);
  if (report.testMetric !== null) parts.push(`val_${metric} ${formatMetric(metric, report.testMetric)}`);
  return parts.join('  ');
}

/** An epoch as --json prints it: Keras's history keys. */
function epochJson(report: EpochResult, metric: MetricName): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'epoch', epoch: report.epoch, loss: report.loss, [metric]: report.metric };
  if (report.testLoss !== null) out.val_loss = report.testLoss;
  if (report.testMetric !== null) out[`val_${metric}`] = report.testMetric;
  return out;
}

/** What to do about a project with no dataset: the data that would fit, and how to choose it. */
function noDatasetAdvice(graph: Graph): string {
  const suggestion = suggestDataset(graph);
  if (suggestion === null) {
    return 'Set "dataset" in the project file to a built-in dataset whose features and classes fit the network (see docs/project-file.md).';
  }
  return `The ${suggestion.title} data fits this network: set "dataset" to ${JSON.stringify(suggestion.config).replace(/,"/g, ', "').replace(/":/g, '": ')} in the project file.`;
}

export async function runTrain(path: string, options: TrainOptions, io: CliIO): Promise<number> {
  const { project, warnings } = await readProject(path);
  for (const warning of problemsFromWarnings(warnings, 'project-file')) io.err(formatProblem(warning));
  if (project.dataset.kind === 'none') {
    io.err(`Cannot train ${path}: "${project.name}" has no dataset chosen, so there is nothing to train on. ${noDatasetAdvice(project.graph)}`);
    return EXIT.invalid;
  }
  const validation = validateProject(project);
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.err(formatProblem(problemFromDiagnostic(d)));
    io.err(`Cannot train ${path}: fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} above first.`);
    return EXIT.invalid;
  }
  const settings: TrainingSettings = {
    ...project.training,
    ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const data = await loadDataset(project.dataset, nodeDatasetAssets());
  if (!data.ok) throw new CliError(`Cannot make the dataset: ${data.message}`, EXIT.badInput);
  const dataset = data.dataset;
  await initEngine({ wasmPaths: nodeWasmPaths() });
  const initial = initialProjectWeights(project.graph, settings.seed);
  if (!initial.ok) {
    io.err('Cannot build the model:');
    io.err(formatProblem({ severity: 'error', nodeId: null, message: initial.message, source: 'validation' }));
    return EXIT.invalid;
  }
  const made = createTrainer({ graph: project.graph, weights: fromProjectWeights(initial.weights), settings, options: { task: dataset.task } });
  if (!made.ok) {
    io.err('Cannot build the model:');
    io.err(formatProblem({ severity: 'error', nodeId: null, message: made.message, source: 'validation' }));
    return EXIT.invalid;
  }
  const resume = project.weights !== null && !options.fresh;
  if (resume && project.weights !== null) {
    const problems = made.trainer.setWeights(fromProjectWeights(project.weights));
    if (problems.length > 0) {
      made.trainer.dispose();
      io.err('The saved weights do not fit the network:');
      for (const problem of problemsFromMessages(problems, 'project-file')) io.err(formatProblem(problem));
      io.err('Run again with --fresh to start from new weights.');
      return EXIT.invalid;
    }
  }
  const trainer = made.trainer;
  const metric = trainer.metric;
  if (!options.json) {
    if (resume) io.out('Continuing from the weights saved in the project (add --fresh to start over).');
    io.out(
      `Training ${project.name} on ${dataset.name} (${dataset.numSamples} examples) for ${settings.epochs} epochs: ` +
        `${settings.optimizer}, learning rate ${settings.learningRate}, batch size ${settings.batchSize}, ${settings.loss}, seed ${settings.seed}`,
    );
    io.out(`Engine: ${ENGINE_PATH_LABEL[trainer.path]}. ${trainer.pathReason}`);
  }
  const run = new TrainingRun(dataset, trainer, settings);
  const epochs: EpochResult[] = [];
  try {
    while (run.epoch < settings.epochs) {
      const step = run.step();
      if (step.epochEnded !== null) {
        epochs.push(step.epochEnded);
        io.out(options.json ? JSON.stringify(epochJson(step.epochEnded, metric)) : formatEpoch(step.epochEnded, settings.epochs, metric));
      }
      if (step.diverged !== null) {
        const activation = outputActivation(project.graph, inferShapes(project.graph).outputs[0] ?? '');
        const message = divergenceMessage({ settings, outputActivation: activation, kind: step.diverged, epoch: step.epochEnded?.epoch ?? run.epoch + 1, canRestore: false });
        io.err(message);
        if (options.json) io.out(JSON.stringify({ type: 'error', message }));
        return EXIT.invalid;
      }
    }
    const last = epochs[epochs.length - 1];
    if (options.out !== undefined) {
      const trained: LayerLabProject = { ...project, training: settings, weights: toProjectWeights(trainer.getWeights()) };
      try {
        await writeFile(options.out, serializeProject(trained));
      } catch (error) {
        throw new CliError(`Cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
      }
    }
    if (options.json) {
      io.out(JSON.stringify({ type: 'done', epochs: epochs.length, loss: last?.loss ?? null, [metric]: last?.metric ?? null, out: options.out ?? null }));
    } else {
      io.out(
        `Done: loss ${last?.loss.toFixed(4) ?? '?'}, ${metric} ${last === undefined ? '?' : formatMetric(metric, last.metric)}` +
          (options.out === undefined ? ' (weights not saved: add --out FILE to keep them)' : `; trained project written to ${options.out}`),
      );
    }
    return EXIT.ok;
  } finally {
    trainer.dispose();
  }
}
