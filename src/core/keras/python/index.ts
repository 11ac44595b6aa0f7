/** LayerLab projects as Python: a runnable tf.keras script, a Jupyter notebook, the exact dataset generators and data files. */
export type { GeneratedDatasetConfig, PythonDatasetCode } from './pythonDataset.ts';
export { PYTHON_DATASET_IMPORTS, pythonDataset, pythonDatasetFunctionName, pythonNumber } from './pythonDataset.ts';
export type { NpyArray, PythonDataFile, PythonDataSection } from './pythonData.ts';
export { float32Literal, pythonDataSection } from './pythonData.ts';
export type {
  PythonExportOptions,
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
  pythonOptimizer,
} from './pythonScript.ts';
export type { Notebook } from './notebook.ts';
export { exportNotebook, NOTEBOOK_FILE_NAME, programToNotebook } from './notebook.ts';
