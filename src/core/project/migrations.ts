import { describeValue, isRecord } from './schema.ts';
import type { ProjectFieldError } from './types.ts';
import { CURRENT_PROJECT_VERSION, PROJECT_FORMAT } from './types.ts';

/**
 * Turns a project of version N into one of version N + 1. It receives the whole file as parsed JSON (already
 * checked for format, version and reserved keys, but nothing else, so it must cope with missing or odd fields),
 * must not modify its argument, and returns the new object. The caller sets `version` to N + 1 afterwards.
 */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 1 -> 2 (every kind of data). Version 1 knew only the built-in 2-D sets, so a dataset without `kind` meant
 * one of them: the step writes `"kind": "builtin"` where it was left out, because version 2 has several kinds and
 * needs to be told which. Training gains `l2` (no weight penalty) and `runUntilStopped` (stop after `epochs`), the
 * values that leave a version 1 project training exactly as before. Anything odd (a dataset that is not an object,
 * training that is not an object) is passed through untouched for the schema to report at its path.
 * Released: never edit this step; a later format change adds MIGRATIONS[2].
 */
function addDataKindAndTrainingPenalty(old: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...old };
  const dataset = Object.hasOwn(old, 'dataset') ? old.dataset : undefined;
  if (isRecord(dataset) && !Object.hasOwn(dataset, 'kind')) next.dataset = { kind: 'builtin', ...dataset };
  const training = Object.hasOwn(old, 'training') ? old.training : undefined;
  if (isRecord(training)) {
    next.training = {
      ...training,
      ...(Object.hasOwn(training, 'l2') ? {} : { l2: 0 }),
      ...(Object.hasOwn(training, 'runUntilStopped') ? {} : { runUntilStopped: false }),
    };
  }
  return next;
}

/**
 * Version 2 -> 3 (the model's structure). Version 3 adds the optional `graph.model` (Keras API, input and output
 * structure); a version 2 file has none, which means what version 2 did: a chain is Sequential, inputs and outputs
 * are taken in graph order, one as a single tensor and several as a list. So the file is passed on unchanged (a
 * copy), and a `graph.model` already in a version 2 file is left for the schema to check like any other field.
 * Released: never edit this step; a later format change adds MIGRATIONS[3].
 */
function addModelStructure(old: Record<string, unknown>): Record<string, unknown> {
  return { ...old };
}

/**
 * Migrations keyed by the version they migrate FROM: MIGRATIONS[1] turns a version 1 file into version 2.
 * When the format changes, bump CURRENT_PROJECT_VERSION and add the step here; never edit a released step.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = Object.freeze({ 1: addDataKindAndTrainingPenalty, 2: addModelStructure });

export type ProjectHeader = { ok: true; version: number } | { ok: false; errors: ProjectFieldError[] };

export type MigrationResult =
  | {
      ok: true;
      /** The file's contents at the target version (not yet checked against the schema). */
      project: Record<string, unknown>;
      /** The version the file was saved with. */
      fromVersion: number;
    }
  | { ok: false; errors: ProjectFieldError[] };

const fail = (path: string, message: string): { ok: false; errors: ProjectFieldError[] } => ({
  ok: false,
  errors: [{ path, message }],
});

/**
 * Checks that `raw` is a LayerLab project object with a usable version no newer than `newestVersion`.
 * Reads only own properties, so it is safe on any parsed JSON.
 */
export function readProjectHeader(raw: unknown, newestVersion: number = CURRENT_PROJECT_VERSION): ProjectHeader {
  if (!isRecord(raw)) {
    return fail('', `A LayerLab project file holds one JSON object ({ ... }); this file holds ${describeValue(raw)}.`);
  }
  if (!Object.hasOwn(raw, 'format')) {
    return fail('format', `This is not a LayerLab project file: it has no "format": "${PROJECT_FORMAT}" field.`);
  }
  if (raw.format !== PROJECT_FORMAT) {
    return fail(
      'format',
      `This is not a LayerLab project file: its "format" is ${describeValue(raw.format)}, not "${PROJECT_FORMAT}".`,
    );
  }
  if (!Object.hasOwn(raw, 'version')) {
    return fail(
      'version',
      `The file has no "version" number, so LayerLab cannot tell how to read it (this LayerLab saves "version": ${newestVersion}).`,
    );
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('version', `The file's "version" must be a whole number of at least 1; it is ${describeValue(version)}.`);
  }
  if (version > newestVersion) {
    return fail(
      'version',
      `This project was saved by a newer LayerLab (version ${version}); this one reads up to version ${newestVersion}.`,
    );
  }
  return { ok: true, version };
}

/**
 * Brings a parsed project file up to `targetVersion` by applying `migrations` in order. Never throws: a
 * missing step or a failing migration comes back as an error. Exposed with its table as a parameter so the
 * mechanism can be tested before any real migration exists; the app uses {@link migrateToCurrent}.
 */
export function migrateWith(
  raw: unknown,
  migrations: Readonly<Record<number, Migration>>,
  targetVersion: number,
): MigrationResult {
  const header = readProjectHeader(raw, targetVersion);
  if (!header.ok) return header;
  // readProjectHeader only succeeds on records.
  let project = raw as Record<string, unknown>;
  for (let version = header.version; version < targetVersion; version += 1) {
    const step = Object.hasOwn(migrations, version) ? migrations[version] : undefined;
    if (step === undefined) {
      return fail(
        'version',
        `LayerLab cannot upgrade a version ${version} project to version ${targetVersion}: the step from version ${version} is missing.`,
      );
    }
    let next: unknown;
    try {
      next = step(project);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('', `LayerLab could not upgrade this project from version ${version} to ${version + 1}: ${reason}`);
    }
    if (!isRecord(next)) {
      return fail('', `LayerLab could not upgrade this project from version ${version} to ${version + 1}.`);
    }
    project = { ...next, version: version + 1 };
  }
  return { ok: true, project, fromVersion: header.version };
}

/** {@link migrateWith} with LayerLab's own table, up to CURRENT_PROJECT_VERSION. */
export function migrateToCurrent(raw: unknown): MigrationResult {
  return migrateWith(raw, MIGRATIONS, CURRENT_PROJECT_VERSION);
}
