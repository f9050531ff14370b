import { describe, expect, it } from 'vitest';
import type { AnalyzedCassette, AnalyzedExchange } from '../../core/model/analysis';
import type { Anomaly } from '../../core/model/anomaly';
import type { CassetteOverview } from '../../core/model/overview';
import { toCassetteOverview } from '../../core/summarize-exchange';
import { statusText, summarizeCassette } from './summarize-cassette';

function exchange(
  status: number | null,
  durationMs: number | null,
  usage: { in: number; out: number; cost?: number } | null,
): AnalyzedExchange {
  return {
    http: {
      index: 0,
      request: { method: 'POST', url: 'https://x/v1', headers: [], body: null, protocol: null },
      response:
        status === null ? null : { status, statusText: null, headers: [], body: null, protocol: null },
      timing: {
        durationMs,
        durationSource: null,
        waitMs: null,
        receiveMs: null,
        startedAt: null,
        recordedAt: null,
      },
      warnings: status === 500 ? [{ severity: 'warning', message: 'w' }] : [],
    },
    llm: {
      api: 'x',
      apiFamily: 'other',
      apiLabel: 'X',
      request: null,
      response: usage
        ? {
            model: null,
            message: null,
            finishReason: null,
            usage: { inputTokens: usage.in, outputTokens: usage.out, costUsd: usage.cost ?? null, raw: null },
            error: null,
            providerTiming: null,
          }
        : null,
      stream: null,
      deltas: [],
      notes: [],
    },
  };
}

function cassette(exchanges: AnalyzedExchange[]): CassetteOverview {
  const analyzed: AnalyzedCassette = {
    cassette: {
      fileName: 'a',
      format: 'go-vcr-v2',
      formatVariant: 'v2',
      recorder: null,
      fileDecoding: [],
      exchanges: [],
      warnings: [{ severity: 'warning', message: 'file' }],
    },
    exchanges,
    thread: { items: [], tools: [], links: [], totalUsage: null },
    anomalies: [],
  };
  return toCassetteOverview(analyzed);
}

describe('summarizeCassette', () => {
  it('adds tokens, cost and time and counts errors and warnings', () => {
    const summary = summarizeCassette(
      cassette([
        exchange(200, 1004.5, { in: 218, out: 55, cost: 0.001 }),
        exchange(200, 966.8, { in: 392, out: 30 }),
        exchange(500, null, null),
        exchange(null, null, null),
      ]),
    );
    expect(summary).toMatchObject({
      interactions: 4,
      // Reader notes: the file's warning and the HTTP 500's warning. No doctor ran in this test.
      errors: 0,
      warnings: 0,
      notes: 2,
      inputTokens: 610,
      outputTokens: 85,
      timedInteractions: 2,
    });
    expect(summary.costUsd).toBeCloseTo(0.001);
    expect(summary.recordedMs).toBeCloseTo(1971.3);
  });

  it('answers the same overview with the same summary, and a new overview (the doctor done) anew', () => {
    const checking = { ...cassette([exchange(429, null, null)]), doctorChecking: true };
    const first = summarizeCassette(checking);
    expect(summarizeCassette(checking)).toBe(first);
    expect(first.errors).toBe(0);
    const { doctorChecking: _checking, ...rest } = checking;
    const checked = {
      ...rest,
      anomalies: [{ kind: 'http-error', severity: 'error', exchangeIndex: 0, message: 'HTTP 429' } as const],
    };
    expect(summarizeCassette(checked).errors).toBe(1);
  });

  it('counts errors, warnings and retries as the stream doctor counts them', () => {
    const analyzed = cassette([exchange(429, null, null), exchange(200, null, null)]);
    analyzed.anomalies = [
      { kind: 'http-error', severity: 'error', exchangeIndex: 0, message: 'HTTP 429' },
      { kind: 'invalid-json', severity: 'error', exchangeIndex: 0, eventIndex: 3, message: 'invalid JSON' },
      { kind: 'retry', severity: 'warning', exchangeIndex: 1, message: 'retry of call 1 after HTTP 429' },
    ];
    // Two errors in one interaction: two, as the doctor says, not one failed interaction.
    expect(summarizeCassette(analyzed)).toMatchObject({ errors: 2, warnings: 1, retries: 1 });
    expect(summarizeCassette(cassette([]))).toMatchObject({ errors: 0, warnings: 0, retries: 0 });
  });

  it('leaves informational findings out of the problem counts', () => {
    const analyzed = cassette([exchange(200, null, null)]);
    // An informational severity (issue 16) is not a problem; cast, as the model may not name it yet.
    analyzed.anomalies = [
      { kind: 'missing-usage', severity: 'info', exchangeIndex: 0, message: 'fyi' } as unknown as Anomaly,
    ];
    expect(summarizeCassette(analyzed)).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('leaves totals null when nothing reported them', () => {
    const summary = summarizeCassette(cassette([exchange(200, null, null)]));
    expect(summary.inputTokens).toBeNull();
    expect(summary.recordedMs).toBeNull();
    expect(summary.costUsd).toBeNull();
  });
});

describe('statusText', () => {
  it('names only what is there', () => {
    expect(statusText({ interactions: 2, errors: 0, warnings: 0, notes: 0 })).toBe('2 interactions');
    expect(statusText({ interactions: 4000, errors: 1, warnings: 3, notes: 1 })).toBe(
      '4,000 interactions, 1 error, 3 warnings, 1 reader note',
    );
  });
});
