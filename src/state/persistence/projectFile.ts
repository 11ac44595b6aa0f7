/**
 * Opening and naming `.layerlab.json` files. `readProjectFile` takes anything shaped like a browser `File`
 * (name, size, text()), so it runs in Node tests and with a File from an <input> or a drop alike. Refusals come
 * back as problems that say the student's current work was left untouched; nothing here throws.
 */
import type { Problem } from '../../core/problems/problem.ts';
import type { LayerLabProject } from '../../core/project/index.ts';
import { MAX_PROJECT_FILE_BYTES, parseProject } from '../../core/project/index.ts';
import { formatFieldErrors } from './fieldErrors.ts';

/** The parts of a browser `File` that reading a project needs. */
export interface ProjectFileLike {
  name: string;
  /** In bytes. */
  size: number;
  text(): Promise<string>;
}

export type ReadProjectFileResult =
  | { ok: true; project: LayerLabProject; warnings: string[] }
  | { ok: false; problem: Problem };

export const PROJECT_FILE_SUFFIX = '.layerlab.json';

const UNTOUCHED = 'Your current work was left untouched.';
const IMPORT_HINT = 'To bring in a Keras model (a .keras file, Keras JSON or a TF.js model.json), use Import.';

const refused = (message: string, fix?: string): ReadProjectFileResult => ({
  ok: false,
  problem: {
    severity: 'error',
    nodeId: null,
    // A list of field errors ends in a line of its own; a sentence is followed on the same line.
    message: `${message}${message.includes('\n') ? '\n' : ' '}${UNTOUCHED}`,
    ...(fix === undefined ? {} : { fix }),
    source: 'project-file',
  },
});

const quoteName = (name: string): string => JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);

/** Megabytes (MiB) rounded up to one decimal, as the project loader words its own size limit. */
const megabytes = (bytes: number): string => `${Math.ceil((bytes / (1024 * 1024)) * 10) / 10} MB`;

/** A Keras model.to_json() or a TF.js model.json, recognised by a key LayerLab projects never have. */
const looksLikeKerasModel = (text: string): boolean => /"(class_name|modelTopology|keras_version)"\s*:/.test(text.slice(0, 65_536));

/**
 * Reads a project file chosen or dropped by the student. Refused before reading: a name not ending in ".json"
 * (with a hint to use Import for Keras models) and a file over {@link MAX_PROJECT_FILE_BYTES}. Then the text goes
 * through `parseProject`; its field errors come back as one problem.
 */
export async function readProjectFile(file: ProjectFileLike): Promise<ReadProjectFileResult> {
  const name = typeof file.name === 'string' ? file.name : '';
  const shown = name === '' ? 'This file' : quoteName(name);
  if (!name.toLowerCase().endsWith('.json')) {
    return refused(
      `${shown} is not a LayerLab project: LayerLab opens ${PROJECT_FILE_SUFFIX} project files; to bring in a Keras model use Import.`,
      IMPORT_HINT,
    );
  }
  if (typeof file.size === 'number' && file.size > MAX_PROJECT_FILE_BYTES) {
    return refused(
      `${shown} is too large to open: it is ${megabytes(file.size)}, and LayerLab opens project files of up to ${megabytes(MAX_PROJECT_FILE_BYTES)}.`,
    );
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
    return refused(
      `LayerLab could not read ${shown === 'This file' ? 'the file' : shown}: ${reason}.`,
      'Choose the file again; if it is on a removed drive or was moved, copy it to this computer first.',
    );
  }
  const parsed = parseProject(text);
  if (!parsed.ok) {
    const keras = parsed.errors[0]?.path === 'format' && looksLikeKerasModel(text);
    return refused(
      `${shown} cannot be opened as a LayerLab project:\n${formatFieldErrors(parsed.errors)}`,
      keras ? `This looks like a Keras or TF.js model, not a LayerLab project. ${IMPORT_HINT}` : undefined,
    );
  }
  return { ok: true, project: parsed.project, warnings: parsed.warnings };
}

/** Names Windows refuses as a file name, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

const MAX_SLUG = 60;

/**
 * A safe download name from the project name: "XOR 2-4-1" → "xor-2-4-1.layerlab.json". Lowercase a–z, 0–9 and
 * "-" (accents dropped: "Réseau" → "reseau"), at most 60 characters before the suffix, "network" when nothing is left.
 */
export function projectFileName(project: Pick<LayerLabProject, 'name'>): string {
  const name = typeof project.name === 'string' ? project.name : '';
  let slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) slug = slug.slice(0, MAX_SLUG).replace(/-+$/, '');
  if (slug === '') slug = 'network';
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}-network`;
  return `${slug}${PROJECT_FILE_SUFFIX}`;
}
