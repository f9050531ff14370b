import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDuration, formatUsd, plural } from './format';

describe('format', () => {
  it('groups thousands', () => expect(formatCount(4000)).toBe('4,000'));
  it('pluralizes', () => {
    expect(plural(1, 'interaction')).toBe('1 interaction');
    expect(plural(4000, 'interaction')).toBe('4,000 interactions');
  });
  it.each([
    [966.797458, '967 ms'],
    [1004.536333, '1.00 s'],
    [75_000, '1 min 15 s'],
    [null, '—'],
    [Number.NaN, '—'],
  ])('formats %s ms as %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
  it('formats sizes', () => {
    expect(formatBytes(500)).toBe('500 B');
    expect(formatBytes(21753)).toBe('21.2 KB');
    expect(formatBytes(43 * 1024 * 1024)).toBe('43.0 MB');
  });
  it('keeps small costs visible', () => {
    expect(formatUsd(0.000123)).toBe('$0.00012');
    expect(formatUsd(1.5)).toBe('$1.50');
  });
});
