/** The one text rendering of a problem: what the CLI prints (and the README shows) for every command. */
import { describe, expect, it } from 'vitest';
import { capitalized, formatProblem, formatProblems, sentence } from '../../../src/core/problems/index.ts';
import type { Problem } from '../../../src/core/problems/index.ts';

const unitsZero: Problem = {
  severity: 'error',
  nodeId: 'hidden',
  message: 'Dense units must be at least 1; it is 0.',
  fix: 'Use 1 or more.',
  source: 'validation',
};

describe('formatProblem', () => {
  it('shows the node in brackets, then the message, then the fix on its own indented line', () => {
    expect(formatProblem(unitsZero)).toBe('error [hidden]: Dense units must be at least 1; it is 0.\n  fix: Use 1 or more.');
  });

  it('leaves out the brackets for a problem of the whole network or file', () => {
    expect(formatProblem({ severity: 'error', nodeId: null, message: 'The network is empty.', fix: 'Start with an Input node.', source: 'validation' })).toBe(
      'error: The network is empty.\n  fix: Start with an Input node.',
    );
  });

  it('is one line when there is no fix', () => {
    expect(formatProblem({ severity: 'warning', nodeId: 'spare', message: 'Input spare is not connected to anything.', source: 'validation' })).toBe(
      'warning [spare]: Input spare is not connected to anything.',
    );
    expect(formatProblem({ severity: 'error', nodeId: null, message: 'The text is not valid JSON.', source: 'import' })).toBe('error: The text is not valid JSON.');
  });

  it('renders the same whatever the source, and shows only the first node of several', () => {
    const sources = ['validation', 'import', 'export', 'project-file', 'share-link', 'edit'] as const;
    const texts = sources.map((source) => formatProblem({ ...unitsZero, source, nodeIds: ['hidden', 'x', 'out'] }));
    expect(new Set(texts)).toEqual(new Set([formatProblem(unitsZero)]));
  });

  it('formatProblems puts each problem on its own line(s), in order', () => {
    const warning: Problem = { severity: 'warning', nodeId: null, message: 'The learning rate 5 is outside LayerLab\'s range.', source: 'import' };
    expect(formatProblems([unitsZero, warning])).toBe(`${formatProblem(unitsZero)}\n${formatProblem(warning)}`);
    expect(formatProblems([])).toBe('');
  });
});

describe('sentence helpers', () => {
  it('end a message with one full stop, and capitalise a sentence that starts with an ordinary word', () => {
    expect(sentence('The model has no layers')).toBe('The model has no layers.');
    expect(sentence('Is it?')).toBe('Is it?');
    expect(sentence('Done.')).toBe('Done.');
    expect(capitalized('the text is not valid JSON')).toBe('The text is not valid JSON');
    expect(capitalized('"inbound_nodes" is not a list')).toBe('"inbound_nodes" is not a list');
  });
});
