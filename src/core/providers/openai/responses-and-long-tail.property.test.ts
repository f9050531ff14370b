/**
 * Property test (fast-check, https://fast-check.dev/docs/core-blocks/arbitraries/): the Responses,
 * legacy Completions, Cohere v1 and v2, Ollama native and Sourcegraph adapters never throw, whatever JSON
 * bodies and event sequences they are fed, and what they return stays well-formed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs';
import type { LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import { cohereChatV1Adapter } from '../cohere/chat-v1';
import { cohereChatV2Adapter } from '../cohere/chat-v2';
import { ollamaNativeAdapter } from '../ollama/native';
import { sourcegraphCompletionsAdapter } from '../sourcegraph/completions';
import { openaiCompletionsAdapter } from './completions';
import { openaiResponsesAdapter } from './responses';
import { httpExchange, textBody } from '../../../../tests/support/exchange-builders';

const ADAPTERS: Array<{ adapter: ApiAdapter; url: string; eventTypes: string[] }> = [
  {
    adapter: openaiResponsesAdapter,
    url: 'https://api.openai.com/v1/responses',
    eventTypes: [
      'response.created',
      'response.completed',
      'response.incomplete',
      'response.failed',
      'response.output_item.added',
      'response.output_item.done',
      'response.output_text.delta',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_part.added',
      'response.mcp_call_arguments.delta',
      'response.refusal.delta',
      'error',
    ],
  },
  {
    adapter: openaiCompletionsAdapter,
    url: 'https://api.openai.com/v1/completions',
    eventTypes: ['text_completion'],
  },
  {
    adapter: cohereChatV2Adapter,
    url: 'https://api.cohere.com/v2/chat',
    eventTypes: [
      'message-start',
      'content-start',
      'content-delta',
      'tool-plan-delta',
      'tool-call-start',
      'tool-call-delta',
      'message-end',
    ],
  },
  {
    adapter: cohereChatV1Adapter,
    url: 'https://api.cohere.ai/v1/chat',
    eventTypes: ['stream-start', 'text-generation', 'tool-calls-generation', 'stream-end'],
  },
  { adapter: ollamaNativeAdapter, url: 'http://localhost:11434/api/chat', eventTypes: ['chunk'] },
  {
    adapter: sourcegraphCompletionsAdapter,
    url: 'https://sourcegraph.com/.api/completions/stream',
    eventTypes: ['completion', 'error', 'done'],
  },
];

const ITEM_TYPES = [
  'message',
  'reasoning',
  'function_call',
  'custom_tool_call',
  'web_search_call',
  'mcp_call',
  'mcp_list_tools',
  'image_generation_call',
  'computer_call',
  'x',
];

/** A record with the field names the adapters read, filled from `inner`. */
function shaped(inner: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.record(
    {
      type: fc.oneof(fc.constantFrom(...ITEM_TYPES), fc.string({ maxLength: 8 })),
      id: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(undefined)),
      call_id: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()),
      name: fc.oneof(fc.string({ maxLength: 6 }), fc.constant(null)),
      arguments: fc.oneof(fc.string({ maxLength: 12 }), inner),
      content: fc.oneof(fc.string({ maxLength: 12 }), fc.array(inner, { maxLength: 2 })),
      summary: fc.array(inner, { maxLength: 2 }),
      tool_calls: fc.oneof(fc.array(inner, { maxLength: 2 }), inner),
      function: inner,
      message: inner,
      delta: inner,
      usage: inner,
      output: fc.oneof(fc.array(inner, { maxLength: 2 }), fc.string({ maxLength: 6 })),
      done: fc.boolean(),
      error: fc.oneof(fc.string({ maxLength: 6 }), inner),
      status: fc.constantFrom('completed', 'incomplete', 'failed', 'queued', 7),
    },
    { requiredKeys: [] },
  );
}

