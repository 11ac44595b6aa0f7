import { writeFile } from 'node:fs/promises';
import { generateBuiltinDataset } from '../../core/datasets/index.ts';
import { serializeProject } from '../../core/project/index.ts';
import type { Graph } from '../../core/graph/types.ts';
import { formatProblem, problemFromDiagnostic, problemsFromMessages, problemsFromWarnings } from '../../core/problems/index.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import type { TrainingSettings } from '../../core/training/settings.ts';
import { suggestDataset } from '../../core/validation/suggestDataset.ts';
import { compileGraph } from '../../engine/compileGraph.ts';
import { trainModel } from '../../engine/train.ts';
import type { EpochReport } from '../../engine/train.ts';
import { getLayerWeights, setLayerWeights } from '../../engine/weights.ts';
import { fromProjectWeights, toProjectWeights } from '../../engine/projectWeights.ts';
import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { readProject } from '../readProject.ts';
import { validateProject } from './validate.ts';

export interface TrainOptions {
  epochs?: number;
  seed?: number;
  out?: string;
  json: boolean;
  /** Start from freshly initialised weights even when the project has trained ones. */
  fresh: boolean;
}

function formatEpoch(report: EpochReport, total: number): string {
  const width = String(total).length;
  const parts = [
    `epoch ${String(report.epoch).padStart(width)}/${total}`,
    `loss ${report.loss.toFixed(4)}`,
    `accuracy ${(report.accuracy * 100).toFixed(1)}%`,
  ];
  if (report.valLoss !== undefined) parts.push(`val_loss ${report.valLoss.toFixed(4)}`);
  if (report.valAccuracy !== undefined) parts.push(`val_accuracy ${(report.valAccuracy * 100).toFixed(1)}%`);
  return parts.join('  ');
}

/** What to do about a project with no dataset: the data that would fit, and how to choose it. */
function noDatasetAdvice(graph: Graph): string {
  const suggestion = suggestDataset(graph);
  if (suggestion === null) {
    return 'Set "dataset" in the project file to a built-in dataset whose features and classes fit the network (see docs/project-file.md).';
  }
  if (!suggestion.available) {
    return `${suggestion.title} fits this network, but it is not available yet; you can still validate and export the network (for example layerlab export --format keras).`;
  }
  const { name, classes } = suggestion.config;
  const choice = classes === 2 ? `{"kind": "builtin", "name": "${name}"}` : `{"kind": "builtin", "name": "${name}", "classes": ${classes}}`;
  return `The built-in ${suggestion.title} dataset fits this network: set "dataset" to ${choice} in the project file.`;
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
  const data = generateBuiltinDataset(project.dataset);
  if (!data.ok) throw new CliError(`Cannot make the dataset: ${data.message}`, EXIT.badInput);
  const compiled = compileGraph(project.graph, { seed: settings.seed });
  if (!compiled.ok) {
    io.err('Cannot build the model:');
    io.err(formatProblem({ severity: 'error', nodeId: compiled.nodeIds[0] ?? null, message: compiled.message, source: 'validation' }));
    return EXIT.invalid;
  }
  const resume = project.weights !== null && !options.fresh;
  if (resume && project.weights !== null) {
    const problems = setLayerWeights(compiled.model, fromProjectWeights(project.weights));
    if (problems.length > 0) {
      compiled.model.dispose();
      io.err('The saved weights do not fit the network:');
      for (const problem of problemsFromMessages(problems, 'project-file')) io.err(formatProblem(problem));
      io.err('Run again with --fresh to start from new weights.');
      return EXIT.invalid;
    }
  }
  if (!options.json) {
    if (resume) io.out('Continuing from the weights saved in the project (add --fresh to start over).');
    io.out(
      `Training ${project.name} on ${data.dataset.name} (${data.dataset.numSamples} examples) for ${settings.epochs} epochs: ` +
        `${settings.optimizer}, learning rate ${settings.learningRate}, batch size ${settings.batchSize}, ${settings.loss}, seed ${settings.seed}`,
    );
  }
  try {
    const outcome = await trainModel(compiled.model, data.dataset, settings, (report) => {
      io.out(options.json ? JSON.stringify({ type: 'epoch', ...report }) : formatEpoch(report, settings.epochs));
    });
    if (!outcome.ok) {
      io.err(outcome.message);
      if (options.json) io.out(JSON.stringify({ type: 'error', message: outcome.message }));
      return EXIT.invalid;
    }
    const last = outcome.epochs[outcome.epochs.length - 1];
    if (options.out !== undefined) {
      const trained: LayerLabProject = { ...project, training: settings, weights: toProjectWeights(getLayerWeights(compiled.model)) };
      try {
        await writeFile(options.out, serializeProject(trained));
      } catch (error) {
        throw new CliError(`Cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`, EXIT.badInput);
      }
    }
    if (options.json) {
      io.out(JSON.stringify({ type: 'done', epochs: outcome.epochs.length, loss: last?.loss ?? null, accuracy: last?.accuracy ?? null, out: options.out ?? null }));
    } else {
      io.out(
        `Done: loss ${last?.loss.toFixed(4) ?? '?'}, accuracy ${last === undefined ? '?' : (last.accuracy * 100).toFixed(1)}%` +
          (options.out === undefined ? ' (weights not saved: add --out FILE to keep them)' : `; trained project written to ${options.out}`),
      );
    }
    return EXIT.ok;
  } finally {
    compiled.model.dispose();
  }
}
