import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index';

describe('SearchIndex', () => {
  const index = new SearchIndex();
  index.add(0, ['POST https://api.openai.com/v1/chat 200 gpt-4o', 'What is the weather in Paris?']);
  index.add(1, [
    'POST https://api.groq.com 400',
    'error',
    'tool_use_failed',
    'What is the weather in Paris?',
  ]);
  index.add(2, ['GET https://example.com/health 200']);

  it('gives every interaction for no terms', () => expect(index.search([])).toEqual([0, 1, 2]));

  it('needs every term, each in any text of the interaction', () => {
    expect(index.search(['paris'])).toEqual([0, 1]);
    expect(index.search(['paris', 'tool_use'])).toEqual([1]);
    expect(index.search(['paris', 'health'])).toEqual([]);
  });

  it('stores a text repeated by several interactions once', () => {
    expect(index.size).toBe(3);
    expect(index.distinctTexts).toBe(6);
  });

  it('replaces an interaction added again instead of counting it twice', () => {
    const again = new SearchIndex();
    again.add(0, ['first']);
    again.add(0, ['second']);
    expect(again.size).toBe(1);
    expect(again.search(['first'])).toEqual([]);
    expect(again.search(['second'])).toEqual([0]);
  });

  it('finds the right rows among 4,000 interactions sharing their history', () => {
    const many = new SearchIndex();
    const history = Array.from({ length: 40 }, (_, turn) => `turn ${turn} of the shared history`);
    for (let call = 0; call < 4000; call++)
      many.add(call, [`POST https://host/${call} model-${call % 7}`, ...history, `answer ${call}`]);
    expect(many.distinctTexts).toBe(4000 * 2 + 40);
    const found = many.search(['model-3', 'shared history']);
    expect(found).toEqual(Array.from({ length: 4000 }, (_, call) => call).filter((call) => call % 7 === 3));
    expect(many.search(['answer 3999'])).toEqual([3999]);
  });
});
