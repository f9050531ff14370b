/**
 * The planner over real recordings of every stream format and adapter family in the corpus
 * (tests/fixtures/corpus), through the real pipeline (loadCassette + analyzeCassette): Anthropic
 * SSE, Gemini SSE and JSON array, Bedrock AWS event-stream (InvokeModel and ConverseStream), OpenAI
 * Responses, Cohere v2, and Ollama NDJSON (synthetic: the corpus has no native Ollama stream).
 *
 * For each: one schedule entry per stream event, monotonic offsets, the first event at the recorded
 * latency and the last at latency + generation time, the message assembled at the last event equal
 * to the adapter's final message, and honest labels.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassette } from '../cassette';
import type { AnalyzedExchange } from '../model/analysis';
import type { Message } from '../model/conversation';
import { MessageAtEvent, planExchangeReplay, type ReplaySchedule } from './index';

const CORPUS = join(__dirname, '../../../tests/fixtures/corpus');

function exchangeOf(relativePath: string, index: number): AnalyzedExchange {
  const bytes = new Uint8Array(readFileSync(join(CORPUS, relativePath)));
  const exchange = analyzeCassette(loadCassette(bytes, relativePath)).exchanges[index];
  if (!exchange) throw new Error(`${relativePath} has no interaction ${index}`);
  return exchange;
}

/** What a reader sees of a message: text, reasoning, and tool calls with their arguments. */
function visible(message: Message | null | undefined): unknown[] {
  return (message?.parts ?? []).flatMap((part) => {
    if (part.kind === 'text' || part.kind === 'reasoning') return [[part.kind, part.text]];
    if (part.kind === 'tool-call') return [['tool-call', part.name, part.arguments ?? part.argumentsText]];
    return [];
  });
}

/** The checks every streamed interaction must pass, whatever its format. */
function expectHonestSchedule(exchange: AnalyzedExchange, schedule: ReplaySchedule): void {
  const events = exchange.llm.stream?.events ?? [];
  expect(events.length).toBeGreaterThan(0);
  expect(schedule.events).toHaveLength(events.length);
  expect(new Set(schedule.events.map((event) => event.position)).size).toBe(events.length);
  for (let i = 1; i < schedule.events.length; i++) {
    expect(schedule.events[i]!.atMs).toBeGreaterThanOrEqual(schedule.events[i - 1]!.atMs);
  }
  expect(schedule.events[0]!.atMs).toBeCloseTo(schedule.latencyMs, 6);
  expect(schedule.events.at(-1)!.atMs).toBeCloseTo(schedule.latencyMs + schedule.generationMs, 6);
  expect(schedule.endMs).toBeCloseTo(schedule.latencyMs + schedule.generationMs, 6);
  const assembled = new MessageAtEvent(exchange.llm.deltas).at(schedule.events.at(-1)!.eventIndex);
  const final = visible(exchange.llm.response?.message);
  expect(final.length).toBeGreaterThan(0);
  expect(visible(assembled.message)).toEqual(final);
}

const GO_VCR = 'go-vcr-v2/fantasy';

