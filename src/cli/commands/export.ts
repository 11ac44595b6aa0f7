import type { CliIO } from '../io.ts';
import { CliError, EXIT } from '../io.ts';
import { readProject } from '../readProject.ts';
import { formatDiagnostic, validateProject } from './validate.ts';

export const EXPORT_FORMATS = {
  'keras-json': 'Keras 3 model.to_json() architecture (load with keras.models.model_from_json)',
  keras: '.keras file with the current weights and compile settings (load with keras.models.load_model)',
  tfjs: 'TensorFlow.js model.json + weights.bin (load with tf.loadLayersModel)',
  python: 'a runnable tf.keras training script',
  notebook: 'a Jupyter notebook (.ipynb) that rebuilds and trains the network',
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, value);
}

export async function runExport(path: string, format: string, outPath: string | undefined, io: CliIO): Promise<number> {
  if (!isExportFormat(format)) {
    throw new CliError(`Unknown export format "${format}". Choose one of: ${Object.keys(EXPORT_FORMATS).join(', ')}.`, EXIT.badInput);
  }
  if (outPath === undefined) throw new CliError('export needs -o PATH: where to write the exported model.', EXIT.badInput);
  const { project } = await readProject(path);
  const validation = validateProject(project);
  const blocking = validation.diagnostics.filter((d) => d.severity === 'error' || d.code === 'not-in-keras');
  if (blocking.length > 0) {
    for (const d of blocking) io.err(formatDiagnostic(d));
    io.err(`Cannot export ${path}: fix the problem${blocking.length === 1 ? '' : 's'} above first.`);
    return EXIT.invalid;
  }
  io.err(
    `Export to ${format} (${EXPORT_FORMATS[format]}) is not available in this version of LayerLab yet; ` +
      'it arrives with Keras interop. The project is valid and nothing was written.',
  );
  return EXIT.unavailable;
}
