import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration';

describe('parseGoDuration', () => {
  it.each([
    ['1.004536333s', 1004.536333],
    ['966.797458ms', 966.797458],
    ['1m2.5s', 62_500],
    ['2h0m0s', 7_200_000],
    ['1.5µs', 0.0015],
    ['250us', 0.25],
    ['0s', 0],
    ['0', 0],
    ['-1.5s', -1500],
    [1_004_536_333, 1004.536333],
    ['1004536333', 1004.536333],
  ])('%s → %s ms', (input, expected) => {
    expect(parseGoDuration(input)).toBeCloseTo(expected, 9);
  });

  it('keeps the written decimals exactly', () => {
    expect(parseGoDuration('1.004536333s')).toBe(1004.536333);
    expect(parseGoDuration('966.797458ms')).toBe(966.797458);
  });

  it.each(['', 'abc', '1x', '1.2.3s', null, {}])('rejects %s', (input) => {
    expect(parseGoDuration(input)).toBeNull();
  });
});
