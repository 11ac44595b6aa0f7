import { describe, it, expect } from 'vitest';
import { classCounts, oneHot } from '../../../src/core/datasets/index.ts';

describe('oneHot', () => {
  it('puts a single 1 in each row at the label column', () => {
    const encoded = oneHot(Int32Array.from([2, 0, 1, 2]), 3);
    expect(encoded).toBeInstanceOf(Float32Array);
    expect(Array.from(encoded)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('handles no rows', () => {
    expect(oneHot(new Int32Array(0), 4)).toHaveLength(0);
  });

  it('rejects labels out of range and bad class counts', () => {
    expect(() => oneHot(Int32Array.from([0, 3]), 3)).toThrow(
      'oneHot: the label in row 1 is 3, but it must be from 0 to 2.',
    );
    expect(() => oneHot(Int32Array.from([-1]), 3)).toThrow(RangeError);
    expect(() => oneHot(Int32Array.from([0]), 0)).toThrow(RangeError);
    expect(() => oneHot(Int32Array.from([0]), 1.5)).toThrow(RangeError);
  });
});

describe('classCounts', () => {
  it('counts each label, including classes with no rows', () => {
    expect(classCounts(Int32Array.from([1, 1, 0, 1, 3]), 5)).toEqual([1, 3, 0, 1, 0]);
    expect(classCounts(new Int32Array(0), 2)).toEqual([0, 0]);
  });

  it('rejects labels out of range', () => {
    expect(() => classCounts(Int32Array.from([0, 2]), 2)).toThrow(
      'classCounts: the label in row 1 is 2, but it must be from 0 to 1.',
    );
  });
});
