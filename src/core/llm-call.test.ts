import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from './analyze';
import { loadCassette } from './cassette';
import { describeCallRun, isLlmCall, pathOfUrl, RAW_HTTP_LABEL } from './llm-call';
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

describe('describeCallRun', () => {
  const call = (index: number, path: string) => ({ index, method: 'POST', path });
  it("names the calls' numbers and their method and path, without queries", () => {
    expect(describeCallRun([1, 2, 3, 4].map((i) => call(i, `/.api/graphql?Q${i}`)))).toBe(
      '#2–5 · POST /.api/graphql',
    );
    expect(describeCallRun([call(1, '/a'), call(3, '/b'), call(4, '/c'), call(0, '/a')])).toBe(
      '#2, #4, #5, … · POST /a, POST /b, +1 more',
    );
  });
  it('keeps a placeholder URL whole as its path', () => {
    expect(pathOfUrl('https://sourcegraph.com/.api/graphql?Repo')).toBe('/.api/graphql');
    expect(pathOfUrl('<API_BASE>/graphql')).toBe('<API_BASE>/graphql');
  });
});
