import { describe, expect, it } from 'vitest';
import { gridKeyTarget } from './grid-keys';

describe('gridKeyTarget', () => {
  it('moves by one, a page, or to either end, clamped', () => {
    expect(gridKeyTarget('ArrowDown', -1, 5)).toBe(0);
    expect(gridKeyTarget('ArrowDown', 4, 5)).toBe(4);
    expect(gridKeyTarget('ArrowUp', 0, 5)).toBe(0);
    expect(gridKeyTarget('PageDown', 0, 50)).toBe(10);
    expect(gridKeyTarget('PageUp', 3, 50)).toBe(0);
    expect(gridKeyTarget('Home', 7, 50)).toBe(0);
    expect(gridKeyTarget('End', 7, 50)).toBe(49);
  });

  it('takes extra keys, and ignores the others and empty grids', () => {
    expect(gridKeyTarget('j', 2, 5, { j: 3 })).toBe(3);
    expect(gridKeyTarget('x', 2, 5)).toBeNull();
    expect(gridKeyTarget('ArrowDown', -1, 0)).toBeNull();
  });
});
