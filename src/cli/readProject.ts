import { readFile, stat } from 'node:fs/promises';
import { formatProblems, problemsFromProjectErrors } from '../core/problems/index.ts';
import { MAX_PROJECT_FILE_BYTES, parseProject } from '../core/project/index.ts';
import type { LayerLabProject } from '../core/project/index.ts';
import { CliError, EXIT } from './io.ts';

// The same cap the project loader applies, for every file the CLI reads.
const MAX_FILE_BYTES = MAX_PROJECT_FILE_BYTES;

function describeFsError(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `Cannot read ${path}: there is no such file.`;
  if (code === 'EACCES') return `Cannot read ${path}: permission denied.`;
  if (code === 'EISDIR') return `Cannot read ${path}: it is a folder, not a project file.`;
  return `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Reads a file as text, turning every failure into a CliError with exit code 2. */
export async function readTextFile(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_FILE_BYTES) {
      throw new CliError(`Cannot read ${path}: it is ${(info.size / 1024 / 1024).toFixed(0)} MB, above the 50 MB limit.`, EXIT.badInput);
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeFsError(path, error), EXIT.badInput);
  }
}

/** Reads a file as bytes, turning every failure into a CliError with exit code 2. */
export async function readBinaryFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > MAX_FILE_BYTES) {
      throw new CliError(`Cannot read ${path}: it is ${(info.size / 1024 / 1024).toFixed(0)} MB, above the 50 MB limit.`, EXIT.badInput);
    }
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(describeFsError(path, error), EXIT.badInput);
  }
}

/** Reads and checks a .layerlab.json project; warnings are returned for the caller to print. */
export async function readProject(path: string): Promise<{ project: LayerLabProject; warnings: string[] }> {
  const text = await readTextFile(path);
  const result = parseProject(text);
  if (!result.ok) {
    throw new CliError(`${path} is not a valid LayerLab project:\n${formatProblems(problemsFromProjectErrors(result.errors))}`, EXIT.badInput);
  }
  return { project: result.project, warnings: result.warnings };
}
