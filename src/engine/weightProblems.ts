/**
 * Why given weights cannot be loaded into a layer, in the words both numeric paths use (the tfjs model's variables
 * and the typed path's parameters are described the same way: a name and a shape per weight).
 */
import { formatShapeNoBatch, shapesEqual } from '../core/layers/index.ts';
import type { LayerWeight } from './weights.ts';

export interface OwnWeight {
  name: string;
  shape: readonly number[];
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** The problems with loading `given` into a layer whose weights are `own`; empty when every weight fits exactly. */
export function weightProblems(nodeId: string, own: readonly OwnWeight[], given: readonly LayerWeight[]): string[] {
  const problems: string[] = [];
  const keeps = `so ${nodeId} keeps its current weights`;
  const ownNames = own.map((w) => w.name);
  for (const weight of given) {
    if (ownNames.includes(weight.name)) continue;
    problems.push(
      own.length === 0
        ? `${nodeId} has no weights, but ${weight.name} weights were given for it.`
        : `${nodeId} has no ${weight.name} weights (it has ${listWords(ownNames)}), ${keeps}.`,
    );
  }
  for (const weight of own) {
    const match = given.find((w) => w.name === weight.name);
    const count = weight.shape.reduce((p, d) => p * d, 1);
    if (match === undefined) {
      problems.push(`No ${weight.name} weights were given for ${nodeId}, ${keeps}.`);
    } else if (!shapesEqual(match.shape, [...weight.shape])) {
      problems.push(
        `${nodeId}'s ${weight.name} weights have shape ${formatShapeNoBatch([...weight.shape])} in this network, but the weights given have shape ${formatShapeNoBatch(match.shape)}, ${keeps}.`,
      );
    } else if (match.values.length !== count) {
      problems.push(`${nodeId}'s ${weight.name} weights of shape ${formatShapeNoBatch([...weight.shape])} need ${count} numbers, but ${match.values.length} were given, ${keeps}.`);
    }
  }
  return problems;
}
