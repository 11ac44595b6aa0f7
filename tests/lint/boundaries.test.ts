import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('folder import boundaries (ARCHITECTURE.md), enforced by the linter', () => {
  it.each([
    ['react', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['tfjs', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n"],
    ['React Flow', "import { ReactFlow } from '@xyflow/react';\nexport const x = ReactFlow;\n"],
    ['Node fs', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['the engine', "import { compileGraph } from '../engine/compileGraph.ts';\nexport const x = compileGraph;\n"],
  ])('core may not import %s', async (_name, code) => {
    const messages = await lintAs('src/core/graph/probe.ts', code);
    expect(messages.some((m) => m.startsWith('no-restricted-imports: ') && m.includes('src/core is pure TypeScript'))).toBe(true);
  });

  it('core may not use Math.random or the DOM', async () => {
    const messages = await lintAs('src/core/graph/probe.ts', 'export const r = Math.random();\nexport const d = document.title;\n');
    expect(messages).toContain('no-restricted-properties: \'Math.random\' is restricted from being used. Pass a seeded Rng (core/datasets/rng.ts).');
    expect(messages.some((m) => m.startsWith('no-restricted-globals: '))).toBe(true);
  });

  it('the engine may use tfjs but not React; the UI may not reach the engine', async () => {
    expect(await lintAs('src/engine/probe.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n")).toEqual([]);
    expect(await lintAs('src/engine/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n")).toEqual([
      "no-restricted-imports: 'react' import is restricted from being used by a pattern. src/engine uses only core and tfjs: it runs in the worker and in Node.",
    ]);
    expect(await lintAs('src/ui/probe.ts', "import { compileGraph } from '../engine/compileGraph.ts';\nexport const x = compileGraph;\n")).toEqual([
      "no-restricted-imports: '../engine/compileGraph.ts' import is restricted from being used by a pattern. The UI reaches the engine through the worker client, never directly.",
    ]);
  });

  it('core code as written passes', async () => {
    expect(await lintAs('src/core/graph/probe.ts', "import { LAYER_KINDS } from '../layers/index.ts';\nexport const kinds = LAYER_KINDS;\n")).toEqual([]);
  });
});
