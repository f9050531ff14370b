import { describe, expect, it } from 'vitest';
import type { ContentPart, ToolCallPart } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { openaiResponsesAdapter as adapter } from './responses';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  url: string,
  request: unknown,
  response: string,
  status = 200,
  mimeType = 'application/json',
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType });
}

function sse(events: Array<Record<string, unknown>>): string {
  return events.map((e) => `event: ${String(e.type)}\ndata: ${JSON.stringify(e)}\n\n`).join('');
}

const calls = (parts: ContentPart[] | undefined) =>
  (parts ?? []).filter((p): p is ToolCallPart => p.kind === 'tool-call');
const texts = (parts: ContentPart[] | undefined) =>
  (parts ?? [])
    .filter((p) => p.kind === 'text')
    .map((p) => (p as { text: string }).text)
    .join('');

describe('OpenAI Responses detection', () => {
  it('recognises the create path, Azure and xAI hosts, and the body shape behind a proxy', () => {
    const plain = exchange('https://api.openai.com/v1/responses', { model: 'gpt-5', input: 'hi' }, '{}');
    expect(adapter.detect(plain)).toBeGreaterThan(0.8);
    expect(
      adapter.detect(exchange('https://x.openai.azure.com/openai/v1/responses', { input: 'hi' }, '{}')),
    ).toBeGreaterThan(0.8);
    const proxied = exchange(
      'https://proxy.local/llm',
      { model: 'm', input: [{ role: 'user', content: 'hi' }] },
      '{}',
    );
    expect(adapter.detect(proxied)).toBeGreaterThan(0);
    const chat = exchange('https://api.openai.com/v1/chat/completions', { model: 'm', messages: [] }, '{}');
    expect(adapter.detect(chat)).toBe(0);
    const survey = exchange('https://forms.example/api/surveys/7/responses', { answer: 'yes' }, '{}');
    expect(adapter.detect(survey)).toBe(0);
    const embeddings = exchange(
      'https://proxy.local/v1/embeddings',
      { model: 'text-embedding-3-small', input: 'hi' },
      '{}',
    );
    expect(adapter.detect(embeddings)).toBe(0);
    expect(adapter.read(exchange('https://api.x.ai/v1/responses', { input: 'x' }, '{}')).apiLabel).toContain(
      'xAI',
    );
  });
});

describe('OpenAI Responses request', () => {
  it('reads instructions, input items, and function, built-in and MCP tools', () => {
    const request = {
      model: 'gpt-5',
      instructions: 'Be brief.',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Weather?' },
            { type: 'input_image', image_url: 'data:image/png;base64,AAAA' },
          ],
        },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'Need the tool.' }] },
        { type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '{"city":"Rome"}' },
        { type: 'function_call_output', call_id: 'call_1', output: '20 C' },
        { type: 'item_reference', id: 'msg_9' },
        { type: 'brand_new_item', x: 1 },
      ],
      tools: [
        { type: 'function', name: 'weather', description: 'Get weather', parameters: { type: 'object' } },
        { type: 'web_search_preview' },
        { type: 'mcp', server_label: 'deepwiki', server_url: 'https://mcp.example' },
      ],
      temperature: 0.2,
      stream: true,
    };
    const llm = adapter.read(exchange('https://api.openai.com/v1/responses', request, '{}'));
    const messages = llm.request!.messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant']);
    expect(messages[1]!.parts[1]).toEqual({
      kind: 'image',
      source: { kind: 'inline', mimeType: 'image/png', base64: 'AAAA' },
    });
    expect(messages[2]!.parts[0]).toMatchObject({ kind: 'reasoning', text: 'Need the tool.' });
    expect(calls(messages[2]!.parts)[0]).toMatchObject({
      id: 'call_1',
      name: 'weather',
      arguments: { city: 'Rome' },
    });
    expect(messages[3]!.parts[0]).toEqual({
      kind: 'tool-result',
      callId: 'call_1',
      content: [{ kind: 'text', text: '20 C' }],
    });
    expect(messages[4]!.parts.map((p) => p.kind)).toEqual(['unknown', 'unknown']);
    expect(llm.request!.tools.map((t) => [t.name, t.type])).toEqual([
      ['weather', 'function'],
      ['web_search_preview', 'web_search_preview'],
      ['mcp:deepwiki', 'mcp'],
    ]);
    expect(llm.request!.params.temperature).toBe(0.2);
    expect(llm.request!.stream).toBe(true);
  });
});

