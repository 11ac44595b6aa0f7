/** The exception the import steps throw to stop the import with its problems; importKerasConfig turns it into a result. */
import type { KerasImportProblem } from './importResult.ts';
import { sentence } from './messageText.ts';

export class ImportFailure {
  constructor(readonly problems: KerasImportProblem[]) {}
}

export const fileProblem = (message: string): ImportFailure => new ImportFailure([{ layer: null, message: sentence(message) }]);
