import { describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../model/overview';
import { holdsAll, summarySearchText } from './summary-search-text';

const summary = {
  index: 2,
  method: 'POST',
  url: 'https://api.groq.com/openai/v1/chat/completions',
  status: 400,
  apiLabel: 'OpenAI Chat Completions · Groq',
  model: 'llama-3.3-70b',
  finishReason: null,
  failed: true,
} as ExchangeSummary;

describe('summarySearchText', () => {
  it('holds the row facts in lower case, the call as #N, and "error" for a failed call', () => {
    const text = summarySearchText(summary);
    expect(holdsAll(text, ['#3', 'groq', '400', 'llama-3.3', 'error'])).toBe(true);
    expect(holdsAll(text, ['groq', 'anthropic'])).toBe(false);
    expect(holdsAll(summarySearchText({ ...summary, failed: false, status: 200 }), ['error'])).toBe(false);
  });
});
