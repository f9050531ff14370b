/**
 * fast-check arbitraries shared by the fuzz suites (issue 8): LLM-shaped JSON built from the field
 * names the adapters look for, so random values reach deep code paths instead of stopping at the
 * first failed JSON.parse, plus hostile keys (`__proto__`, `constructor`, `prototype`).
 * fast-check API: https://fast-check.dev/docs/core-blocks/arbitraries/
 */
import fc from 'fast-check';
import type { HttpBody, HttpExchange } from '../../src/core/model/http';
import { noTiming } from '../support/exchange-builders';

/** The number of cases issue 8 asks for, per fuzzed entry point. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** Field names read by the adapters (OpenAI, Anthropic, Gemini, Bedrock, Cohere, Ollama, …). */
export const FIELD_NAMES = [
  'model',
  'messages',
  'role',
  'content',
  'type',
  'text',
  'tool_calls',
  'function',
  'name',
  'arguments',
  'id',
  'index',
  'choices',
  'delta',
  'message',
  'finish_reason',
  'usage',
  'prompt_tokens',
  'completion_tokens',
  'input_tokens',
  'output_tokens',
  'tools',
  'input',
  'output',
  'candidates',
  'parts',
  'functionCall',
  'args',
  'contents',
  'usageMetadata',
  'system',
  'stop_reason',
  'content_block',
  'partial_json',
  'thinking',
  'reasoning',
  'reasoning_content',
  'tool_use_id',
  'tool_call_id',
  'image_url',
  'url',
  'source',
  'data',
  'response',
  'item',
  'output_index',
  'contentBlockDelta',
  'contentBlockStart',
  'toolUse',
  'metadata',
  'stream',
  'done',
  'event',
  'error',
  'citations',
  'annotations',
  'cost',
  'stopReason',
  'inputTokens',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
] as const;

export const EVENT_NAMES = [
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
  'ping',
  'error',
  'response.created',
  'response.output_text.delta',
  'response.completed',
  'response.function_call_arguments.delta',
  'response.output_item.added',
  'text-generation',
  'stream-end',
  'content-delta',
  'tool-call-delta',
  'chunk',
  'messageStart',
  'contentBlockDelta',
  'messageStop',
  'metadata',
  '__proto__',
] as const;

export const URLS = [
  'https://api.openai.com/v1/chat/completions',
  'https://api.openai.com/v1/completions',
  'https://api.openai.com/v1/responses',
  'https://api.anthropic.com/v1/messages',
  'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude%3A0/invoke-with-response-stream',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/x%3A0/converse-stream',
  'https://api.cohere.com/v2/chat',
  'https://api.cohere.ai/v1/chat',
  'http://localhost:11434/api/chat',
  'https://sourcegraph.com/.api/completions/stream',
  'https://example.test/anything',
  'not a url',
] as const;

export const CONTENT_TYPES = [
  'application/json',
  'text/event-stream',
  'application/x-ndjson',
  'application/vnd.amazon.eventstream',
  'text/plain',
  'text/html',
] as const;

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...FIELD_NAMES, ...EVENT_NAMES, 'assistant', 'user', 'tool', 'stop', 'tool_calls'),
);

/** JSON values whose object keys are mostly adapter field names. */
export const llmJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 6 })), tie('value')), {
        maxLength: 4,
      })
      .map((entries) => {
        // A literal `__proto__` key, as JSON.parse would create it (an own property).
        const object: Record<string, unknown> = Object.create(null);
        for (const [key, value] of entries) object[key] = value;
        return object;
      }),
  ),
})).value;

/** A body text: JSON of llmJson, SSE of it, NDJSON of it, or noise. */
export const bodyText: fc.Arbitrary<string> = fc.oneof(
  llmJson.map((value) => JSON.stringify(value) ?? 'null'),
  fc
    .array(fc.tuple(fc.option(fc.constantFrom(...EVENT_NAMES)), llmJson), { maxLength: 6 })
    .map(
      (events) =>
        events
          .map(([event, data]) => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`)
          .join('') + (events.length % 2 ? 'data: [DONE]\n\n' : ''),
    ),
  fc.array(llmJson, { maxLength: 5 }).map((lines) => lines.map((line) => JSON.stringify(line)).join('\n')),
  fc.string({ maxLength: 60 }),
);

export function textBody(text: string, mimeType: string | null): HttpBody {
  return { text, bytes: null, mimeType, sizeBytes: text.length, decoding: ['text'] };
}

export function makeExchange(
  url: string,
  request: HttpBody | null,
  response: HttpBody | null,
  status: number | null,
  contentType: string,
): HttpExchange {
  return {
    index: 0,
    request: {
      method: 'POST',
      url,
      headers: [{ name: 'content-type', value: 'application/json' }],
      body: request,
      protocol: null,
    },
    response: {
      status,
      statusText: null,
      headers: [{ name: 'content-type', value: contentType }],
      body: response,
      protocol: null,
    },
    timing: noTiming(),
    warnings: [],
  };
}
