/** Reading and comparing the numbers in a Keras config. */
import type { JsonRecord } from '../kerasFormat.ts';
import { isFiniteNumber, own } from '../kerasFormat.ts';

/**
 * Keras 2 and tfjs write float32 values as doubles (0.30000001192092896). Returns the shortest decimal that is
 * the same float32 (0.3); other numbers are returned unchanged.
 */
export function tidyFloat(value: number): number {
  if (!Number.isFinite(value) || Math.fround(value) !== value) return value;
  for (let digits = 1; digits <= 9; digits += 1) {
    const shorter = Number(value.toPrecision(digits));
    if (Math.fround(shorter) === value) return shorter;
  }
  return value;
}

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

export function readNumber(config: JsonRecord, key: string, fallback: number): number | null {
  const value = own(config, key);
  if (value === undefined || value === null) return fallback;
  return isFiniteNumber(value) ? value : null;
}
