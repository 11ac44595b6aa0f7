#!/usr/bin/env node
/**
 * The JavaScript a first visit downloads before the app can start: the entry chunk named in dist/index.html and every
 * chunk it imports statically (not the lazy ones: dialogs, the engine worker with TensorFlow.js, HDF5). Prints each
 * file with its size and gzip size, and the total; with --json, one JSON object. Run after `vite build`.
 *
 *   node scripts/initial-bundle.mjs [dist] [--json]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dist = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script[^>]+type="module"[^>]+src="\/?([^"]+)"/.exec(html)?.[1];
if (entry === undefined) {
  console.error(`No module script in ${join(dist, 'index.html')}: run vite build first.`);
  process.exit(2);
}

/** Static imports only: `import … from "./x.js"` and bare `import "./x.js"`, not `import("./x.js")`. */
const STATIC_IMPORT = /(?:^|[;}\n])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;

const seen = new Map();
function visit(file) {
  if (seen.has(file)) return;
  const code = readFileSync(join(dist, file));
  seen.set(file, { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length, text: code.toString('utf8') });
  for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) {
    const target = match[1];
    if (target === undefined) continue;
    visit(join(dirname(file), target).replace(/^\/+/, ''));
  }
}
visit(entry);

const files = [...seen].map(([file, s]) => ({ file, bytes: s.bytes, gzip: s.gzip }));
const total = files.reduce((t, f) => ({ bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip }), { bytes: 0, gzip: 0 });
const tfjs = [...seen].filter(([, s]) => /@tensorflow\/tfjs|tfjs-core|registerKernel\(|tf\.loadLayersModel/.test(s.text)).map(([f]) => f);
const result = { entry, files, total, tfjsIn: tfjs };
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  for (const f of files) console.log(`${(f.bytes / 1024).toFixed(1).padStart(8)} kB ${(f.gzip / 1024).toFixed(1).padStart(7)} kB gzip  ${f.file}`);
  console.log(`${(total.bytes / 1024).toFixed(1).padStart(8)} kB ${(total.gzip / 1024).toFixed(1).padStart(7)} kB gzip  initial JavaScript (${files.length} files)`);
  console.log(tfjs.length === 0 ? 'TensorFlow.js: not in the initial JavaScript.' : `TensorFlow.js found in: ${tfjs.join(', ')}`);
}
