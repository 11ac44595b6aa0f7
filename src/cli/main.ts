import { parseArgs } from 'node:util';
import type { CliIO } from './io.ts';
import { CliError, EXIT } from './io.ts';
import { isUsageTopic, USAGE } from './usage.ts';
import type { UsageTopic } from './usage.ts';

const VERSION = '0.1.0';

function parse(command: UsageTopic, args: string[]) {
  const options = {
    json: { type: 'boolean' },
    fresh: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    out: { type: 'string', short: 'o' },
    format: { type: 'string', short: 'f' },
  } as const;
  const allowed: Record<UsageTopic, readonly string[]> = {
    main: [],
    validate: ['json', 'help'],
    train: ['json', 'help', 'epochs', 'seed', 'out', 'fresh'],
    export: ['help', 'out', 'format'],
    import: ['help', 'out'],
  };
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE[command]}`, EXIT.badInput);
  }
  for (const key of Object.keys(parsed.values)) {
    if (!allowed[command].includes(key)) {
      throw new CliError(`${command} does not take --${key}.\n\n${USAGE[command]}`, EXIT.badInput);
    }
  }
  return parsed;
}

function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max} (got "${value}").`, EXIT.badInput);
  }
  return number;
}

function onePath(command: UsageTopic, positionals: string[], what: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new CliError(
      `${command} needs exactly one ${what}${positionals.length > 1 ? ` (got ${positionals.length}: ${positionals.join(' ')})` : ''}.\n\n${USAGE[command]}`,
      EXIT.badInput,
    );
  }
  return positionals[0];
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      const topic = rest[0];
      if (topic !== undefined && !isUsageTopic(topic)) throw new CliError(`There is no command "${topic}".\n\n${USAGE.main}`, EXIT.badInput);
      io.out(USAGE[topic ?? 'main']);
      return command === undefined ? EXIT.badInput : EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(VERSION);
      return EXIT.ok;
    }
    if (!isUsageTopic(command) || command === 'main') {
      throw new CliError(`Unknown command "${command}".\n\n${USAGE.main}`, EXIT.badInput);
    }
    const { values, positionals } = parse(command, rest);
    if (values.help === true) {
      io.out(USAGE[command]);
      return EXIT.ok;
    }
    switch (command) {
      case 'validate': {
        // Commands load on demand, so `validate` starts without loading TensorFlow.js.
        const { runValidate } = await import('./commands/validate.ts');
        return await runValidate(onePath(command, positionals, 'project file'), { json: values.json === true }, io);
      }
      case 'train': {
        const { runTrain } = await import('./commands/train.ts');
        return await runTrain(
          onePath(command, positionals, 'project file'),
          {
            epochs: wholeNumber('epochs', values.epochs, 1, 10000),
            seed: wholeNumber('seed', values.seed, 0, 2 ** 32 - 1),
            out: values.out,
            json: values.json === true,
            fresh: values.fresh === true,
          },
          io,
        );
      }
      case 'export': {
        if (values.format === undefined) throw new CliError(`export needs --format.\n\n${USAGE.export}`, EXIT.badInput);
        const { runExport } = await import('./commands/export.ts');
        return await runExport(onePath(command, positionals, 'project file'), values.format, values.out, io);
      }
      case 'import': {
        const { runImport } = await import('./commands/import.ts');
        return await runImport(onePath(command, positionals, 'model file'), values.out, io);
      }
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(`LayerLab hit an unexpected problem: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.invalid;
  }
}
