import { describe, expect, it } from 'vitest';
import type { AnalyzedExchange } from '../model/analysis';
import { findExchangeAnomalies } from './find-anomalies';
import { countProblems, isProblem } from './is-problem';
import { isCapReason, requestedCap } from './token-cap';
import { httpExchange } from '../../../tests/support/exchange-builders';

/** A plain (not streamed) 200 exchange whose request has `params` and whose response stopped with `finish`. */
function exchange(params: Record<string, unknown>, finish: string, family = 'openai-chat'): AnalyzedExchange {
  return {
    http: httpExchange({ url: 'https://api.example.com/v1/x' }),
    llm: {
      api: 'test',
      apiFamily: family as AnalyzedExchange['llm']['apiFamily'],
      apiLabel: 'Test',
      request: { model: 'm', messages: [], tools: [], stream: false, params },
      response: {
        model: 'm',
        message: { role: 'assistant', parts: [{ kind: 'text', text: 'Once upon a' }] },
        finishReason: finish,
        usage: null,
        error: null,
        providerTiming: null,
      },
      stream: null,
      deltas: [],
      notes: [],
    },
  };
}

describe('a cap the caller set versus a model that stopped early', () => {
  it.each([
    [{ max_tokens: 35 }, 'length', 'max_tokens = 35'],
    [{ max_completion_tokens: 12, max_tokens: 99 }, 'length', 'max_completion_tokens = 12'],
    [{ max_output_tokens: 16 }, 'incomplete:max_output_tokens', 'max_output_tokens = 16'],
    [{ generationConfig: { maxOutputTokens: 20 } }, 'MAX_TOKENS', 'generationConfig.maxOutputTokens = 20'],
    [{ inferenceConfig: { maxTokens: 50 } }, 'max_tokens', 'inferenceConfig.maxTokens = 50'],
    [{ options: { num_predict: 8 } }, 'length', 'options.num_predict = 8'],
  ])('%j with finish reason %s is information naming the cap', (params, finish, named) => {
    const found = findExchangeAnomalies(exchange(params, finish));
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'stopped-at-cap',
        severity: 'info',
        message: `stopped at ${named}, as the request asked (finish reason "${finish}")`,
      }),
    ]);
    expect(countProblems(found)).toBe(0);
  });

  it('without a cap in the request, a length stop is still a warning', () => {
    const found = findExchangeAnomalies(exchange({ temperature: 0 }, 'length'));
    expect(found).toEqual([expect.objectContaining({ kind: 'stopped-early', severity: 'warning' })]);
    expect(countProblems(found)).toBe(1);
  });

  it('a content filter stop is a warning even when the request set a cap', () => {
    const found = findExchangeAnomalies(exchange({ max_tokens: 35 }, 'content_filter'));
    expect(found).toEqual([expect.objectContaining({ kind: 'stopped-early', severity: 'warning' })]);
  });

  it('reads caps and reasons as the providers spell them', () => {
    expect(requestedCap({ textGenerationConfig: { maxTokenCount: 7 } })).toEqual({
      name: 'textGenerationConfig.maxTokenCount',
      value: 7,
    });
    expect(requestedCap({ max_tokens: '35' })).toBeNull();
    expect(requestedCap(undefined)).toBeNull();
    expect(isCapReason('MAX_TOKENS')).toBe(true);
    expect(isCapReason('stop')).toBe(false);
    expect(isProblem({ severity: 'info' })).toBe(false);
    expect(isProblem({ severity: 'warning' })).toBe(true);
  });
});
