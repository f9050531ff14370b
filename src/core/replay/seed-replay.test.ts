/**
 * The planner on real recordings, through the real pipeline (loadCassette + analyzeCassette), with
 * the fixtures copied into tests/fixtures/corpus so a fresh clone runs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassette } from '../cassette';
import type { AnalyzedExchange } from '../model/analysis';
import { eventCountAt, eventsAt, MessageAtEvent, planExchangeReplay, summarizeTiming } from './index';

const CORPUS = join(__dirname, '../../../tests/fixtures/corpus');

function exchangesOf(relativePath: string): AnalyzedExchange[] {
  const bytes = new Uint8Array(readFileSync(join(CORPUS, relativePath)));
  return analyzeCassette(loadCassette(bytes, relativePath)).exchanges;
}

describe('replay of the seed cassette', () => {
  const [first, second] = exchangesOf('seed/multi_tool_streaming_kimi-k2_together.yaml');

  it('starts interaction 0 at the recorded 1004.5 ms and ends after 55 tokens at 50 tok/s', () => {
    const schedule = planExchangeReplay(first!);
    expect(schedule.events).toHaveLength(24);
    expect(schedule.latencyLabel).toBe('recorded');
    expect(schedule.events[0]!.atMs).toBeCloseTo(1004.536333, 5);
    expect(schedule.generationLabel).toBe('estimated');
    expect(schedule.outputTokens).toBe(55);
    expect(schedule.events.at(-1)!.atMs).toBeCloseTo(1004.536333 + (55 / 50) * 1000, 5);
  });

  it('shows no assistant text during the latency, then "I\'ll", then the full sentence and both calls', () => {
    const schedule = planExchangeReplay(first!);
    const message = new MessageAtEvent(first!.llm.deltas);
    expect(eventsAt(schedule, 1000)).toHaveLength(0);
    const early = message.at(eventsAt(schedule, 1010).at(-1)!.eventIndex).message;
    expect(early.parts).toEqual([{ kind: 'text', text: "I'll" }]);
    const end = message.at(schedule.events.at(-1)!.eventIndex).message;
    expect(end.parts[0]).toEqual({
      kind: 'text',
      text: "I'll add and multiply the numbers 2 and 3 for you.",
    });
    const calls = end.parts.filter((part) => part.kind === 'tool-call');
    expect(calls.map((call) => [call.name, call.arguments])).toEqual([
      ['add', { a: 2, b: 3 }],
      ['multiply', { a: 2, b: 3 }],
    ]);
  });

  it('summarizes interaction 1 from its own recorded latency', () => {
    const summary = summarizeTiming(planExchangeReplay(second!));
    expect(summary.latencyMs).toBeCloseTo(966.797458, 5);
    expect(summary.eventCount).toBe(32);
    expect(summary.outputTokens).toBe(30);
    expect(summary.generationMs).toBeCloseTo(600, 6);
  });
});

describe('replay paced by provider-reported timing', () => {
  it('uses the completion_time Groq reported and says so', () => {
    const [first] = exchangesOf(
      'go-vcr-v2/fantasy/TestOpenAICompatibleCommon__groq-kimi-k2__tool_streaming.yaml',
    );
    const schedule = planExchangeReplay(first!);
    expect(schedule.pacing).toBe('provider-timing');
    expect(schedule.generationLabel).toBe('reported');
    // Groq reports it in `usage` and `x_groq.usage`; the adapter names which one it read.
    expect(schedule.pacingOrigin).toMatch(/usage/);
    expect(schedule.latencyMs).toBeCloseTo(303.752583, 5);
    expect(schedule.generationMs).toBeCloseTo(103.231659, 4);
    expect(schedule.events.at(-1)!.atMs).toBeCloseTo(303.752583 + 103.231659, 4);
    expect(eventCountAt(schedule, 303.7)).toBe(0);
  });

  it('uses Cerebras time_info and says so', () => {
    const [first] = exchangesOf(
      'go-vcr-v2/fantasy/TestCerebrasCommon__cerebras-qwen-3-coder-480b__tool_streaming.yaml',
    );
    const schedule = planExchangeReplay(first!);
    expect(schedule.pacing).toBe('provider-timing');
    expect(schedule.pacingOrigin).toMatch(/cerebras/i);
    expect(schedule.latencyMs).toBeCloseTo(554.299125, 5);
    expect(schedule.generationMs).toBeGreaterThan(0);
  });
});
