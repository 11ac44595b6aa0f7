// Lint rules, including the folder import boundaries from ARCHITECTURE.md:
// core is pure (no React, React Flow, tfjs or DOM); engine is core + tfjs; cli is Node over core + engine.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const UI_LIBS = ['react', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*', 'd3', 'd3-*'];
const TFJS = ['@tensorflow/*'];
const NODE_BUILTINS = ['fs', 'fs/*', 'node:*', 'path', 'child_process', 'os', 'url', 'worker_threads'];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.keras-venv/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [...UI_LIBS, ...TFJS, ...NODE_BUILTINS, '**/engine/**', '**/worker/**', '**/state/**', '**/ui/**', '**/cli/**'],
        'src/core is pure TypeScript: no React, React Flow, tfjs, DOM or Node APIs, and no imports from outer layers.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'Buffer', 'process'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Pass a seeded Rng (core/datasets/rng.ts).' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: restrict(
      [...UI_LIBS, ...NODE_BUILTINS, '**/worker/**', '**/state/**', '**/ui/**', '**/cli/**'],
      'src/engine uses only core and tfjs: it runs in the worker and in Node.',
    ),
  },
  {
    // Keras files (.keras zip, model.weights.h5): core + h5wasm + fflate, browser-safe. Node's modules appear only as
    // dynamic imports in h5wasmLoader.ts's Node branch, which this rule (static imports) leaves alone.
    files: ['src/interop/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict(
        [...UI_LIBS, ...TFJS, ...NODE_BUILTINS, '**/engine/**', '**/worker/**', '**/state/**', '**/ui/**', '**/cli/**'],
        'src/interop is browser-safe: core, h5wasm and fflate only; no React, React Flow, tfjs, DOM, Node or outer layers.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'Buffer', 'process'],
    },
  },
  {
    files: ['src/worker/**/*.ts'],
    rules: restrict([...UI_LIBS, ...NODE_BUILTINS, '**/state/**', '**/ui/**', '**/cli/**'], 'The worker imports only core and engine.'),
  },
  {
    files: ['src/state/**/*.ts'],
    rules: restrict(['@xyflow/*', 'd3', 'd3-*', ...TFJS, ...NODE_BUILTINS, '**/ui/**', '**/cli/**', '**/engine/**'], 'Stores hold data; they talk to the engine through the worker client.'),
  },
  {
    // React's rules of hooks and effect dependencies, for every component and hook.
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([...TFJS, ...NODE_BUILTINS, '**/engine/**', '**/cli/**'], 'The UI reaches the engine through the worker client, never directly.'),
  },
  {
    // Browser tests run in Node but page.evaluate callbacks run in the page: both sets of globals.
    files: ['tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: restrict([...UI_LIBS, '**/ui/**', '**/state/**', '**/worker/**'], 'The CLI runs in Node over core and engine.'),
  },
);
