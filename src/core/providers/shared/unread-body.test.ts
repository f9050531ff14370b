import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../analyze';
import type { Cassette } from '../../model/http';
import { readExchange } from '../index';
import { jsonExchange } from './json-exchange.test-support';
import { UNREAD_BODY_MAX_CHARS } from './unread-body';

const URL = 'https://api.openai.com/v1/chat/completions';
const REQUEST = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] };
const HTML = '<html><body><h1>502 Bad Gateway</h1></body></html>';

function cassetteOf(...exchanges: ReturnType<typeof jsonExchange>[]): Cassette {
  return {
    fileName: 't.yaml',
    format: 'vcrpy',
    formatVariant: '',
    recorder: null,
    fileDecoding: [],
    exchanges: exchanges.map((e, index) => ({ ...e, index })),
    warnings: [],
  };
}

describe('nothing silently dropped: a body a known adapter could not read', () => {
  it('a 200 from /v1/chat/completions whose body is not JSON is kept, shown and reported', () => {
    const http = jsonExchange(URL, REQUEST, HTML, { mimeType: 'text/html' });
    const llm = readExchange(http);
    expect(llm.response?.unreadBody).toEqual({
      reason: 'the body is not JSON, so OpenAI Chat Completions could not read it',
      text: HTML,
      length: HTML.length,
      mimeType: 'text/html',
      binary: false,
    });
    const analyzed = analyzeCassette(cassetteOf(http));
    const items = analyzed.thread.items.map((i) => i.kind);
    // Where the assistant message would be: after the request's messages.
    expect(items).toEqual(['boundary', 'message', 'unread-body']);
    expect(analyzed.anomalies).toEqual([
      expect.objectContaining({
        kind: 'unreadable-body',
        severity: 'error',
        message: 'the body is not JSON, so OpenAI Chat Completions could not read it; the body is shown raw',
      }),
    ]);
  });

  it('JSON of another shape is kept too, and a long body is cut for the thread', () => {
    const long = JSON.stringify({ unexpected: 'x'.repeat(UNREAD_BODY_MAX_CHARS) });
    const llm = readExchange(jsonExchange(URL, REQUEST, long));
    expect(llm.response?.unreadBody?.reason).toBe(
      'the body is JSON, but not in the shape of an answer from OpenAI Chat Completions',
    );
    expect(llm.response?.unreadBody?.text).toHaveLength(UNREAD_BODY_MAX_CHARS);
    expect(llm.response?.unreadBody?.length).toBe(long.length);
  });

  it('a readable answer, an error body and an empty body are not flagged', () => {
    const ok = {
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' }],
    };
    expect(readExchange(jsonExchange(URL, REQUEST, ok)).response?.unreadBody).toBeUndefined();
    const error = jsonExchange(URL, REQUEST, HTML, { status: 502, mimeType: 'text/html' });
    expect(readExchange(error).response?.unreadBody).toBeUndefined();
    expect(readExchange(jsonExchange(URL, REQUEST, '')).response?.unreadBody).toBeUndefined();
  });

  it('traffic of no known API is not "unread": it is raw HTTP already', () => {
    const llm = readExchange(jsonExchange('https://example.com/graphql', { query: '{a}' }, HTML));
    expect(llm.api).toBe('raw.http');
    expect(llm.response?.unreadBody).toBeUndefined();
  });
});
