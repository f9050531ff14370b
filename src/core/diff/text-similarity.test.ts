import { describe, expect, it } from 'vitest';
import { SAME_MEANING_THRESHOLD, saysTheSameThing, textSimilarity } from './text-similarity';

describe('textSimilarity', () => {
  it('calls unrelated answers different (issue 17: arithmetic against the weather)', () => {
    const a = 'Here are the results:\n- Addition: 2 + 3 = 5\n- Multiplication: 2 × 3 = 6';
    const b = 'The current temperature in Florence, Italy is 40°C.';
    expect(textSimilarity(a, b)).toBe(0);
    expect(saysTheSameThing(a, b)).toBe(false);
  });

  it('calls real rewordings of one answer the same (fantasy corpus, two models)', () => {
    const a = 'The results are:\n- 2 + 3 = 5\n- 2 × 3 = 6';
    const b = 'The sum of 2 and 3 is 5. The product of 2 and 3 is 6.';
    expect(textSimilarity(a, b)).toBeGreaterThanOrEqual(SAME_MEANING_THRESHOLD);
    const c = 'The weather in Florence, Italy is 40°C.';
    const d = 'Florence, Italy is currently about 40°C (104°F). It’s very hot—stay hydrated.';
    expect(saysTheSameThing(c, d)).toBe(true);
  });

  it('ignores case, punctuation and function words', () => {
    expect(textSimilarity('The answer is 42.', 'answer: 42!')).toBe(1);
    expect(textSimilarity('OK.', 'Ok!')).toBe(1);
    expect(textSimilarity('Yes.', 'The')).toBe(0);
  });

  it('does not let one word stand for a paragraph', () => {
    const paragraph =
      'Florence is hot today: 40°C, so stay hydrated, rest in the shade and avoid the midday sun.';
    expect(textSimilarity('Florence', paragraph)).toBe(0);
  });

  it('counts only shared content words of the shorter text', () => {
    expect(textSimilarity('red green blue', 'red green yellow')).toBeCloseTo(2 / 3);
  });
});
