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

describe('parseGoDuration, seconds and milliseconds without a decimal string', () => {
  /** The value as written, shifted by hand and read once by Number() (correctly rounded). */
  const written = (whole: string, fraction: string, unit: 's' | 'ms') => {
    const all = whole + fraction;
    const point = whole.length + (unit === 's' ? 3 : 0);
    return point >= all.length
      ? Number(all + '0'.repeat(point - all.length))
      : Number(`${all.slice(0, point)}.${all.slice(point)}`);
  };
  const digits = (random: () => number, count: number) =>
    Array.from({ length: count }, () => Math.floor(random() * 10)).join('');

  it('gives the number the written decimal names, to the last bit', () => {
    // A fixed linear congruential sequence: the same 20,000 cases on every run.
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 20_000; n++) {
      const whole = digits(random, 1 + Math.floor(random() * 6));
      const fraction = digits(random, Math.floor(random() * 10));
      const unit = random() < 0.5 ? 's' : 'ms';
      const text = `${whole}${fraction ? `.${fraction}` : ''}${unit}`;
      const got = parseGoDuration(text);
      if (got !== written(whole, fraction, unit))
        expect.fail(`${text}: ${got} ≠ ${written(whole, fraction, unit)}`);
    }
  });

  it('leaves longer and other forms to the general reading', () => {
    expect(parseGoDuration('1234567.123456789s')).toBe(1234567123.456789);
    expect(parseGoDuration('1.5µs')).toBe(0.0015);
    expect(parseGoDuration('-2.25s')).toBe(-2250);
    expect(parseGoDuration('1.s')).toBe(1000);
  });
});
