/**
 * Reading parsed JSON safely and describing it in sentences: the small helpers every project-file check shares
 * (schema.ts, datasetSchema.ts, migrations.ts). Every read is of an own property, because a file's keys may be
 * anything ("toString", "constructor") and must never reach Object.prototype.
 */

export type PathSegment = string | number;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Own property only: never reads through the prototype (a key may be "toString"). */
export const own = (value: unknown, key: string): unknown =>
  isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;

export const ownAt = (value: unknown, index: number): unknown => (Array.isArray(value) ? (value[index] as unknown) : undefined);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ["graph", "nodes", 2, "params", "units"] → "graph.nodes[2].params.units"; odd keys are quoted: layers["a.b"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += IDENTIFIER.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

const MAX_SHOWN_TEXT = 40;

/** Text in double quotes, cut short when long (a CSV file's text must not fill a message). */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN_TEXT ? `${text.slice(0, MAX_SHOWN_TEXT)}…` : text);
}

/**
 * A short description of any parsed JSON value (or a missing one), for "…; it is <this>." JSON.parse makes no NaN,
 * function or bigint; the only number that is not finite is one too large, such as 1e999.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'empty text ("")' : `the text ${quote(value)}`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'a number too large to store';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  return 'an object';
}

/** 1 → "1st", 12 → "12th", 23 → "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export const list = (items: readonly string[]): string => items.join(', ');

/** Bytes `text` takes as UTF-8 (the size on disk); exact whenever it may exceed `limit`, cheap when it cannot. */
export function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length; // at most three bytes per UTF-16 unit: certainly small enough
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Megabytes (MiB) rounded up to one decimal, so a size just over a cap never reads as equal to it. */
export const megabytes = (bytes: number): string => `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;