describe('OpenAI Responses non-streamed response', () => {
  it('reads text, calls, server calls, usage with cache and reasoning tokens, and timing', () => {
    const response = {
      id: 'resp_1',
      object: 'response',
      created_at: 100,
      completed_at: 103,
      status: 'completed',
      model: 'gpt-5-2025',
      output: [
        { type: 'reasoning', id: 'rs', summary: [] },
        {
          type: 'web_search_call',
          id: 'ws_1',
          status: 'completed',
          action: { type: 'search', query: 'tokyo', sources: [{ type: 'url', url: 'https://a.example' }] },
        },
        { type: 'function_call', id: 'fc', call_id: 'call_2', name: 'add', arguments: '{"a":1' },
        {
          type: 'message',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'Done.', annotations: [] }],
        },
      ],
      usage: {
        input_tokens: 10,
        output_tokens: 5,
        total_tokens: 15,
        input_tokens_details: { cached_tokens: 4 },
        output_tokens_details: { reasoning_tokens: 3 },
      },
    };
    const llm = adapter.read(
      exchange('https://api.openai.com/v1/responses', { input: 'x' }, JSON.stringify(response)),
    );
    const parts = llm.response!.message!.parts;
    expect(texts(parts)).toBe('Done.');
    const [server, client] = calls(parts);
    expect(server).toMatchObject({
      name: 'web_search_call',
      server: true,
      arguments: { action: { query: 'tokyo' } },
    });
    // Sources are what the search found: part of the result, not of the call's arguments.
    expect(server!.arguments).toEqual({ action: { type: 'search', query: 'tokyo' } });
    expect(server!.serverResult).toMatchObject({
      status: 'completed',
      sources: [{ url: 'https://a.example' }],
    });
    expect(client).toMatchObject({ id: 'call_2', name: 'add' });
    expect(client!.argumentsError).toBeTruthy();
    expect(llm.response!.finishReason).toBe('completed');
    expect(llm.response!.usage).toMatchObject({
      inputTokens: 10,
      outputTokens: 5,
      cacheReadTokens: 4,
      reasoningTokens: 3,
    });
    expect(llm.response!.providerTiming).toMatchObject({ totalMs: 3000 });
    expect(llm.response!.id).toBe('resp_1');
  });

  it('spells incomplete and failed statuses and reads HTTP error bodies', () => {
    const incomplete = {
      object: 'response',
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      output: [],
    };
    expect(
      adapter.read(
        exchange('https://api.openai.com/v1/responses', { input: 'x' }, JSON.stringify(incomplete)),
      ).response!.finishReason,
    ).toBe('incomplete:max_output_tokens');
    const failed = {
      object: 'response',
      status: 'failed',
      error: { code: 'server_error', message: 'boom' },
      output: [],
    };
    const failedLlm = adapter.read(
      exchange('https://api.openai.com/v1/responses', { input: 'x' }, JSON.stringify(failed)),
    );
    expect(failedLlm.response).toMatchObject({
      finishReason: 'failed',
      error: { message: 'boom', code: 'server_error' },
    });
    const http = adapter.read(
      exchange(
        'https://api.openai.com/v1/responses',
        { input: 'x' },
        '{"error":{"message":"Bad temp","type":"invalid_request_error","code":"x"}}',
        400,
      ),
    );
    expect(http.response).toMatchObject({ message: null, error: { message: 'Bad temp' } });
  });
});

