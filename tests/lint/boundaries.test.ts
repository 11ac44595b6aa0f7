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

  it.each([
    ['src/ui/probe.ts', 'The UI reaches the engine through the worker client'],
    ['src/ui/canvas/probe.tsx', 'The UI reaches the engine through the worker client'],
    ['src/state/probe.ts', 'Stores hold data; they talk to the engine through the worker client.'],
  ])('TensorFlow.js stays out of %s (it loads in the worker only)', async (file, reason) => {
    const messages = await lintAs(file, "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports: ') && m.includes(reason))).toBe(true);
  });

  it('stores stay free of React Flow and d3; the worker imports no React', async () => {
    const store = await lintAs('src/state/probe.ts', "import { ReactFlow } from '@xyflow/react';\nexport const x = ReactFlow;\n");
    expect(store.some((m) => m.includes('Stores hold data'))).toBe(true);
    const worker = await lintAs('src/worker/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n");
    expect(worker.some((m) => m.includes('The worker imports only core and engine.'))).toBe(true);
  });

  it('components follow the rules of hooks', async () => {
    const messages = await lintAs(
      'src/ui/probe.tsx',
      "import { useState } from 'react';\nexport function C({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n",
    );
    expect(messages.some((m) => m.startsWith('react-hooks/rules-of-hooks: '))).toBe(true);
  });

  it('core code as written passes', async () => {
    expect(await lintAs('src/core/graph/probe.ts', "import { LAYER_KINDS } from '../layers/index.ts';\nexport const kinds = LAYER_KINDS;\n")).toEqual([]);
  });
});
