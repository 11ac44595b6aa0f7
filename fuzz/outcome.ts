/**
 * What one fuzz case gives, how it counts, and the rules a refusal's message must follow.
 *
 * - loaded: the input was accepted (a graph validation accepts, a file that imports, a link that opens).
 * - refused: nothing was loaded, and at least one message says why.
 * - crash: an exception escaped an API that promises never to throw, the worker died (out of memory included), or a
 *   refusal leaked an internal error into the message a user reads (see {@link leakedInternalError}).
 * - hang: the case ran past the time limit; its worker was terminated (see pool.ts).
 * - pollution: Object.prototype, Array.prototype, Function.prototype or String.prototype gained or lost a key.
 * - violation: a rule of the category was broken (a broken graph with no problem naming a node, a refusal with an
 *   empty message, memory above the cap in a resource-limit case, ...). Counted on its own line, and fails the run.
 */

export type CaseStatus = 'loaded' | 'refused';

export interface CaseOutcome {
  status: CaseStatus;
  /** The messages of a refusal (empty for a load). */
  messages: string[];
  /** What the case was (the seed file and mutations), for the report of a failing case. */
  label: string;
  violations: string[];
}

export interface CaseReport extends Partial<CaseOutcome> {
  category: string;
  index: number;
  label: string;
  crash?: string;
  hang?: boolean;
  pollution?: string[];
  violations: string[];
  /** Resource-limit cases: the largest growth of the process's resident memory while the case ran, in bytes. */
  peakRssGrowth?: number;
  ms: number;
}

/**
 * Text that only an exception's own message would contain: a refusal that shows it has caught a LayerLab bug and
 * passed its message on instead of saying what is wrong with the input.
 */
const INTERNAL_ERROR = [
  /Cannot read propert/i,
  /Cannot set propert/i,
  /Cannot convert /i,
  /is not a function/,
  /is not iterable/,
  /is not a constructor/,
  /\bundefined is not\b/,
  /\bnull is not\b/,
  /Maximum call stack/i,
  /Invalid array length/i,
  /Array buffer allocation failed/i,
  /out of memory/i,
  /\[object Object\]/,
  /internal error/i,
  /RuntimeError|TypeError|RangeError|ReferenceError/,
];

export function leakedInternalError(message: string): string | null {
  const hit = INTERNAL_ERROR.find((pattern) => pattern.test(message));
  return hit === undefined ? null : message.slice(0, 300);
}

/** Longer refusal messages break the rule: a user reads a few sentences, not a file's contents. */
export const MAX_MESSAGE_CHARS = 5000;

/** The message rule of every refusal: at least one message, each a non-empty string of at most MAX_MESSAGE_CHARS, none an internal error. */
export function messageProblems(messages: readonly unknown[]): { violations: string[]; crash: string | null } {
  const violations: string[] = [];
  if (messages.length === 0) violations.push('refused without any message');
  for (const message of messages) {
    if (typeof message !== 'string' || message.trim() === '') violations.push(`a refusal message is ${JSON.stringify(message)}`);
    // A file's long text quoted whole would bury the message (and freeze the problems panel).
    else if (message.length > MAX_MESSAGE_CHARS) violations.push(`a refusal message is ${message.length} characters long: ${message.slice(0, 200)}…`);
  }
  const leaked = messages.map((m) => (typeof m === 'string' ? leakedInternalError(m) : null)).find((m) => m !== null);
  return { violations, crash: leaked === undefined || leaked === null ? null : `internal error shown as the message: ${leaked}` };
}

/** Keys of the shared prototypes, to see whether a case added or removed any. */
export function prototypeKeys(): string[] {
  const keysOf = (name: string, target: object): string[] => Reflect.ownKeys(target).map((k) => `${name}.${String(k)}`);
  return [
    ...keysOf('Object.prototype', Object.prototype),
    ...keysOf('Array.prototype', Array.prototype),
    ...keysOf('Function.prototype', Function.prototype),
    ...keysOf('String.prototype', String.prototype),
  ].sort();
}

export function prototypeChanges(before: readonly string[], after: readonly string[]): string[] {
  const was = new Set(before);
  const now = new Set(after);
  return [...after.filter((k) => !was.has(k)).map((k) => `added ${k}`), ...before.filter((k) => !now.has(k)).map((k) => `removed ${k}`)];
}
