import { formatShape } from '../../core/layers/index.ts';
import { formatProblem, problemFromDiagnostic, problemsFromWarnings } from '../../core/problems/index.ts';
import { noDatasetNote, suggestDataset } from '../../core/validation/suggestDataset.ts';
import { validateProjectNetwork } from '../../core/validation/validateProject.ts';
import type { NetworkValidation } from '../../core/validation/validateNetwork.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import { summarizeDataset } from '../../core/validation/datasetSummary.ts';
import type { CliIO } from '../io.ts';
import { EXIT } from '../io.ts';
import { readProject } from '../readProject.ts';
import { renderTable } from '../table.ts';

export function validateProject(project: LayerLabProject): NetworkValidation {
  return validateProjectNetwork(project);
}

function statusCell(validation: NetworkValidation, id: string): { shape: string; params: string } {
  const info = validation.nodes.get(id);
  if (info?.status === 'ok') return { shape: formatShape(info.shape), params: info.params.toLocaleString('en-US') };
  if (info?.status === 'blocked') return { shape: '?', params: '?' };
  return { shape: 'error', params: '?' };
}

/** JSON the validate command prints with --json. */
export function validationJson(project: LayerLabProject, validation: NetworkValidation): unknown {
  return {
    valid: validation.ok,
    totalParams: validation.totalParams,
    inputs: validation.inputs,
    outputs: validation.outputs,
    nodes: project.graph.nodes.map((node) => {
      const info = validation.nodes.get(node.id);
      return {
        id: node.id,
        kind: node.kind,
        status: info?.status ?? 'blocked',
        outputShape: info?.status === 'ok' ? [null, ...info.shape] : null,
        params: info?.status === 'ok' ? info.params : null,
      };
    }),
    diagnostics: validation.diagnostics,
    dataset: datasetJson(project, validation),
  };
}

/** The dataset in --json: its settings (a CSV file's name and columns, not its text), or what would fit. */
function datasetJson(project: LayerLabProject, validation: NetworkValidation): unknown {
  const dataset = project.dataset;
  if (dataset.kind === 'none') return { kind: 'none', suggested: suggestDataset(project.graph, validation) };
  if (dataset.kind === 'csv') {
    const { text, ...settings } = dataset;
    return { ...settings, textBytes: new TextEncoder().encode(text).length };
  }
  return { ...dataset };
}

/** The end of the "Valid…" line: what the network is ready for. */
function readyText(project: LayerLabProject, validation: NetworkValidation): string {
  if (project.dataset.kind === 'none') return noDatasetNote(suggestDataset(project.graph, validation));
  const summary = summarizeDataset(project.dataset);
  return summary.ok ? `ready to train on the ${summary.summary.title} data.` : 'ready to train.';
}

export async function runValidate(path: string, options: { json: boolean }, io: CliIO): Promise<number> {
  const { project, warnings } = await readProject(path);
  const validation = validateProject(project);
  if (options.json) {
    io.out(JSON.stringify(validationJson(project, validation), null, 2));
    return validation.ok ? EXIT.ok : EXIT.invalid;
  }
  for (const warning of problemsFromWarnings(warnings, 'project-file')) io.err(formatProblem(warning));
  const rows = project.graph.nodes.map((node) => {
    const cell = statusCell(validation, node.id);
    return [node.id, node.kind, cell.shape, cell.params];
  });
  io.out(`${project.name} (${path})`);
  io.out(renderTable(['layer', 'kind', 'output shape', 'params'], rows, [3]));
  io.out('');
  io.out(
    validation.totalParams === null
      ? 'Total params: unknown until the errors below are fixed'
      : `Total params: ${validation.totalParams.toLocaleString('en-US')}`,
  );
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  const notes = validation.diagnostics.filter((d) => d.severity === 'warning');
  if (validation.diagnostics.length > 0) io.out('');
  for (const d of [...errors, ...notes]) io.out(formatProblem(problemFromDiagnostic(d)));
  io.out('');
  io.out(
    errors.length === 0
      ? `Valid${notes.length > 0 ? ` with ${notes.length} warning${notes.length === 1 ? '' : 's'}` : ''}: ${readyText(project, validation)}`
      : `Invalid: ${errors.length} error${errors.length === 1 ? '' : 's'}${notes.length > 0 ? `, ${notes.length} warning${notes.length === 1 ? '' : 's'}` : ''}.`,
  );
  return errors.length === 0 ? EXIT.ok : EXIT.invalid;
}
