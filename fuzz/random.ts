/**
 * The campaign's random numbers: core's seeded generator (core/datasets/rng.ts), one stream per case, so a case is
 * fixed by (seed, category, index) alone and can be replayed on its own (`npm run fuzz -- --only keras-file --from 17
 * --cases 1`) whatever ran before it.
 */
import type { Rng } from '../src/core/datasets/rng.ts';
import { createRng } from '../src/core/datasets/rng.ts';

export class FuzzRng {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = createRng(seed);
  }

  /** 0 <= n < max (max >= 1). */
  int(max: number): number {
    return this.rng.int(Math.max(1, Math.floor(max)));
  }

  /** lo <= n <= hi. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.rng.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  next(): number {
    return this.rng.next();
  }
}

/** FNV-1a over the text, for mixing a category name into a seed. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** The generator of one case: independent of every other case of the campaign. */
export function caseRng(seed: number, category: string, index: number): FuzzRng {
  return new FuzzRng((Math.imul(hashText(category) ^ (seed >>> 0), 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}
