import { describe, it, expect } from 'vitest';
import {
  createRng,
  normaliseSeed,
  permutation,
  portableCos,
  portableLog,
  portableSin,
  shuffleInPlace,
  type Rng,
} from '../../../src/core/datasets/index.ts';

function draws(rng: Rng, count: number): number[] {
  return Array.from({ length: count }, () => rng.next());
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function sd(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    const a = createRng(2024);
    const b = createRng(2024);
    expect(draws(a, 1000)).toEqual(draws(b, 1000));
    expect(Array.from({ length: 100 }, () => a.normal())).toEqual(Array.from({ length: 100 }, () => b.normal()));
    expect(Array.from({ length: 100 }, () => a.int(37))).toEqual(Array.from({ length: 100 }, () => b.int(37)));
  });

  it('gives unrelated streams for nearby seeds', () => {
    const streams = [0, 1, 2].map((seed) => draws(createRng(seed), 10000));
    for (let i = 0; i < streams.length; i++) {
      for (let j = i + 1; j < streams.length; j++) {
        const a = streams[i] ?? [];
        const b = streams[j] ?? [];
        expect(a).not.toEqual(b);
        expect(a.slice(0, 5).some((v, k) => v === b[k])).toBe(false);
        // Pearson correlation of two independent uniform streams is ~N(0, 0.01).
        const ma = mean(a);
        const mb = mean(b);
        let cov = 0;
        a.forEach((v, k) => {
          cov += (v - ma) * ((b[k] ?? 0) - mb);
        });
        const corr = cov / (a.length - 1) / (sd(a) * sd(b));
        expect(Math.abs(corr)).toBeLessThan(0.05);
      }
    }
  });

  it('next() stays in [0, 1) and is spread evenly', () => {
    const values = draws(createRng(7), 100000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean(values)).toBeCloseTo(0.5, 2);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) {
      const k = Math.floor(v * 10);
      buckets[k] = (buckets[k] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 10000)).toBeLessThan(500);
  });

  it('normal() has mean about 0 and sd about 1 over 20k draws', () => {
    const rng = createRng(11);
    const values = Array.from({ length: 20000 }, () => rng.normal());
    expect(Math.abs(mean(values))).toBeLessThan(0.03);
    expect(Math.abs(sd(values) - 1)).toBeLessThan(0.03);
    expect(values.every(Number.isFinite)).toBe(true);
    // About 68% within one sd.
    const within = values.filter((v) => Math.abs(v) < 1).length / values.length;
    expect(within).toBeGreaterThan(0.67);
    expect(within).toBeLessThan(0.7);
  });

  it('golden: first 5 values of createRng(42).next() never change', () => {
    const rng = createRng(42);
    expect(draws(rng, 5)).toEqual([
      0.8907801888417453, 0.4310670436825603, 0.3220651443116367, 0.2072944741230458, 0.6512069271411747,
    ]);
  });

  it('golden: first normal() and int() values of createRng(42) never change', () => {
    const a = createRng(42);
    expect([a.normal(), a.normal(), a.normal(), a.normal()]).toEqual([
      -1.9101441824481462, 0.8832524128387309, 0.2337569036044484, 0.8501563782295062,
    ]);
    const b = createRng(42);
    expect(Array.from({ length: 8 }, () => b.int(10))).toEqual([9, 5, 2, 7, 5, 5, 0, 3]);
  });

  it('int() returns whole numbers in range, roughly evenly', () => {
    const rng = createRng(5);
    const counts = new Array<number>(6).fill(0);
    let outOfRange = 0;
    for (let i = 0; i < 60000; i++) {
      const v = rng.int(6);
      if (!Number.isInteger(v) || v < 0 || v >= 6) outOfRange++;
      counts[v] = (counts[v] ?? 0) + 1;
    }
    expect(outOfRange).toBe(0);
    for (const count of counts) expect(Math.abs(count - 10000)).toBeLessThan(400);
    expect(rng.int(1)).toBe(0);
    const big = rng.int(4294967296);
    expect(Number.isInteger(big) && big >= 0 && big < 4294967296).toBe(true);
  });

  it('int() rejects a bad bound with a RangeError', () => {
    const rng = createRng(5);
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 4294967297]) {
      expect(() => rng.int(bad)).toThrow(RangeError);
    }
  });
});

