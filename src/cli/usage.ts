export const USAGE = {
  main: `layerlab: build, check and train LayerLab networks from the command line

Usage:
  layerlab validate <project.layerlab.json> [--json]
  layerlab train <project.layerlab.json> [--epochs N] [--seed S] [--out FILE] [--json]
  layerlab export <project.layerlab.json> --format keras-json|keras|tfjs|python|notebook -o PATH
  layerlab import <model.json|model.keras> -o <project.layerlab.json>
  layerlab help [command]
  layerlab --version

Exit codes: 0 success; 1 the network has errors or training failed; 2 a file is missing,
unreadable or malformed, or the command line is wrong; 3 the format is not available yet.`,
  validate: `layerlab validate <project.layerlab.json> [--json]

Prints every layer's output shape and parameter count (as Keras counts them), the total,
and every error or warning with a suggested fix.
  --json   print the result as JSON
Exit 0 when the network is valid (warnings allowed), 1 when it has errors, 2 when the file
cannot be read or is not a valid project.`,
  train: `layerlab train <project.layerlab.json> [--epochs N] [--seed S] [--out FILE] [--json]

Trains the network on the project's dataset with its training settings, printing the loss
and accuracy after every epoch.
  --epochs N   train for N epochs instead of the project's setting
  --seed S     seed for weight initialisation and shuffling (same seed, same run)
  --out FILE   write the project with the trained weights to FILE
  --json       print one JSON object per line: {"type":"epoch",...}, then {"type":"done",...}
Exit 0 when training finished, 1 when the network has errors or training diverged, 2 when a
file cannot be read or written.`,
  export: `layerlab export <project.layerlab.json> --format FORMAT -o PATH

Formats:
  keras-json  Keras 3 architecture JSON      keras     .keras with weights
  tfjs        TensorFlow.js model.json       python    tf.keras training script
  notebook    Jupyter notebook
Exit 0 when written, 1 when the network has errors or cannot be exported (e.g. a step
activation), 2 for a bad file or command line, 3 when the format is not available yet.`,
  import: `layerlab import <model.json|model.keras> -o <project.layerlab.json>

Turns a Keras model (model.to_json() output, Keras 2/tfjs JSON, or a .keras file) into a
LayerLab project. Unsupported layers are all listed and nothing is written.
Exit 0 when written, 2 when the model cannot be read or imported, 3 when the format is not
available yet.`,
} as const;

export type UsageTopic = keyof typeof USAGE;

export function isUsageTopic(value: string): value is UsageTopic {
  return Object.prototype.hasOwnProperty.call(USAGE, value);
}
