import { describe, expect, it } from 'vitest';
import type { ContentPart, LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { assembleMessage } from '../assemble-stream';
import { anthropicMessagesAdapter as adapter } from './messages-adapter';
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

describe('Anthropic Messages stream', () => {
  const events = [
    {
      type: 'message_start',
      message: {
        id: 'msg_9',
        model: 'claude-x',
        usage: { input_tokens: 12, output_tokens: 1, cache_read_input_tokens: 3 },
      },
    },
    { type: 'ping' },
    { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm.' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'abc' } },
    { type: 'content_block_stop', index: 0 },
    { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
    { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'Hel' } },
    { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'lo' } },
    { type: 'content_block_stop', index: 1 },
    {
      type: 'content_block_start',
      index: 2,
      content_block: { type: 'tool_use', id: 'toolu_7', name: 'add', input: {} },
    },
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"a":' } },
    { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: ' 2}' } },
    { type: 'content_block_stop', index: 2 },
    {
      type: 'content_block_start',
      index: 3,
      content_block: { type: 'tool_use', id: 'toolu_8', name: 'now', input: {} },
    },
    { type: 'content_block_stop', index: 3 },
    { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 40 } },
    { type: 'message_stop' },
  ];
  const llm = adapter.read(
    exchange(
      URL,
      { model: 'claude-x', stream: true, messages: [] },
      sse(...events),
      200,
      'text/event-stream',
    ),
  );

  it('assembles reasoning with its signature, text, and tool calls from input_json_delta fragments', () => {
    expect(llm.stream!.events).toHaveLength(events.length);
    const [reasoning, text, add, now] = parts(llm);
    expect(reasoning).toEqual({ kind: 'reasoning', text: 'Hmm.', signature: 'abc' });
    expect(text).toEqual({ kind: 'text', text: 'Hello' });
    expect(add).toMatchObject({
      kind: 'tool-call',
      id: 'toolu_7',
      name: 'add',
      argumentsText: '{"a": 2}',
      arguments: { a: 2 },
    });
    // A tool that streamed no input fragment had the `{}` of content_block_start.
    expect(now).toMatchObject({ kind: 'tool-call', id: 'toolu_8', arguments: {} });
  });

  it('takes stop_reason from message_delta and updates message_start usage with it', () => {
    expect(llm.response!.finishReason).toBe('tool_use');
    expect(llm.response!.usage).toMatchObject({ inputTokens: 12, outputTokens: 40, cacheReadTokens: 3 });
    expect(llm.response!.model).toBe('claude-x');
    expect(llm.request!.stream).toBe(true);
  });

  it('lets replay show the message at any event', () => {
    const atEvent7 = assembleMessage(llm.deltas, 7).message.parts;
    expect(atEvent7.map((p) => p.kind)).toEqual(['reasoning', 'text']);
    expect(atEvent7[1]).toEqual({ kind: 'text', text: 'Hel' });
    const atEvent11 = assembleMessage(llm.deltas, 11).message.parts[2];
    expect(atEvent11).toMatchObject({ kind: 'tool-call', argumentsText: '{"a":' });
    expect(atEvent11).toHaveProperty('argumentsError');
  });

  it('reports an error event in the middle of a stream, with its event index', () => {
    const broken = sse(events[0]!, events[6]!, events[7]!, {
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    const cut = adapter.read(exchange(URL, { model: 'm', messages: [] }, broken, 200, 'text/event-stream'));
    expect(cut.response!.error).toEqual({
      message: 'Overloaded',
      type: 'overloaded_error',
      code: null,
      eventIndex: 3,
    });
    expect(cut.deltas.filter((d) => d.kind === 'error')).toHaveLength(1);
    expect(parts(cut)).toEqual([{ kind: 'text', text: 'Hel' }]);
    expect(cut.response!.finishReason).toBeNull();
  });
});

describe('Anthropic stream notes', () => {
  it('notes a stream that ends without message_stop, and not a complete one', () => {
    const start = { type: 'message_start', message: { usage: { input_tokens: 1 } } };
    const cut = adapter.read(
      exchange(URL, { model: 'm', messages: [] }, sse(start), 200, 'text/event-stream'),
    );
    expect(cut.notes).toContain('stream ended without message_stop');
    const whole = adapter.read(
      exchange(
        URL,
        { model: 'm', messages: [] },
        sse(start, { type: 'message_stop' }),
        200,
        'text/event-stream',
      ),
    );
    expect(whole.notes).not.toContain('stream ended without message_stop');
  });
});

describe('Anthropic stream block indexes', () => {
  it('reads a delta whose index is an object with a null toString (found by test:fuzz)', () => {
    // JSON.parse gives `{"toString":null}` an own toString property, so String() of it throws.
    const hostile = `event: content_block_delta\ndata: {"type":"content_block_delta","index":[{"toString":null}]}\n\n`;
    const read = () =>
      adapter.read(exchange(URL, { model: 'm', messages: [] }, hostile, 200, 'text/event-stream'));
    expect(read).not.toThrow();
  });
});

describe('Anthropic stream citations', () => {
  it('puts citations_delta citations on the text part their block became', () => {
    const cite = (n: number) => ({
      type: 'web_search_result_location',
      url: `https://example.com/${n}`,
      cited_text: `fact ${n}`,
    });
    const events = [
      { type: 'message_start', message: { usage: { input_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Let me search.' } },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'server_tool_use', id: 'srv_1', name: 'web_search', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: '{"query":"x"}' },
      },
      { type: 'content_block_stop', index: 1 },
      {
        type: 'content_block_start',
        index: 2,
        content_block: { type: 'web_search_tool_result', tool_use_id: 'srv_1', content: [] },
      },
      { type: 'content_block_stop', index: 2 },
      { type: 'content_block_start', index: 3, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 3, delta: { type: 'citations_delta', citation: cite(1) } },
      { type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'Fact one.' } },
      { type: 'content_block_stop', index: 3 },
      { type: 'content_block_start', index: 4, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 4, delta: { type: 'text_delta', text: ' And more.' } },
      { type: 'content_block_stop', index: 4 },
      { type: 'content_block_start', index: 5, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 5, delta: { type: 'citations_delta', citation: cite(2) } },
      { type: 'content_block_delta', index: 5, delta: { type: 'text_delta', text: ' Fact two.' } },
      { type: 'message_stop' },
    ];
    const llm = adapter.read(
      exchange(URL, { model: 'm', messages: [] }, sse(...events), 200, 'text/event-stream'),
    );
    const parts = llm.response!.message!.parts;
    expect(parts.map((p) => p.kind)).toEqual(['text', 'tool-call', 'text']);
    expect(parts[0]).toEqual({ kind: 'text', text: 'Let me search.' });
    expect(parts[1]).toMatchObject({ kind: 'tool-call', server: true, serverResult: [] });
    expect(parts[2]).toEqual({
      kind: 'text',
      text: 'Fact one. And more. Fact two.',
      citations: [cite(1), cite(2)],
    });
  });
});
