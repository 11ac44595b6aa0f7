import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// src/core must stay pure TypeScript: no UI/ML/Node/DOM imports and no Math.random. Besides sibling modules, only
// two pure, environment-free packages are allowed: papaparse (CSV) and fflate (the MNIST asset's compression).
const ALLOWED_PACKAGES = ['papaparse', 'fflate'];
const dir = fileURLToPath(new URL('../../../src/core/datasets/', import.meta.url));
const files = readdirSync(dir).filter((file) => file.endsWith('.ts'));

describe('src/core/datasets purity', () => {
  it('has source files to check', () => {
    expect(files).toEqual(expect.arrayContaining(['builtin.ts', 'index.ts', 'oneHot.ts', 'rng.ts', 'types.ts']));
  });

  it.each(files)('%s only imports sibling modules and never uses Math.random or Node/DOM APIs', (file) => {
    // Comments may mention forbidden names ("never use Math.random"), so drop them first.
    const source = readFileSync(dir + file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const specifiers = [...source.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1] ?? m[2] ?? '',
    );
    for (const specifier of specifiers) {
      if (!ALLOWED_PACKAGES.includes(specifier)) expect(specifier).toMatch(/^\.\/[\w.]+$/);
    }
    expect(source).not.toMatch(/Math\.random/);
    expect(source).not.toMatch(/\b(Buffer|window|document|require|process)\b/);
  });
});
