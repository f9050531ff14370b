/**
 * A hand-built AnalyzedCassette shaped like the founding sample (two calls, add and multiply,
 * results 5 and 6, a markdown answer), for the view tests. Built here rather than by core so the
 * view tests fail only when the views break.
 */
import type { AnalyzedCassette, AnalyzedExchange } from '../../core/model/analysis';
import type { CassetteOverview } from '../../core/model/overview';
import { toCassetteOverview } from '../../core/summarize-exchange';
import type { Message, Usage } from '../../core/model/conversation';
import type { HttpExchange } from '../../core/model/http';
import type { ExchangeBoundary, Thread } from '../../core/model/thread';

const usage = (inputTokens: number, outputTokens: number, costUsd?: number): Usage => ({
  inputTokens,
  outputTokens,
  costUsd,
  raw: {},
});

function http(index: number, status: number): HttpExchange {
  return {
    index,
    request: {
      method: 'POST',
      url: 'https://openrouter.ai/api/v1/chat/completions',
      headers: [],
      body: null,
      protocol: 'HTTP/1.1',
    },
    response: { status, statusText: 'OK', headers: [], body: null, protocol: 'HTTP/2.0' },
    timing: {
      durationMs: 1004.536333,
      durationSource: 'go-vcr-duration',
      waitMs: null,
      receiveMs: null,
      startedAt: null,
      recordedAt: null,
    },
    warnings: [],
  };
}

function boundary(exchangeIndex: number, u: Usage, finishReason: string): ExchangeBoundary {
  return {
    exchangeIndex,
    method: 'POST',
    url: 'https://openrouter.ai/api/v1/chat/completions',
    status: 200,
    durationMs: 1004.536333,
    model: 'moonshotai/kimi-k2',
    apiLabel: 'OpenAI · Chat Completions (OpenRouter)',
    streamed: true,
    usage: u,
    finishReason,
  };
}

const system: Message = { role: 'system', parts: [{ kind: 'text', text: 'You are a helpful calculator.' }] };
const user: Message = {
  role: 'user',
  parts: [{ kind: 'text', text: 'Add and multiply the number 2 and 3' }],
};
const assistantCalls: Message = {
  role: 'assistant',
  parts: [
    { kind: 'text', text: "I'll add and multiply." },
    {
      kind: 'tool-call',
      id: 'call_a',
      name: 'add',
      argumentsText: '{"a":2,"b":3}',
      arguments: { a: 2, b: 3 },
    },
    {
      kind: 'tool-call',
      id: 'call_m',
      name: 'multiply',
      argumentsText: '{"a": 2, "b": 3',
      argumentsError: 'Unexpected end of JSON input',
    },
  ],
};
const resultAdd: Message = {
  role: 'tool',
  parts: [{ kind: 'tool-result', callId: 'call_a', content: [{ kind: 'text', text: '5' }] }],
};
const resultMul: Message = {
  role: 'tool',
  parts: [{ kind: 'tool-result', callId: 'call_m', content: [{ kind: 'text', text: '6' }] }],
};
const answer: Message = {
  role: 'assistant',
  parts: [{ kind: 'text', text: 'Results:\n\n- **Sum**: 5\n- **Product**: 6' }],
};

/** The sample-shaped cassette. */
export function buildSampleAnalyzed(): AnalyzedCassette {
  const exchanges: AnalyzedExchange[] = [0, 1].map((index) => ({
    http: http(index, 200),
    llm: {
      api: 'openai.chat-completions',
      apiFamily: 'openai-chat',
      apiLabel: 'OpenAI · Chat Completions',
      request: null,
      response: null,
      stream: null,
      deltas: [],
      notes: [],
    },
  }));
  const thread: Thread = {
    items: [
      { kind: 'boundary', exchangeIndex: 0, boundary: boundary(0, usage(218, 55, 0.000213), 'tool_calls') },
      { kind: 'message', exchangeIndex: 0, source: 'request', message: system },
      { kind: 'message', exchangeIndex: 0, source: 'request', message: user },
      { kind: 'message', exchangeIndex: 0, source: 'response', message: assistantCalls },
      { kind: 'boundary', exchangeIndex: 1, boundary: boundary(1, usage(392, 30), 'stop') },
      { kind: 'history', exchangeIndex: 1, count: 3, roles: ['system', 'user', 'assistant'] },
      { kind: 'message', exchangeIndex: 1, source: 'request', message: resultAdd },
      { kind: 'message', exchangeIndex: 1, source: 'request', message: resultMul },
      { kind: 'message', exchangeIndex: 1, source: 'response', message: answer },
      {
        kind: 'error',
        exchangeIndex: 1,
        status: 200,
        error: { message: 'Overloaded <b>now</b>', type: 'overloaded_error', eventIndex: 7 },
      },
    ],
    tools: [
      {
        definition: {
          name: 'add',
          type: 'function',
          description: 'Add two numbers',
          parameters: { type: 'object' },
        },
        callCount: 1,
        firstExchangeIndex: 0,
      },
      {
        definition: { name: 'multiply', type: 'function', parameters: { type: 'object' } },
        callCount: 1,
        firstExchangeIndex: 0,
      },
    ],
    links: [
      {
        ordinal: 1,
        name: 'add',
        id: 'call_a',
        server: false,
        call: { item: 3, part: 1 },
        result: { item: 6, part: 0 },
      },
      {
        ordinal: 2,
        name: 'multiply',
        id: 'call_m',
        server: false,
        call: { item: 3, part: 2 },
        result: { item: 7, part: 0 },
      },
    ],
    totalUsage: usage(610, 85),
  };
  return {
    cassette: {
      fileName: 'sample.yaml',
      format: 'go-vcr-v2',
      formatVariant: 'version 2',
      recorder: null,
      fileDecoding: [],
      exchanges: exchanges.map((e) => e.http),
      warnings: [],
    },
    exchanges,
    thread,
    anomalies: [],
  };
}

/** The sample-shaped cassette as the page holds it. */
export function buildSampleOverview(): CassetteOverview {
  return toCassetteOverview(buildSampleAnalyzed());
}
