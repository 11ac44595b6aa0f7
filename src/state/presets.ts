/**
 * The presets under examples/ (each a named project file a teacher can read and edit), listed in
 * examples/index.json, bundled with the app as text and opened through the same parser as any project file.
 */
import { parseProject } from '../core/project/index.ts';
import type { LayerLabProject } from '../core/project/index.ts';
import indexJson from '../../examples/index.json';

export interface Preset {
  file: string;
  title: string;
  description: string;
}

const FILES = import.meta.glob<string>('../../examples/*.layerlab.json', { query: '?raw', import: 'default', eager: true });

export const PRESETS: readonly Preset[] = indexJson as Preset[];

/** The project of a preset; a preset that fails to parse is a LayerLab bug (the presets test reads every one). */
export function presetProject(file: string): LayerLabProject {
  const text = FILES[`../../examples/${file}`];
  if (text === undefined) throw new Error(`The preset ${file} is not bundled.`);
  const result = parseProject(text);
  if (!result.ok) throw new Error(`The preset ${file} is broken: ${result.errors.map((e) => e.message).join(' ')}`);
  return result.project;
}

/** What a first visit opens: the XOR network. */
export const FIRST_VISIT_PRESET = 'xor.layerlab.json';
