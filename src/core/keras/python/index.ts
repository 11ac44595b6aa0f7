/** LayerLab projects as Python: a runnable tf.keras script, a Jupyter notebook, and the exact dataset generators. */
export type { PythonDatasetCode } from './pythonDataset.ts';
export { PYTHON_DATASET_IMPORTS, pythonDataset, pythonDatasetFunctionName, pythonNumber } from './pythonDataset.ts';
export type {
  PythonExportProblem,
  PythonExportResult,
  PythonProgram,
  PythonProgramResult,
  PythonStep,
  PythonStepId,
} from './pythonScript.ts';
export {
  buildPythonProgram,
  exportPythonScript,
  programToScript,
  PYTHON_SCRIPT_FILE_NAME,
  pythonFloat,
} from './pythonScript.ts';
export type { Notebook } from './notebook.ts';
export { exportNotebook, NOTEBOOK_FILE_NAME, programToNotebook } from './notebook.ts';
