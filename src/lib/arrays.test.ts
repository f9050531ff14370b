import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from './arrays';

describe('array helpers for input-sized arrays (issue 14)', () => {
  it('appends 300,000 items where push(...items) overflows the stack', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target).toHaveLength(300_001);
    expect(target[300_000]).toBe(299_999);
  });

  it('finds the largest of 200,000 numbers where Math.max(...values) overflows the stack', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(values.reduce((a, b) => (a > b ? a : b)));
    expect(maxOf([], 3)).toBe(3);
    expect(maxOf([1, 2], 5)).toBe(5);
  });
});
