import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProjectErrors, parseProject, serializeProject } from '../../../src/core/project/index.ts';
import { at, errorsAfter, exampleFile } from './helpers.ts';

const doc = readFileSync(new URL('../../../docs/project-file.md', import.meta.url), 'utf8');

function codeBlocks(language: string): string[] {
  const blocks: string[] = [];
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g');
  for (const match of doc.matchAll(fence)) blocks.push(match[1] ?? '');
  return blocks;
}

describe('docs/project-file.md', () => {
  it('shows an example that loads and is exactly what LayerLab writes', () => {
    const example = codeBlocks('json')[0] ?? '';
    const result = parseProject(example);
    if (!result.ok) throw new Error(formatProjectErrors(result.errors));
    expect(serializeProject(result.project)).toBe(example);
    expect(result.project).toEqual((parseProject(JSON.stringify(exampleFile())) as { project: unknown }).project);
  });

  it('quotes error messages LayerLab really gives', () => {
    const shown = codeBlocks('text')[0]?.trim().split('\n') ?? [];
    expect(shown).toHaveLength(3);
    const report = formatProjectErrors(
      errorsAfter((file) => {
        at(file, 'graph', 'nodes', 2, 'params').unitz = 8;
        at(file, 'graph', 'edges', 1).target = 'output';
        at(file, 'training').learningRate = 0;
      }),
    );
    expect(report.split('\n')).toEqual(shown);
  });
});
