/** Reads one layer's config argument by argument, recording what it consumed, its warnings and its problems. */
import type { ActivationName, InitializerName, Regularizer } from '../../layers/index.ts';
import { describeValue, isFiniteNumber, isRecord, own, ownString } from '../kerasFormat.ts';
import { activationFromFileName } from '../activationFormats.ts';
import type { Dialect } from './dialect.ts';
import { readInitializer } from './initializers.ts';
import type { LayerEntry } from './layerEntries.ts';
import { layerWarning, quote, sentence } from './messageText.ts';
import { tidyFloat } from './numbers.ts';
import { readRegularizer } from './regularizers.ts';

/** Reads one layer's config, recording what it consumed and what is wrong. */
export class LayerReader {
  readonly problems: string[] = [];
  readonly warnings: string[] = [];
  private readonly consumed = new Set<string>(['name']);

  constructor(
    readonly entry: LayerEntry,
    readonly dialect: Dialect,
  ) {}

  take(key: string): unknown {
    this.consumed.add(key);
    return own(this.entry.config, key);
  }

  isConsumed(key: string): boolean {
    return this.consumed.has(key);
  }

  /** A reason this layer cannot be imported, as a sentence that does not name the layer (its problem does). */
  problem(reason: string): void {
    this.problems.push(sentence(reason));
  }

  /** Something about this layer LayerLab ignores or changes, as a sentence that names the layer. */
  warn(reason: string): void {
    this.warnings.push(layerWarning(this.entry.name, reason));
  }

  number(key: string, fallback: number | null | 'required', options: { nullable?: boolean; float?: boolean } = {}): number | null {
    const value = this.take(key);
    if (value === undefined || (value === null && fallback !== 'required' && options.nullable !== true)) {
      if (fallback === 'required') {
        this.problem(`${key} is missing`);
        return null;
      }
      return fallback;
    }
    if (value === null && options.nullable === true) return null;
    if (!isFiniteNumber(value)) {
      this.problem(`${key} is ${describeValue(value)}; it must be a number`);
      return null;
    }
    return options.float === true ? tidyFloat(value) : value;
  }

  bool(key: string, fallback: boolean): boolean {
    const value = this.take(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.problem(`${key} is ${describeValue(value)}; it must be true or false`);
      return fallback;
    }
    return value;
  }

  /** An axis, or a list of exactly one axis (Keras 2 BatchNormalization writes [3]). */
  axis(key: string, fallback: number): number {
    const value = this.take(key);
    if (value === undefined || value === null) return fallback;
    if (isFiniteNumber(value)) return value;
    if (Array.isArray(value) && value.length === 1 && isFiniteNumber(value[0])) return value[0];
    if (Array.isArray(value) && value.length > 1) {
      this.problem(`${key} is ${describeValue(value)}, several axes; LayerLab layers work along one axis`);
      return fallback;
    }
    this.problem(`${key} is ${describeValue(value)}; it must be a number`);
    return fallback;
  }

  activation(key: string, required: boolean): ActivationName {
    const value = this.take(key);
    if (value === undefined && required) {
      this.problem(`${key} is missing`);
      return 'linear';
    }
    if (value === undefined || value === null) return 'linear';
    let name: string | null = typeof value === 'string' ? value : null;
    if (isRecord(value)) {
      // Keras 3 writes a function object for non-string activations: {"class_name": "function", "config": "relu"}.
      const module = ownString(value, 'module');
      const config = own(value, 'config');
      if (own(value, 'class_name') === 'function' && typeof config === 'string' && (module === undefined || module.startsWith('keras'))) {
        name = config;
      }
    }
    if (name === null) {
      this.problem(`activation ${describeValue(value)} is unknown`);
      return 'linear';
    }
    const known = activationFromFileName(name);
    if (known === null) {
      this.problem(`activation ${quote(name)} is unknown`);
      return 'linear';
    }
    if (known === 'hard_sigmoid' && this.dialect !== 'keras3') {
      this.warn(
        "activation 'hard_sigmoid' is clip(0.2x + 0.5, 0, 1) in Keras 2 and TensorFlow.js, but LayerLab, like Keras 3, uses clip(x/6 + 0.5, 0, 1), so the outputs will differ",
      );
    }
    return known;
  }

  initializer(key: string, fallback: InitializerName): InitializerName {
    const value = this.take(key);
    if (value === undefined) return fallback;
    const result = readInitializer(value);
    if ('reason' in result) {
      this.problem(`${key} ${result.reason}`);
      return fallback;
    }
    if (result.seed !== null) this.warn(`${key} has seed ${describeValue(result.seed)}, which LayerLab ignores`);
    return result.name;
  }

  regularizer(key: string): Regularizer | null {
    const value = this.take(key);
    if (value === undefined || value === null) return null;
    const result = readRegularizer(value);
    if ('reason' in result) {
      this.problem(`${key} ${result.reason}`);
      return null;
    }
    return result.regularizer;
  }
}