/** A value that is usually shaped like the APIs' own objects (three levels deep), sometimes anything. */
const leaf = fc.jsonValue({ maxDepth: 2 });
const shapedValue: fc.Arbitrary<unknown> = fc.oneof(leaf, shaped(fc.oneof(leaf, shaped(leaf))));

function event(adapterTypes: string[]): fc.Arbitrary<Record<string, unknown> | string> {
  return fc.oneof(
    fc.string(),
    fc.record(
      {
        type: fc.constantFrom(...adapterTypes),
        event_type: fc.constantFrom(...adapterTypes),
        tool_calls: fc.array(shapedValue, { maxLength: 2 }),
        finish_reason: fc.constantFrom('COMPLETE', 'ERROR', 'stop'),
        item: shapedValue,
        item_id: fc.constantFrom('a', 'b', '__proto__', 'constructor'),
        index: fc.integer({ min: -1, max: 3 }),
        delta: fc.oneof(fc.string(), shapedValue),
        arguments: fc.oneof(fc.string(), shapedValue),
        response: shapedValue,
        message: shapedValue,
        choices: fc.array(shapedValue, { maxLength: 2 }),
        completion: fc.string(),
        deltaText: fc.string(),
        stopReason: fc.string(),
        done: fc.boolean(),
        error: shapedValue,
      },
      { requiredKeys: ['type'] },
    ),
  );
}

function exchange(
  url: string,
  request: string,
  response: string,
  mimeType: string,
  status: number,
): HttpExchange {
  return httpExchange({
    url,
    requestBody: textBody(request),
    responseBody: textBody(response, mimeType),
    status,
    responseHeaders: [{ name: 'Content-Type', value: mimeType }],
  });
}

function render(events: Array<Record<string, unknown> | string>, framing: 'sse' | 'ndjson'): string {
  const payload = (e: Record<string, unknown> | string) =>
    typeof e === 'string' ? e.replace(/\r?\n/g, ' ') : JSON.stringify(e);
  if (framing === 'ndjson') return events.map(payload).join('\n');
  return events
    .map((e) =>
      typeof e === 'string' ? `data: ${payload(e)}\n\n` : `event: ${String(e.type)}\ndata: ${payload(e)}\n\n`,
    )
    .join('');
}

function expectWellFormed(llm: LlmExchange): void {
  expect(Array.isArray(llm.deltas)).toBe(true);
  expect(Array.isArray(llm.notes)).toBe(true);
  if (llm.response?.message) expect(Array.isArray(llm.response.message.parts)).toBe(true);
  // Replay folds the deltas up to any event: that must not throw either.
  const last = llm.deltas[llm.deltas.length - 1];
  if (last) assembleMessage(llm.deltas, Math.floor(last.eventIndex / 2));
  // Plain data: it must cross the worker boundary.
  expect(() => structuredClone(llm)).not.toThrow();
}

describe.each(ADAPTERS)('$adapter.id never throws', ({ adapter, url, eventTypes }) => {
  it('on arbitrary JSON bodies and statuses', () => {
    fc.assert(
      fc.property(shapedValue, shapedValue, fc.constantFrom(200, 400, 500), (request, response, status) => {
        const ex = exchange(
          url,
          JSON.stringify(request) ?? '',
          JSON.stringify(response) ?? '',
          'application/json',
          status,
        );
        expect(adapter.detect(ex)).toBeGreaterThanOrEqual(0);
        expectWellFormed(adapter.read(ex));
      }),
      { numRuns: propertyRuns(100) },
    );
  });

  it('on arbitrary event sequences, as SSE and as NDJSON', () => {
    fc.assert(
      fc.property(
        fc.array(event(eventTypes), { maxLength: 15 }),
        fc.constantFrom('sse' as const, 'ndjson' as const),
        (events, framing) => {
          const mime = framing === 'sse' ? 'text/event-stream' : 'application/x-ndjson';
          const llm = adapter.read(exchange(url, '{"stream":true}', render(events, framing), mime, 200));
          expectWellFormed(llm);
        },
      ),
      { numRuns: propertyRuns(100) },
    );
  });
});
