import { readFileSync } from 'node:fs';
import { Deflate } from 'fflate';
import { expect } from 'vitest';
import type { Problem } from '../../../src/core/problems/problem.ts';
import { createRng } from '../../../src/core/datasets/index.ts';
import type { LayerLabProject, WeightTensor } from '../../../src/core/project/index.ts';
import { formatProjectErrors, parseProject } from '../../../src/core/project/index.ts';

export const XOR_TEXT = readFileSync(new URL('../../../examples/xor.layerlab.json', import.meta.url), 'utf8');

export function openProject(text: string): LayerLabProject {
  const result = parseProject(text);
  if (!result.ok) throw new Error(formatProjectErrors(result.errors));
  return result.project;
}

export const xorProject = (): LayerLabProject => openProject(XOR_TEXT);

/** Glorot-uniform kernels and small biases, rounded to float32 like tfjs's weights, from a fixed seed. */
function denseWeights(inputs: number, units: number, seed: number): WeightTensor[] {
  const rng = createRng(seed);
  const limit = Math.sqrt(6 / (inputs + units));
  const kernel = Array.from({ length: inputs * units }, () => Math.fround((rng.next() * 2 - 1) * limit));
  const bias = Array.from({ length: units }, () => Math.fround(rng.normal() * 0.05));
  return [
    { name: 'kernel', shape: [inputs, units], values: kernel },
    { name: 'bias', shape: [units], values: bias },
  ];
}

/** The XOR example with a trained-looking weights block: 2·4 + 4 + 4·1 + 1 = 17 values. */
export function trainedXor(): LayerLabProject {
  const project = xorProject();
  return { ...project, weights: { layers: { hidden: denseWeights(2, 4, 1), out: denseWeights(4, 1, 2) } } };
}

/** An MNIST-sized 784-16-16-10 network with weights: 12,544 + 16 + 256 + 16 + 160 + 10 = 13,002 values. */
export function trainedMnistSized(): LayerLabProject {
  const file = {
    format: 'layerlab-project',
    version: 1,
    name: 'Digits 784-16-16-10',
    graph: {
      nodes: [
        { id: 'pixels', kind: 'Input', params: { shape: [784] }, position: { x: 0, y: 0 } },
        { id: 'h1', kind: 'Dense', params: { units: 16, activation: 'relu' }, position: { x: 220, y: 0 } },
        { id: 'h2', kind: 'Dense', params: { units: 16, activation: 'relu' }, position: { x: 440, y: 0 } },
        { id: 'digit', kind: 'Dense', params: { units: 10, activation: 'softmax' }, position: { x: 660, y: 0 } },
      ],
      edges: [
        { id: 'e1', source: 'pixels', target: 'h1', inputIndex: 0 },
        { id: 'e2', source: 'h1', target: 'h2', inputIndex: 0 },
        { id: 'e3', source: 'h2', target: 'digit', inputIndex: 0 },
      ],
    },
    training: { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 10, loss: 'categorical_crossentropy', validationSplit: 0.1, seed: 1 },
    weights: null,
  };
  const project = openProject(JSON.stringify(file));
  return {
    ...project,
    weights: { layers: { h1: denseWeights(784, 16, 3), h2: denseWeights(16, 16, 4), digit: denseWeights(16, 10, 5) } },
  };
}

export function weightCount(project: LayerLabProject): number {
  return Object.values(project.weights?.layers ?? {})
    .flat()
    .reduce((sum, tensor) => sum + tensor.values.length, 0);
}

/** Asserts the common shape of every refusal and returns its message. */
export function refusal(problem: Problem, source: Problem['source']): string {
  expect(problem.severity).toBe('error');
  expect(problem.nodeId).toBeNull();
  expect(problem.source).toBe(source);
  return problem.message;
}

/**
 * A zlib stream that inflates to `mebibytes` MiB of zeros, built without compressing them all: a streaming Deflate
 * packs 1 MiB of zeros and flushes to a byte boundary (a non-final block whose matches all point at the zero just
 * before them), and that piece is repeated. Followed by an empty final block and the right Adler-32, it is a
 * valid stream, so only a size cap stops it.
 */
export function zeroBomb(mebibytes: number): Uint8Array {
  const pieces: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => {
    pieces.push(chunk);
  });
  deflate.push(new Uint8Array(1 << 20), false);
  deflate.flush(true);
  const piece = concat(pieces);
  const header = [0x78, 0xda];
  const finalEmptyStoredBlock = [0x01, 0x00, 0x00, 0xff, 0xff];
  const total = mebibytes * 2 ** 20;
  const a = 1;
  const b = total % 65521; // Adler-32 of zeros: a stays 1, b adds 1 per byte
  const adler = [(b >>> 8) & 0xff, b & 0xff, (a >>> 8) & 0xff, a & 0xff];
  const out = new Uint8Array(header.length + piece.length * mebibytes + finalEmptyStoredBlock.length + 4);
  out.set(header, 0);
  for (let i = 0; i < mebibytes; i += 1) out.set(piece, header.length + i * piece.length);
  out.set([...finalEmptyStoredBlock, ...adler], header.length + piece.length * mebibytes);
  return out;
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/**
 * localStorage in memory, with the browsers' behaviour that matters here: values are strings, a key+value costs
 * 2 bytes per UTF-16 unit against a per-site quota, replacing a value frees the old one first, and a write over
 * the quota throws a DOMException named "QuotaExceededError" and changes nothing.
 */
export class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  readonly items = new Map<string, string>();
  writes = 0;

  constructor(readonly quotaBytes: number = Number.POSITIVE_INFINITY) {}

  getItem(key: string): string | null {
    return this.items.get(String(key)) ?? null;
  }

  setItem(key: string, value: string): void {
    const k = String(key);
    const v = String(value);
    const old = this.items.get(k);
    const used = this.usedBytes() - (old === undefined ? 0 : 2 * (k.length + old.length)) + 2 * (k.length + v.length);
    if (used > this.quotaBytes) {
      throw new DOMException(`Setting the value of '${k}' exceeded the quota.`, 'QuotaExceededError');
    }
    this.items.set(k, v);
    this.writes += 1;
  }

  removeItem(key: string): void {
    this.items.delete(String(key));
  }

  usedBytes(): number {
    let bytes = 0;
    for (const [k, v] of this.items) bytes += 2 * (k.length + v.length);
    return bytes;
  }
}