describe('normaliseSeed', () => {
  it('drops the fraction, wraps to 32 bits and maps non-finite seeds to 0', () => {
    expect(normaliseSeed(7)).toBe(7);
    expect(normaliseSeed(7.9)).toBe(7);
    expect(normaliseSeed(-0.5)).toBe(0);
    expect(normaliseSeed(-1)).toBe(4294967295);
    expect(normaliseSeed(2 ** 32 + 5)).toBe(5);
    expect(normaliseSeed(Number.NaN)).toBe(0);
    expect(normaliseSeed(Number.POSITIVE_INFINITY)).toBe(0);
  });

  it('createRng uses the normalised seed', () => {
    expect(draws(createRng(7.9), 20)).toEqual(draws(createRng(7), 20));
    expect(draws(createRng(-1), 20)).toEqual(draws(createRng(4294967295), 20));
    expect(draws(createRng(-1), 20)).not.toEqual(draws(createRng(1), 20));
  });
});

describe('shuffleInPlace and permutation', () => {
  it('shuffleInPlace keeps the same items and is repeatable', () => {
    const items = Array.from({ length: 50 }, (_, i) => `item${i}`);
    const a = [...items];
    const b = [...items];
    shuffleInPlace(a, createRng(3));
    shuffleInPlace(b, createRng(3));
    expect(a).toEqual(b);
    expect(a).not.toEqual(items);
    expect([...a].sort()).toEqual([...items].sort());
  });

  it('permutation(n) is a permutation matching a shuffle of 0..n-1', () => {
    const order = permutation(100, createRng(9));
    expect(order).toBeInstanceOf(Uint32Array);
    expect(Array.from(order).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    const shuffled = Array.from({ length: 100 }, (_, i) => i);
    shuffleInPlace(shuffled, createRng(9));
    expect(Array.from(order)).toEqual(shuffled);
    expect(permutation(0, createRng(1))).toHaveLength(0);
    expect(Array.from(permutation(1, createRng(1)))).toEqual([0]);
  });

  it('every order of 3 items is about equally likely', () => {
    const rng = createRng(21);
    const seen = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = Array.from(permutation(3, rng)).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    for (const count of seen.values()) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('permutation rejects a bad length with a RangeError', () => {
    expect(() => permutation(-1, createRng(1))).toThrow(RangeError);
    expect(() => permutation(2.5, createRng(1))).toThrow(RangeError);
  });
});

describe('portable log/sin/cos', () => {
  it('agree with Math.log/sin/cos to within a couple of ulps', () => {
    const rng = createRng(99);
    let worstLog = 0;
    let worstTrig = 0;
    for (let i = 0; i < 20000; i++) {
      const u = 1 - rng.next();
      worstLog = Math.max(worstLog, Math.abs(portableLog(u) - Math.log(u)) / Math.max(1, Math.abs(Math.log(u))));
      const t = (rng.next() - 0.5) * 80;
      worstTrig = Math.max(worstTrig, Math.abs(portableSin(t) - Math.sin(t)), Math.abs(portableCos(t) - Math.cos(t)));
    }
    expect(worstLog).toBeLessThanOrEqual(4.5e-16);
    expect(worstTrig).toBeLessThanOrEqual(2.5e-16);
  });

  it('handle special values', () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(portableLog(Number.MIN_VALUE)).toBeCloseTo(Math.log(Number.MIN_VALUE), 10);
    expect(portableLog(1e300)).toBeCloseTo(Math.log(1e300), 10);
    expect(portableSin(0)).toBe(0);
    expect(portableCos(0)).toBe(1);
    expect(portableSin(Number.NaN)).toBeNaN();
    expect(portableCos(Number.POSITIVE_INFINITY)).toBeNaN();
  });
});
