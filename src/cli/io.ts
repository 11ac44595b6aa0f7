/** Where the CLI writes: real streams in production, arrays in tests. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  /** The file was read, but the network has errors (validate) or training failed (train). */
  invalid: 1,
  /** The file is missing, unreadable or malformed, or the command line is wrong. */
  badInput: 2,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
