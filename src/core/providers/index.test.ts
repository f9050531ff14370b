import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../model/http';
import { encodeAwsEventFrame } from '../streams';
import type { ApiAdapter } from './adapter';
import { adapters, detectAdapter, fallbackAdapter, readExchange } from './index';
import { httpExchange, textBody, noTiming } from '../../../tests/support/exchange-builders';

function sseExchange(url: string, text: string): HttpExchange {
  return httpExchange({
    index: 3,
    url,
    statusText: 'OK',
    responseHeaders: [{ name: 'content-type', value: 'text/event-stream' }],
    responseBody: textBody(text, 'text/event-stream'),
  });
}

const throwing: ApiAdapter = {
  id: 'test.throwing',
  family: 'gemini',
  label: 'Throwing',
  detect: () => 5,
  read: () => {
    throw new Error('boom');
  },
};
const brokenDetect: ApiAdapter = {
  ...throwing,
  id: 'test.broken-detect',
  detect: () => {
    throw new Error('x');
  },
};

describe('adapter registry', () => {
  it('lists the chat-completions adapter and the fallback last', () => {
    expect(adapters.map((a) => a.id)).toContain('openai.chat-completions');
    expect(adapters[adapters.length - 1]).toBe(fallbackAdapter);
    expect(new Set(adapters.map((a) => a.id)).size).toBe(adapters.length);
  });

  it('picks the highest score and ignores adapters whose detect throws', () => {
    const exchange = sseExchange('https://api.openai.com/v1/chat/completions', 'data: {}\n\n');
    expect(detectAdapter(exchange).id).toBe('openai.chat-completions');
    expect(detectAdapter(exchange, [brokenDetect, ...adapters]).id).toBe('openai.chat-completions');
    expect(detectAdapter(exchange, [throwing, ...adapters]).id).toBe('test.throwing');
  });

  it('falls back to the raw reading with a note when the adapter throws', () => {
    const exchange = sseExchange('https://x.test/stream', 'event: tick\ndata: 1\n\n');
    const llm = readExchange(exchange, [throwing, fallbackAdapter]);
    expect(llm.apiFamily).toBe('other');
    expect(llm.notes[0]).toContain('boom');
    expect(llm.stream?.events.map((e) => e.event)).toEqual(['tick']);
  });

  it('shows unknown SSE traffic as framed events', () => {
    const llm = readExchange(sseExchange('https://x.test/events', 'data: a\n\ndata: b\n\n'));
    expect(llm.api).toBe(fallbackAdapter.id);
    expect(llm.request).toBeNull();
    expect(llm.stream?.events).toHaveLength(2);
  });

  it('reads the provider message of an unknown HTTP error (JSON or plain text)', () => {
    const failing = (text: string, mimeType: string): HttpExchange => {
      const exchange = sseExchange('https://x.test/v1/threads/runs', text);
      exchange.response = {
        ...exchange.response!,
        status: 400,
        headers: [],
        body: { text, bytes: null, mimeType, sizeBytes: text.length, decoding: [] },
      };
      return exchange;
    };
    const json = readExchange(
      failing(
        '{"error":{"message":"Run creation requires a Thread","type":"invalid_request_error"}}',
        'application/json',
      ),
    );
    expect(json.apiFamily).toBe('other');
    expect(json.response?.error?.message).toBe('Run creation requires a Thread');
    expect(json.response?.message).toBeNull();
    expect(readExchange(failing('Invalid access token.\n', 'text/plain')).response?.error?.message).toBe(
      'Invalid access token.\n',
    );
  });
});

const URLS = [
  'https://api.openai.com/v1/chat/completions',
  'https://api.openai.com/v1/responses',
  'https://api.anthropic.com/v1/messages',
  'https://generativelanguage.googleapis.com/v1beta/models/g:streamGenerateContent',
  'https://bedrock-runtime.us-east-1.amazonaws.com/model/m/converse-stream',
  'http://localhost:11434/api/chat',
  'https://example.test/anything',
];

function arbitraryExchange(
  url: string,
  request: unknown,
  text: string | null,
  bytes: Uint8Array | null,
  mimeType: string,
  status: number,
): HttpExchange {
  const requestText = JSON.stringify(request) ?? 'null';
  return {
    index: 0,
    request: {
      method: 'POST',
      url,
      headers: [],
      body: {
        text: requestText,
        bytes: null,
        mimeType: 'application/json',
        sizeBytes: requestText.length,
        decoding: [],
      },
      protocol: null,
    },
    response: {
      status,
      statusText: null,
      headers: [{ name: 'Content-Type', value: mimeType }],
      body: { text, bytes, mimeType, sizeBytes: 0, decoding: [] },
      protocol: null,
    },
    timing: noTiming(),
    warnings: [],
  };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Issue 4 invariant: no adapter throws, whatever the bodies and event sequences. */
describe('every registered adapter', () => {
  it('never throws on arbitrary bodies and event sequences (property)', () => {
    const events = fc.array(
      fc.tuple(
        fc.option(
          fc.constantFrom('message_start', 'content_block_delta', 'error', 'response.completed', 'chunk'),
        ),
        fc.jsonValue(),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...URLS),
        fc.jsonValue(),
        fc.jsonValue(),
        events,
        fc.constantFrom(200, 400, 500),
        (url, request, response, list, status) => {
          const sse = list
            .map(([name, data]) => `${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(data)}\n\n`)
            .join('');
          const aws = concat(
            list.map(([name, data]) => encodeAwsEventFrame(name ?? 'chunk', JSON.stringify(data) ?? 'null')),
          );
          const array = `[${list.map(([, data]) => JSON.stringify(data)).join(',')}]`;
          const cases = [
            arbitraryExchange(
              url,
              request,
              JSON.stringify(response) ?? 'null',
              null,
              'application/json',
              status,
            ),
            arbitraryExchange(url, request, sse, null, 'text/event-stream', status),
            arbitraryExchange(url, request, null, aws, 'application/vnd.amazon.eventstream', status),
            arbitraryExchange(url, request, array, null, 'application/json', status),
          ];
          for (const adapter of adapters) {
            for (const c of cases) {
              expect(() => adapter.detect(c), adapter.id).not.toThrow();
              expect(() => adapter.read(c), adapter.id).not.toThrow();
            }
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
