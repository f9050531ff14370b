/**
 * Property tests: the Anthropic, Gemini and Bedrock adapters never throw, whatever the bodies and
 * whatever the sequence of stream events, and never let an untrusted key reach Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs';
import { concatBytes } from '../../../lib/bytes';
import type { LlmExchange } from '../../model/conversation';
import type { HttpBody, HttpExchange } from '../../model/http';
import { encodeAwsEventFrame } from '../../streams';
import { assembleMessage } from '../assemble-stream';
import { bedrockAdapter } from '../bedrock/bedrock-adapter';
import { readConverseStreamEvents } from '../bedrock/converse-stream';
import { geminiAdapter } from '../gemini/gemini-adapter';
import { readGeminiStreamEvents } from '../gemini/gemini-response';
import { anthropicMessagesAdapter } from './messages-adapter';
import { readAnthropicStreamEvents } from './messages-stream';
import { httpExchange, textBody } from '../../../../tests/support/exchange-builders';

const ADAPTERS = [anthropicMessagesAdapter, geminiAdapter, bedrockAdapter];
const URLS = [
  'https://api.anthropic.com/v1/messages',
  'https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/l/publishers/anthropic/models/claude:streamRawPredict',
  'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
  'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent',
  'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude%3A0/invoke',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude%3A0/invoke-with-response-stream',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite%3A0/invoke-with-response-stream',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/meta.llama%3A0/invoke-with-response-stream',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/x%3A0/converse-stream',
  'not a url',
];
const CONTENT_TYPES = [
  'application/json',
  'text/event-stream',
  'application/vnd.amazon.eventstream',
  'text/plain',
];

function exchange(
  url: string,
  request: HttpBody | null,
  response: HttpBody | null,
  status: number | null,
): HttpExchange {
  return httpExchange({
    url,
    requestBody: request,
    responseBody: response,
    status,
    responseHeaders: [{ name: 'content-type', value: response?.mimeType ?? '' }],
  });
}

/** Read with every adapter; also check detection and the JSON-ability of what comes out. */
function readAll(http: HttpExchange): LlmExchange[] {
  return ADAPTERS.map((adapter) => {
    const score = adapter.detect(http);
    expect(score).toBeGreaterThanOrEqual(0);
    const llm = adapter.read(http);
    expect(() => JSON.stringify(llm.request)).not.toThrow();
    return llm;
  });
}

/** Event type names the readers know, mixed with arbitrary ones. */
const eventType = fc.oneof(
  fc.constantFrom(
    'message_start',
    'content_block_start',
    'content_block_delta',
    'content_block_stop',
    'message_delta',
    'message_stop',
    'ping',
    'error',
    'messageStart',
    'contentBlockStart',
    'contentBlockDelta',
    'contentBlockStop',
    'messageStop',
    'metadata',
    'throttlingException',
  ),
  fc.string(),
);
const blockOrDelta = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom(
        'text',
        'tool_use',
        'server_tool_use',
        'mcp_tool_use',
        'thinking',
        'redacted_thinking',
        'web_search_tool_result',
        'text_delta',
        'input_json_delta',
        'thinking_delta',
        'signature_delta',
        'citations_delta',
        'x',
      ),
      text: fc.oneof(fc.string(), fc.jsonValue()),
      id: fc.oneof(fc.string(), fc.jsonValue()),
      tool_use_id: fc.string(),
      partial_json: fc.oneof(fc.string(), fc.jsonValue()),
      input: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);