describe('OpenAI Responses stream', () => {
  const created = {
    type: 'response.created',
    response: { id: 'r', status: 'in_progress', model: 'gpt-5', created_at: 1 },
  };
  const completed = (extra: Record<string, unknown> = {}) => ({
    type: 'response.completed',
    response: {
      id: 'r',
      status: 'completed',
      created_at: 1,
      completed_at: 2,
      output: [],
      usage: { input_tokens: 7, output_tokens: 3 },
      ...extra,
    },
  });

  it('assembles text, reasoning summary and function-call fragments into the message', () => {
    const events = [
      created,
      { type: 'response.output_item.added', item: { id: 'rs', type: 'reasoning', summary: [] } },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs', delta: 'Think' },
      { type: 'response.reasoning_summary_text.delta', item_id: 'rs', delta: 'ing' },
      {
        type: 'response.output_item.added',
        item: { id: 'fc', type: 'function_call', call_id: 'call_9', name: 'weather', arguments: '' },
      },
      { type: 'response.function_call_arguments.delta', item_id: 'fc', delta: '{"city":' },
      { type: 'response.function_call_arguments.delta', item_id: 'fc', delta: '"Rome"}' },
      { type: 'response.function_call_arguments.done', item_id: 'fc', arguments: '{"city":"Rome"}' },
      { type: 'response.output_text.delta', item_id: 'msg', delta: 'Hel' },
      { type: 'response.output_text.delta', item_id: 'msg', delta: 'lo' },
      completed({
        output: [
          {
            type: 'message',
            id: 'msg',
            content: [
              {
                type: 'output_text',
                text: 'Hello',
                annotations: [{ type: 'url_citation', url: 'https://a.example' }],
              },
            ],
          },
        ],
      }),
    ];
    const llm = adapter.read(
      exchange(
        'https://api.openai.com/v1/responses',
        { input: 'x', stream: true },
        sse(events),
        200,
        'text/event-stream',
      ),
    );
    const parts = llm.response!.message!.parts;
    expect(parts[0]).toMatchObject({ kind: 'reasoning', text: 'Thinking' });
    expect(calls(parts)).toEqual([
      expect.objectContaining({ id: 'call_9', name: 'weather', arguments: { city: 'Rome' } }),
    ]);
    expect(texts(parts)).toBe('Hello');
    expect(parts.find((p) => p.kind === 'text')).toMatchObject({
      citations: [{ type: 'url_citation', url: 'https://a.example' }],
    });
    expect(llm.response).toMatchObject({
      finishReason: 'completed',
      usage: { inputTokens: 7, outputTokens: 3 },
      providerTiming: { totalMs: 1000 },
    });
    expect(llm.deltas.filter((d) => d.kind === 'tool-call-args')).toHaveLength(2);
    expect(llm.stream?.events).toHaveLength(events.length);
  });

  it('takes text and arguments from .done events when no deltas came, and reports server tool results', () => {
    const events = [
      created,
      {
        type: 'response.output_item.added',
        item: { id: 'mcp_1', type: 'mcp_call', name: 'ask_question', arguments: '' },
      },
      { type: 'response.mcp_call_arguments.done', item_id: 'mcp_1', arguments: '{"q":1}' },
      {
        type: 'response.output_item.done',
        item: { id: 'mcp_1', type: 'mcp_call', name: 'ask_question', arguments: '{"q":1}', output: 'answer' },
      },
      {
        type: 'response.output_item.done',
        item: { id: 'm', type: 'message', content: [{ type: 'output_text', text: 'Only done' }] },
      },
      completed(),
    ];
    const llm = adapter.read(
      exchange('https://api.openai.com/v1/responses', { input: 'x' }, sse(events), 200, 'text/event-stream'),
    );
    const parts = llm.response!.message!.parts;
    expect(calls(parts)[0]).toMatchObject({
      name: 'ask_question',
      server: true,
      arguments: { q: 1 },
      serverResult: { output: 'answer' },
    });
    expect(texts(parts)).toBe('Only done');
  });

  it('reports in-stream errors, incomplete status and a stream cut before its terminal event', () => {
    const errored = adapter.read(
      exchange(
        'https://api.openai.com/v1/responses',
        { input: 'x' },
        sse([created, { type: 'error', code: 'server_error', message: 'overloaded' }]),
        200,
        'text/event-stream',
      ),
    );
    expect(errored.response!.error).toMatchObject({
      message: 'overloaded',
      code: 'server_error',
      eventIndex: 1,
    });
    expect(errored.response!.finishReason).toBeNull();
    const incomplete = {
      type: 'response.incomplete',
      response: { status: 'incomplete', incomplete_details: { reason: 'content_filter' } },
    };
    const cut = adapter.read(
      exchange(
        'https://api.openai.com/v1/responses',
        { input: 'x' },
        sse([created, incomplete]),
        200,
        'text/event-stream',
      ),
    );
    expect(cut.response!.finishReason).toBe('incomplete:content_filter');
    const failed = {
      type: 'response.failed',
      response: { status: 'failed', error: { code: 'rate_limit', message: 'slow down' } },
    };
    const failedLlm = adapter.read(
      exchange(
        'https://api.openai.com/v1/responses',
        { input: 'x' },
        sse([created, failed]),
        200,
        'text/event-stream',
      ),
    );
    expect(failedLlm.response).toMatchObject({ finishReason: 'failed', error: { message: 'slow down' } });
  });
});

