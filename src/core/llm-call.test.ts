import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from './analyze';
import { loadCassette } from './cassette';
import { isLlmCall, RAW_HTTP_LABEL } from './llm-call';
import { fallbackAdapter } from './providers/fallback';
import { toCassetteOverview } from './summarize-exchange';

const CODY = 'tests/fixtures/corpus/polly/cody/defaultClient_631904893.recording.har';

describe('isLlmCall', () => {
  it('is false exactly for the adapter of last resort', () => {
    expect(fallbackAdapter.label).toBe(RAW_HTTP_LABEL);
    expect(isLlmCall({ apiLabel: RAW_HTTP_LABEL })).toBe(false);
    expect(isLlmCall({ apiLabel: 'Sourcegraph · Cody' })).toBe(true);
  });

  it("tells a Cody HAR's completions (family 'other') from its GraphQL calls", () => {
    const bytes = new Uint8Array(readFileSync(CODY));
    const overview = toCassetteOverview(analyzeCassette(loadCassette(bytes, 'defaultClient.har')));
    const llm = overview.exchanges.filter(isLlmCall);
    // Every LLM call of the file is a completions call, and every completions call is one.
    expect(llm.length).toBeGreaterThan(0);
    for (const summary of overview.exchanges)
      expect([summary.index, isLlmCall(summary)]).toEqual([
        summary.index,
        summary.url.includes('/.api/completions/'),
      ]);
    expect(llm.every((summary) => summary.apiFamily === 'other')).toBe(true);
  });
});
