import { describe, expect, it } from 'vitest';
import type { ContentPart, LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { anthropicMessagesAdapter as adapter, detectAnthropicMessages } from './messages-adapter';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  url: string,
  request: unknown,
  response: string,
  status = 200,
  contentType = 'application/json',
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType: contentType });
}

/** SSE with `event:` names and, like Vertex AI, whitespace padding after the JSON. */
const sse = (...events: Array<Record<string, unknown>>) =>
  events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}      \n\n`).join('');
const parts = (llm: LlmExchange): ContentPart[] => llm.response?.message?.parts ?? [];
const URL = 'https://api.anthropic.com/v1/messages';

describe('Anthropic Messages request', () => {
  const request = {
    model: 'claude-sonnet-4',
    max_tokens: 1024,
    system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
    tools: [
      { name: 'weather', description: 'Get weather', input_schema: { type: 'object' } },
      { type: 'web_search_20250305', name: 'web_search', max_uses: 3 },
    ],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this image?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          {
            type: 'document',
            title: 'Notes',
            source: { type: 'text', media_type: 'text/plain', data: 'plain notes' },
          },
        ],
      },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Rome' } }],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'sunny', is_error: true }],
      },
    ],
    temperature: 0.2,
  };
  const llm = adapter.read(exchange(URL, request, '{}'));

  it('puts system first, keeps cache_control, media, documents, tool calls and results', () => {
    const messages = llm.request!.messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[0]!.parts).toEqual([{ kind: 'text', text: 'Be brief.', cacheControl: true }]);
    expect(messages[1]!.parts[1]).toEqual({
      kind: 'image',
      source: { kind: 'inline', mimeType: 'image/png', base64: 'iVBORw0KGgo=' },
    });
    expect(messages[1]!.parts[2]).toMatchObject({ kind: 'document', title: 'Notes', text: 'plain notes' });
    expect(messages[2]!.parts[0]).toMatchObject({
      kind: 'tool-call',
      id: 'toolu_1',
      name: 'weather',
      arguments: { city: 'Rome' },
    });
    expect(messages[3]!.parts[0]).toEqual({
      kind: 'tool-result',
      callId: 'toolu_1',
      content: [{ kind: 'text', text: 'sunny' }],
      isError: true,
    });
  });

  it('reads client and server tools and leaves the rest as params', () => {
    expect(llm.request!.tools.map((t) => [t.type, t.name])).toEqual([
      ['function', 'weather'],
      ['web_search_20250305', 'web_search'],
    ]);
    expect(llm.request!.model).toBe('claude-sonnet-4');
    expect(llm.request!.params.temperature).toBe(0.2);
    expect(llm.request!.params.messages).toBeUndefined();
  });
});

describe('Anthropic Messages response (not streamed)', () => {
  it('reads text, thinking, tool_use, server tools with their results, stop_reason and cache usage', () => {
    const response = {
      id: 'msg_1',
      type: 'message',
      model: 'claude-sonnet-4',
      content: [
        { type: 'thinking', thinking: 'Let me think', signature: 'sig' },
        { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'tokyo' } },
        {
          type: 'web_search_tool_result',
          tool_use_id: 'srvtoolu_1',
          content: [{ type: 'web_search_result', url: 'https://x' }],
        },
        { type: 'text', text: 'Tokyo has 14M people.', citations: [{ type: 'web_search_result_location' }] },
        { type: 'tool_use', id: 'toolu_2', name: 'lookup', input: {} },
        { type: 'brand_new_block', x: 1 },
      ],
      stop_reason: 'tool_use',
      usage: {
        input_tokens: 10,
        output_tokens: 20,
        cache_read_input_tokens: 5,
        cache_creation_input_tokens: 7,
      },
    };
    const llm = adapter.read(exchange(URL, { model: 'm', messages: [] }, JSON.stringify(response)));
    const [thinking, server, text, call, unknown] = parts(llm);
    expect(thinking).toEqual({ kind: 'reasoning', text: 'Let me think', signature: 'sig' });
    expect(server).toMatchObject({
      kind: 'tool-call',
      server: true,
      name: 'web_search',
      serverResult: [{ type: 'web_search_result', url: 'https://x' }],
    });
    expect(text).toMatchObject({
      kind: 'text',
      text: 'Tokyo has 14M people.',
      citations: [{ type: 'web_search_result_location' }],
    });
    expect(call).toMatchObject({ kind: 'tool-call', id: 'toolu_2', name: 'lookup', arguments: {} });
    expect(unknown).toMatchObject({ kind: 'unknown', label: 'brand_new_block' });
    expect(llm.response!.finishReason).toBe('tool_use');
    expect(llm.response!.usage).toMatchObject({
      inputTokens: 10,
      outputTokens: 20,
      cacheReadTokens: 5,
      cacheWriteTokens: 7,
      totalTokens: 42,
    });
  });

  it('reads an HTTP error body as the provider error', () => {
    const error = { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } };
    const llm = adapter.read(exchange(URL, { model: 'm', messages: [] }, JSON.stringify(error), 401));
    expect(llm.response!.message).toBeNull();
    expect(llm.response!.error).toMatchObject({ message: 'invalid x-api-key', type: 'authentication_error' });
  });

  it('still gives a message for an error whose body is not JSON', () => {
    const llm = adapter.read(
      exchange(URL, { model: 'm', messages: [] }, '<html>Bad gateway</html>', 502, 'text/html'),
    );
    expect(llm.response!.error!.message).toContain('Bad gateway');
  });
});

describe('Anthropic detection', () => {
  const start = sse({ type: 'message_start', message: { usage: {} } });
  it('is sure for api.anthropic.com and Claude on Vertex AI, and reads the model from the Vertex URL', () => {
    expect(detectAnthropicMessages(exchange(URL, {}, '{}'))).toBeGreaterThanOrEqual(0.9);
    const vertex = exchange(
      'https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-3-7-sonnet@20250219:streamRawPredict',
      { anthropic_version: 'vertex-2023-10-16', max_tokens: 10, messages: [] },
      start,
      200,
      'text/event-stream',
    );
    expect(detectAnthropicMessages(vertex)).toBeGreaterThanOrEqual(0.9);
    const llm = adapter.read(vertex);
    expect(llm.request!.model).toBe('claude-3-7-sonnet@20250219');
    expect(llm.apiLabel).toContain('Vertex');
  });

  it('recognises the body shape behind a proxy, but leaves Bedrock URLs and other APIs alone', () => {
    const proxied = exchange(
      'https://gateway.example.com/llm',
      { model: 'claude', max_tokens: 5, system: 'x', messages: [] },
      '{}',
    );
    expect(detectAnthropicMessages(proxied)).toBeGreaterThanOrEqual(0.5);
    const bedrock = exchange(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude%3A0/invoke',
      { anthropic_version: 'bedrock-2023-05-31', messages: [] },
      '{}',
    );
    expect(detectAnthropicMessages(bedrock)).toBe(0);
    const openai = exchange(
      'https://api.openai.com/v1/chat/completions',
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
      '{}',
    );
    expect(detectAnthropicMessages(openai)).toBe(0);
  });
});
