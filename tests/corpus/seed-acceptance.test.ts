/**
 * Issue 2's acceptance table for the founding cassette, asserted value by value (not via
 * facts.json), so this test holds even if the facts file changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { InspectReport } from '../../src/core/inspect/inspect-report';
import { readCorpusBytes } from '../support/corpus-fixtures';
import { loadPipeline } from '../support/run-pipeline';

const SEED = 'seed/multi_tool_streaming_kimi-k2_together.yaml';

/** Issue 2, "Acceptance": | field | interaction 0 | interaction 1 |. */
export const SEED_ACCEPTANCE = [
  {
    tool_calls: ['add', 'multiply'],
    finish_reason: 'tool_calls',
    usage: { input_tokens: 218, output_tokens: 55 },
    stream_events: 24,
    duration_ms: 1004.536333,
  },
  {
    tool_calls: [],
    finish_reason: 'stop',
    usage: { input_tokens: 392, output_tokens: 30 },
    stream_events: 32,
    duration_ms: 966.797458,
  },
] as const;

describe('the founding cassette (issue 2 acceptance)', () => {
  let report: InspectReport;
  beforeAll(async () => {
    const outcome = (await loadPipeline()).run(readCorpusBytes(SEED), SEED);
    if (outcome.kind !== 'report') throw new Error(`${SEED}: ${outcome.kind}: ${outcome.message}`);
    report = outcome.report;
  });

  it('is a go-vcr v2 cassette of two streamed OpenRouter chat completions', () => {
    expect(report.file).toBe('multi_tool_streaming_kimi-k2_together.yaml');
    expect(report.format).toBe('go-vcr-v2');
    expect(report.interaction_count).toBe(2);
    for (const row of report.interactions) {
      expect(row).toMatchObject({
        method: 'POST',
        url: 'https://openrouter.ai/api/v1/chat/completions',
        status: 200,
        api_family: 'openai-chat',
        is_sse: true,
        stream_format: 'sse',
        error: null,
      });
    }
  });

  it.each([0, 1])('interaction %i matches the acceptance table', (index) => {
    const row = report.interactions[index]!;
    const want = SEED_ACCEPTANCE[index]!;
    expect(row.tool_calls).toEqual(want.tool_calls);
    expect(row.finish_reason).toBe(want.finish_reason);
    expect(row.usage).toEqual(want.usage);
    expect(row.stream_events).toBe(want.stream_events);
    expect(row.duration_ms).toBeCloseTo(want.duration_ms, 6);
  });

  it('has the streamed text of both replies', () => {
    expect(report.interactions[0]!.text).toBe("I'll add and multiply the numbers 2 and 3 for you.");
    expect(report.interactions[1]!.text).toContain('Multiplication: 2 × 3 = 6');
  });
});