describe('OpenAI Responses background mode and built-in outputs', () => {
  it('reads a queued background response and the polled GET /v1/responses/{id}', () => {
    const queued = adapter.read(
      exchange(
        'https://api.openai.com/v1/responses',
        { input: 'x', background: true },
        '{"id":"resp_b","object":"response","status":"queued","background":true,"output":[]}',
      ),
    );
    expect(queued.response).toMatchObject({ finishReason: 'queued', id: 'resp_b' });
    expect(queued.request!.params.background).toBe(true);
    const poll: HttpExchange = exchange(
      'https://api.openai.com/v1/responses/resp_b',
      null,
      '{"id":"resp_b","object":"response","status":"completed","output":[{"type":"message","content":[{"type":"output_text","text":"Late"}]}]}',
    );
    poll.request = { ...poll.request, method: 'GET' };
    expect(adapter.detect(poll)).toBeGreaterThan(0.8);
    const polled = adapter.read(poll);
    expect(polled.request).toBeNull();
    expect(texts(polled.response!.message!.parts)).toBe('Late');
  });

  it('shows a generated image and keeps output items a stream cannot express', () => {
    const image = {
      object: 'response',
      status: 'completed',
      output: [{ type: 'image_generation_call', id: 'ig_1', status: 'completed', result: 'iVBORw0KGgo=' }],
    };
    const parts = adapter.read(
      exchange('https://api.openai.com/v1/responses', { input: 'draw' }, JSON.stringify(image)),
    ).response!.message!.parts;
    expect(calls(parts)[0]).toMatchObject({ name: 'image_generation_call', server: true });
    expect(parts[1]).toEqual({
      kind: 'image',
      source: { kind: 'inline', mimeType: 'image/png', base64: 'iVBORw0KGgo=' },
    });
    const listing = { type: 'mcp_list_tools', id: 'mcpl', server_label: 'deepwiki', tools: [] };
    const events = [
      { type: 'response.output_item.added', item: listing },
      { type: 'response.output_item.done', item: listing },
      { type: 'response.completed', response: { status: 'completed', output: [listing] } },
    ];
    const streamed = adapter.read(
      exchange('https://api.openai.com/v1/responses', { input: 'x' }, sse(events), 200, 'text/event-stream'),
    );
    // mcp_list_tools is no call and no text: the list of tools offered (issue 18).
    expect(streamed.response!.message!.parts).toEqual([
      { kind: 'tool-list', server: 'mcp:deepwiki', tools: [] },
    ]);
  });
});