/** A plausible-looking event of any of the three APIs, with arbitrary field values. */
const eventJson = fc.oneof(
  fc.record(
    {
      type: eventType,
      index: fc.oneof(fc.nat(5), fc.string(), fc.jsonValue()),
      content_block: blockOrDelta,
      delta: fc.oneof(
        blockOrDelta,
        fc.record(
          {
            stop_reason: fc.jsonValue(),
            text: fc.jsonValue(),
            toolUse: fc.record({ input: fc.jsonValue() }),
            reasoningContent: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
      ),
      usage: fc.jsonValue(),
      message: fc.jsonValue(),
      error: fc.jsonValue(),
      candidates: fc.array(
        fc.record(
          { content: fc.record({ parts: fc.array(fc.jsonValue()) }), finishReason: fc.jsonValue() },
          { requiredKeys: [] },
        ),
      ),
      usageMetadata: fc.jsonValue(),
      contentBlockIndex: fc.jsonValue(),
      start: fc.jsonValue(),
      ['__proto__']: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue(),
);

describe('Anthropic, Gemini and Bedrock adapters never throw', () => {
  it('on arbitrary JSON bodies, statuses and content types at any of their URLs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...URLS),
        fc.jsonValue(),
        fc.jsonValue(),
        fc.constantFrom(...CONTENT_TYPES),
        fc.option(fc.integer({ min: 100, max: 599 })),
        (url, request, response, contentType, status) => {
          readAll(
            exchange(
              url,
              textBody(JSON.stringify(request) ?? '', 'application/json'),
              textBody(JSON.stringify(response) ?? '', contentType),
              status,
            ),
          );
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it('on arbitrary event sequences as SSE, JSON arrays and AWS event-stream frames', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...URLS),
        fc.array(eventJson, { maxLength: 25 }),
        fc.array(eventType, { maxLength: 25 }),
        (url, events, names) => {
          const sse = events
            .map((e, i) => `event: ${names[i] ?? 'x'}\ndata: ${JSON.stringify(e)}\n\n`)
            .join('');
          readAll(exchange(url, null, textBody(sse, 'text/event-stream'), 200));
          readAll(
            exchange(
              url,
              null,
              textBody(`[${events.map((e) => JSON.stringify(e)).join(',')}]`, 'application/json'),
              200,
            ),
          );
          const frames = events.map((e, i) =>
            encodeAwsEventFrame(names[i] ?? 'chunk', JSON.stringify(e), i % 7 === 6 ? 'exception' : 'event'),
          );
          const bytes = concatBytes(frames);
          readAll(
            exchange(
              url,
              null,
              {
                text: null,
                bytes,
                mimeType: 'application/vnd.amazon.eventstream',
                sizeBytes: bytes.length,
                decoding: [],
              },
              200,
            ),
          );
        },
      ),
      { numRuns: propertyRuns(80) },
    );
  });

  it('in the event readers themselves, and the assembled message folds at every event', () => {
    fc.assert(
      fc.property(
        fc.array(eventJson, { maxLength: 30 }),
        fc.array(eventType, { maxLength: 30 }),
        (events, names) => {
          const decoded = events.map((json, eventIndex) => ({ eventIndex, json }));
          const anthropic = readAnthropicStreamEvents(decoded);
          const gemini = readGeminiStreamEvents(decoded);
          const converse = readConverseStreamEvents(
            decoded.map((e, i) => ({ ...e, eventType: names[i] ?? null, messageType: null })),
          );
          for (const deltas of [anthropic.deltas, gemini.deltas, converse.deltas]) {
            for (let i = 0; i < events.length; i++) assembleMessage(deltas, i);
            // Deltas stay in event order, which replay relies on.
            for (let i = 1; i < deltas.length; i++)
              expect(deltas[i]!.eventIndex).toBeGreaterThanOrEqual(deltas[i - 1]!.eventIndex);
          }
        },
      ),
      { numRuns: propertyRuns(300) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('on arbitrary bytes at the stream URLs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...URLS), fc.uint8Array({ maxLength: 400 }), (url, bytes) => {
        readAll(
          exchange(
            url,
            null,
            {
              text: null,
              bytes,
              mimeType: 'application/vnd.amazon.eventstream',
              sizeBytes: bytes.length,
              decoding: [],
            },
            200,
          ),
        );
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
