/** What exportKerasModel takes as options and returns. */
import type { TrainingSettings } from '../../training/settings.ts';
import type { KerasModelJson } from '../kerasFormat.ts';

export interface KerasExportProblem {
  /** The node (Keras layer name) at fault, or null for a problem with the whole graph. */
  layer: string | null;
  /** One or more plain sentences; never starts with the node id (renderers show `layer` beside it). */
  message: string;
}

export type KerasExportResult =
  /** `text` is kerasJsonText(model): JSON.parse(text) equals model; Keras's float arguments keep their ".0". */
  /** `warnings`: what the export did differently from what was asked (a Sequential pick on a branching graph). */
  | { ok: true; model: KerasModelJson; text: string; warnings: string[] }
  | { ok: false; problems: KerasExportProblem[] };

export interface KerasExportOptions {
  /** The model's name, usually the project name; sanitized (see kerasModelName). Default "layerlab_model". */
  name?: string;
  /**
   * When given, the model is written as compiled with these settings: `compile_config` is
   * exportKerasCompileConfig(training), as in a compiled model's to_json() or a .keras file's config.json.
   * Otherwise `compile_config` is `{}`, what Keras writes for a model that was never compiled.
   */
  training?: TrainingSettings;
  /**
   * Write a Functional model even when the graph is one chain, as Keras writes `keras.Model(inputs, outputs)` built on
   * a chain. Default false: a chain is written as the Sequential model it is.
   */
  functional?: boolean;
}
