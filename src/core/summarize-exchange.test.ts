import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from './cassette';
import { analyzeCassette } from './analyze';
import { summarizeExchange, toCassetteOverview } from './summarize-exchange';

const SAMPLE = join(__dirname, '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml');
const analyzed = analyzeCassette(loadCassetteText(readFileSync(SAMPLE, 'utf8'), 'seed.yaml'));

describe('summarizeExchange', () => {
  it('keeps what the table and the headers show of the sample', () => {
    expect(summarizeExchange(analyzed.exchanges[0]!)).toEqual({
      index: 0,
      method: 'POST',
      url: 'https://openrouter.ai/api/v1/chat/completions',
      status: 200,
      hasResponse: true,
      apiLabel: analyzed.exchanges[0]!.llm.apiLabel,
      apiFamily: 'openai-chat',
      model: 'moonshotai/kimi-k2-0905',
      eventCount: 24,
      durationMs: 1004.536333,
      usage: expect.objectContaining({ inputTokens: 218, outputTokens: 55 }),
      finishReason: 'tool_calls',
      failed: false,
      warningCount: 0,
    });
  });

  it('marks failures: an error status, no response, a provider error', () => {
    const base = structuredClone(analyzed.exchanges[1]!);
    const withStatus = structuredClone(base);
    withStatus.http.response!.status = 429;
    const without = structuredClone(base);
    without.http.response = null;
    const providerError = structuredClone(base);
    providerError.llm.response!.error = { message: 'overloaded' };
    expect(summarizeExchange(base).failed).toBe(false);
    expect(summarizeExchange(withStatus).failed).toBe(true);
    expect(summarizeExchange(without)).toMatchObject({ failed: true, hasResponse: false, status: null });
    expect(summarizeExchange(providerError).failed).toBe(true);
  });
});

describe('toCassetteOverview', () => {
  it('is the cassette without its exchanges, a summary per interaction, the thread and findings', () => {
    const overview = toCassetteOverview(analyzed);
    expect('exchanges' in overview.cassette).toBe(false);
    expect(overview.cassette.format).toBe('go-vcr-v2');
    expect(overview.exchanges.map((e) => e.index)).toEqual([0, 1]);
    expect(overview.thread).toBe(analyzed.thread);
    expect(overview.anomalies).toBe(analyzed.anomalies);
  });

  it('is far smaller than what it summarizes', () => {
    const full = JSON.stringify(analyzed.exchanges).length;
    const summaries = JSON.stringify(toCassetteOverview(analyzed).exchanges).length;
    expect(summaries * 10).toBeLessThan(full);
  });
});
