import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, parseUrlHash, sameUrlState, serializeUrlHash } from './url-state';

describe('url-state', () => {
  it('parses the documented example', () => {
    expect(parseUrlHash('#i=3&view=replay&t=1250')).toEqual({
      exchange: 2,
      view: 'replay',
      positionMs: 1250,
      extra: [],
    });
  });

  it('round-trips a state', () => {
    const state = { exchange: 4, view: 'raw' as const, positionMs: null, extra: [] };
    expect(parseUrlHash(serializeUrlHash(state))).toEqual(state);
  });

  it('writes nothing for the default state', () => {
    expect(serializeUrlHash(DEFAULT_URL_STATE)).toBe('');
  });

  it('drops the position outside the replay view', () => {
    expect(serializeUrlHash({ exchange: 0, view: 'timeline', positionMs: 900, extra: [] })).toBe('#i=1');
  });

  it('keeps keys it does not own, such as share links, in order', () => {
    const parsed = parseUrlHash('#url=https%3A%2F%2Fexample.com%2Fa.yaml&i=2');
    expect(parsed.extra).toEqual([['url', 'https://example.com/a.yaml']]);
    expect(serializeUrlHash(parsed)).toBe('#url=https%3A%2F%2Fexample.com%2Fa.yaml&i=2');
  });

  it.each(['#i=0', '#i=-1', '#i=abc', '#i=1e3', '#i=99999999999999', '#view=evil', '#t=-5', '#t=1.5'])(
    'ignores the bad value in %s',
    (hash) => {
      const parsed = parseUrlHash(hash);
      expect(parsed.exchange).toBeNull();
      expect(parsed.view).toBe('timeline');
      expect(parsed.positionMs).toBeNull();
    },
  );

  it('compares states by their fragment', () => {
    expect(sameUrlState(parseUrlHash('#i=2&view=raw'), parseUrlHash('view=raw&i=2'))).toBe(true);
    expect(sameUrlState(parseUrlHash('#i=2'), parseUrlHash('#i=3'))).toBe(false);
  });
});