describe('replay of every stream format and adapter family', () => {
  it('Anthropic Messages SSE (go-vcr): recorded latency, estimated pacing, the tool call complete', () => {
    const exchange = exchangeOf(`${GO_VCR}/TestAnthropicCommon__claude-sonnet-4__tool_streaming.yaml`, 0);
    expect(exchange.llm.stream?.format).toBe('sse');
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.latencyLabel).toBe('recorded');
    expect(schedule.latencyMs).toBeCloseTo(exchange.http.timing.durationMs!, 6);
    expect(schedule.generationLabel).toBe('estimated');
    expect(schedule.pacing).toBe('token-rate');
    expect(schedule.outputTokensLabel).toBe('reported');
    expect(schedule.generationMs).toBeCloseTo((schedule.outputTokens / 50) * 1000, 6);
    expect(schedule.events.some((event) => event.kind === 'tool')).toBe(true);
  });

  it('Gemini SSE (go-vcr), several events, ends with the whole message', () => {
    const exchange = exchangeOf(`${GO_VCR}/TestImageUploadAgentStreaming__gemini-2.5-pro-stream.yaml`, 0);
    expect(exchange.llm.stream?.format).toBe('sse');
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.latencyLabel).toBe('recorded');
    expect(schedule.generationLabel).toBe('estimated');
  });

  it('Gemini streamed JSON array (vcrpy, no time recorded): latency unknown, pacing estimated', () => {
    const exchange = exchangeOf('vcrpy/llm-gemini/test_prompt_with_pydantic_schema.yaml', 0);
    expect(exchange.llm.stream?.format).toBe('json-array');
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.events).toHaveLength(5);
    expect(schedule.latencyMs).toBe(0);
    expect(schedule.latencyLabel).toBe('unknown');
    expect(schedule.generationLabel).toBe('estimated');
  });

  it('Bedrock InvokeModel AWS event-stream: paced by amazon-bedrock-invocationMetrics', () => {
    const exchange = exchangeOf(
      `${GO_VCR}/TestBedrockCommon__bedrock-anthropic-claude-sonnet-4-5__tool_streaming.yaml`,
      1,
    );
    expect(exchange.llm.stream?.format).toBe('aws-eventstream');
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.pacing).toBe('provider-timing');
    expect(schedule.generationLabel).toBe('reported');
    expect(schedule.pacingOrigin).toMatch(/invocationMetrics/);
    // invocationLatency 3032 − firstByteLatency 2018, from the last chunk of the recording.
    expect(schedule.generationMs).toBe(1014);
    expect(schedule.latencyLabel).toBe('recorded');
  });

  it('Bedrock ConverseStream (vcrpy): metrics.latencyMs is the whole call, and the origin says so', () => {
    const exchange = exchangeOf('vcrpy/pydantic-ai/test_bedrock__test_bedrock_model_stream.yaml', 0);
    expect(exchange.llm.api).toBe('bedrock.converse');
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.pacing).toBe('provider-timing');
    expect(schedule.generationLabel).toBe('reported');
    expect(schedule.generationMs).toBe(522);
    expect(schedule.pacingOrigin).toMatch(/whole call/);
    expect(schedule.latencyLabel).toBe('unknown');
  });

  it('OpenAI Responses SSE: paced by created_at → completed_at, at 1 s resolution', () => {
    const exchange = exchangeOf(`${GO_VCR}/TestOpenAIResponsesCommon__openai-gpt-5__tool_streaming.yaml`, 1);
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.pacing).toBe('provider-timing');
    expect(schedule.generationMs).toBe(4000);
    expect(schedule.pacingOrigin).toMatch(/created_at\/completed_at \(1 s resolution\)/);
    expect(schedule.latencyLabel).toBe('recorded');
  });

  it('OpenAI Responses without created_at/completed_at falls back to an estimate', () => {
    const exchange = exchangeOf(
      'vcrpy/pydantic-ai/test_openai_responses__test_openai_responses_stream.yaml',
      0,
    );
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.generationLabel).toBe('estimated');
  });

  it('Cohere v2 SSE (Ruby VCR, recorded_at only): estimated, still ends with the full text', () => {
    const exchange = exchangeOf(
      'ruby-vcr/ruby_llm/chat_streaming_responses_cohere_command-a-03-2025_supports_streaming_responses.yml',
      0,
    );
    expect(exchange.llm.api).toBe('cohere.chat-v2');
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.latencyLabel).toBe('unknown');
    expect(schedule.generationLabel).toBe('estimated');
  });

  it('names the vendor of a generic "usage *_time" source (Groq)', () => {
    const exchange = exchangeOf(`${GO_VCR}/TestOpenAICompatibleCommon__groq-kimi-k2__tool_streaming.yaml`, 0);
    const schedule = planExchangeReplay(exchange);
    expectHonestSchedule(exchange, schedule);
    expect(schedule.pacingOrigin).toBe('Groq usage *_time');
  });
});
