export const USAGE = {
  main: `layerlab: build, check and train LayerLab networks from the command line

Usage:
  layerlab validate <project.layerlab.json> [--json]
  layerlab train <project.layerlab.json> [--epochs N] [--seed S] [--out FILE] [--fresh] [--json]
  layerlab export <project.layerlab.json> --format keras-json|keras|tfjs|python|notebook -o PATH
  layerlab import <model.json|model.keras> -o <project.layerlab.json>
  layerlab help [command]
  layerlab --version

Exit codes: 0 success; 1 the network has errors, cannot be exported, or training failed;
2 a file is missing, unreadable or malformed, or the command line is wrong.`,
  validate: `layerlab validate <project.layerlab.json> [--json]

Prints every layer's output shape and parameter count (as Keras counts them), the total,
and every error or warning with a suggested fix.
  --json   print the result as JSON
Exit 0 when the network is valid (warnings allowed), 1 when it has errors, 2 when the file
cannot be read or is not a valid project.`,
  train: `layerlab train <project.layerlab.json> [--epochs N] [--seed S] [--out FILE] [--fresh] [--json]

Trains the network on the project's dataset with its training settings, printing the loss
and accuracy after every epoch. A project that holds trained weights continues from them.
  --epochs N   train for N epochs instead of the project's setting
  --seed S     seed for weight initialisation and shuffling (same seed, same run)
  --out FILE   write the project with the trained weights to FILE
  --fresh      start from new weights even if the project has trained ones
  --json       print one JSON object per line: {"type":"epoch",...}, then {"type":"done",...}
Exit 0 when training finished, 1 when the network has errors or training diverged, 2 when a
file cannot be read or written.`,
  export: `layerlab export <project.layerlab.json> --format FORMAT -o PATH

Formats:
  keras-json  Keras 3 architecture JSON (model.to_json())  -> keras.models.model_from_json
  keras       .keras file with weights and compile settings -> keras.models.load_model
  tfjs        TensorFlow.js model.json + weights.bin; PATH is a folder, or model.json's path
  python      a runnable tf.keras script that makes the same data, model and training
  notebook    the same as a Jupyter notebook (.ipynb), explained step by step
A project without trained weights exports freshly initialised ones (its training seed).
Exit 0 when written, 1 when the network has errors or cannot be exported (e.g. a step
activation, or a layer TensorFlow.js lacks), 2 for a bad file or command line.`,
  import: `layerlab import <model.keras|model.json> -o <project.layerlab.json>

Turns a Keras model into a LayerLab project: a .keras file (architecture, weights and
compile settings), Keras 3 or Keras 2 model.to_json() output (architecture only), or a
TensorFlow.js model.json (its weight files are read from beside it). Unsupported layers
are all listed and nothing is written.
Exit 0 when written, 2 when the model cannot be read or imported.`,
} as const;

export type UsageTopic = keyof typeof USAGE;

export function isUsageTopic(value: string): value is UsageTopic {
  return Object.prototype.hasOwnProperty.call(USAGE, value);
}
