import { describe, expect, it } from 'vitest';
import { countMatches, matchRanges, parseQuery, termPattern } from './query-terms';

describe('parseQuery', () => {
  it('splits on whitespace, lower-cases and drops repeats', () => {
    expect(parseQuery('  Tool_Use_Failed   400 400 ')).toEqual(['tool_use_failed', '400']);
  });
  it('keeps a quoted phrase as one term, even before its closing quote', () => {
    expect(parseQuery('"Rate limit" groq')).toEqual(['rate limit', 'groq']);
    expect(parseQuery('groq "rate lim')).toEqual(['groq', 'rate lim']);
  });
  it('gives no terms for an empty query or empty quotes', () => {
    expect(parseQuery('   ')).toEqual([]);
    expect(parseQuery('""')).toEqual([]);
  });
});

describe('matchRanges', () => {
  it('finds every occurrence of any term, case-insensitively, in order', () => {
    const pattern = termPattern(['error', 'code']);
    expect(matchRanges('Error: code ERROR', pattern)).toEqual([
      [0, 5],
      [7, 11],
      [12, 17],
    ]);
    expect(countMatches('Error: code ERROR', pattern)).toBe(3);
  });
  it('prefers the longer term where two start at the same place', () => {
    expect(matchRanges('tool_use_failed', termPattern(['tool', 'tool_use']))).toEqual([[0, 8]]);
  });
  it('treats regular-expression characters literally', () => {
    const pattern = termPattern(['a.b', '(x)']);
    expect(matchRanges('axb a.b (x)', pattern)).toEqual([
      [4, 7],
      [8, 11],
    ]);
  });
  it('gives nothing without terms or text', () => {
    expect(termPattern([])).toBeNull();
    expect(matchRanges('anything', null)).toEqual([]);
    expect(countMatches('', termPattern(['a']))).toBe(0);
  });
  it('is reusable: a second call starts again at the beginning', () => {
    const pattern = termPattern(['a']);
    expect(countMatches('aaa', pattern)).toBe(3);
    expect(countMatches('aa', pattern)).toBe(2);
  });
});
