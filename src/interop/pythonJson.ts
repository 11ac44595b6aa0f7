/**
 * JSON text written the way Python's json.dumps writes it, so that LayerLab's .keras files match Keras's own.
 */
import { KERAS_FLOAT_KEYS } from '../core/keras/exportConfig.ts';
import { isRecord, own } from '../core/keras/kerasFormat.ts';

/** A number as Python's json.dumps writes it: repr of a float (0.001, 1e-07, 6.0, 1e+16), or an integer. */
function pythonNumber(value: number, isFloat: boolean): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) {
    if (!isFloat) return String(value);
    return Object.is(value, -0) ? '-0.0' : `${value}.0`;
  }
  const sign = value < 0 ? '-' : '';
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const head = digits.length > 1 ? `${digits[0] ?? ''}.${digits.slice(1)}` : digits;
    return `${sign}${head}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** A string as Python's json.dumps writes it (ensure_ascii: everything outside printable ASCII escaped). */
function pythonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const ch = text[i] ?? '';
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * JSON text as Python's json.dumps(value) writes it for a Keras config: ", " and ": " separators, ASCII only,
 * floats as Python writes them (numbers under the keys in KERAS_FLOAT_KEYS are floats, 0 is written 0.0).
 */
export function pythonJsonDumps(value: unknown, key: string | null = null): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return pythonNumber(value, key !== null && KERAS_FLOAT_KEYS.has(key));
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${(value as unknown[]).map((item) => pythonJsonDumps(item, null)).join(', ')}]`;
  if (isRecord(value)) {
    const parts = Object.keys(value)
      .filter((k) => own(value, k) !== undefined)
      .map((k) => `${pythonString(k)}: ${pythonJsonDumps(own(value, k), k)}`);
    return `{${parts.join(', ')}}`;
  }
  return 'null';
}
