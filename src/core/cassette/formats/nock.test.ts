import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../index';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function load(recordings: unknown[]) {
  return loadCassetteText(JSON.stringify(recordings), 'unknown');
}

describe('nock recordings', () => {
  it('reads scope + path, a parsed request body, and a text (SSE) response with rawHeaders as an object', () => {
    const cassette = load([
      {
        scope: 'https://api.openai.com:443',
        method: 'POST',
        path: '/v1/chat/completions',
        body: { model: 'gpt-4o-mini', stream: true },
        status: 200,
        response: 'data: {"choices":[]}\n\ndata: [DONE]\n\n',
        rawHeaders: { 'content-type': 'text/event-stream; charset=utf-8' },
        responseIsBinary: false,
      },
    ]);
    expect(cassette.format).toBe('nock');
    const [exchange] = cassette.exchanges;
    expect(exchange!.request.url).toBe('https://api.openai.com:443/v1/chat/completions');
    expect(JSON.parse(exchange!.request.body!.text!)).toEqual({ model: 'gpt-4o-mini', stream: true });
    expect(exchange!.response!.headers).toEqual([
      { name: 'content-type', value: 'text/event-stream; charset=utf-8' },
    ]);
    expect(exchange!.response!.body!.text).toContain('[DONE]');
    expect(exchange!.timing.durationMs).toBeNull();
  });

  it('joins hex chunks and gunzips them per content-encoding, with rawHeaders as a flat array', () => {
    const gz = gzipSync('{"id":"chatcmpl-1"}');
    const cassette = load([
      {
        scope: 'https://api.openai.com:443',
        method: 'POST',
        path: '/v1/chat/completions',
        status: 200,
        response: [hex(gz.subarray(0, 10)), hex(gz.subarray(10))],
        rawHeaders: ['Content-Type', 'application/json', 'Content-Encoding', 'gzip'],
      },
    ]);
    const body = cassette.exchanges[0]!.response!.body!;
    expect(body.text).toBe('{"id":"chatcmpl-1"}');
    expect(body.decoding).toEqual(['nock hex chunks (2)', 'gzip', 'UTF-8']);
  });

  it('reads a hex string when responseIsBinary, and a parsed JSON response', () => {
    const bytes = new Uint8Array([0, 0, 0, 16, 0, 0, 0, 0]);
    const cassette = load([
      {
        scope: 'https://a.example',
        method: 'post',
        path: '/s',
        status: 200,
        response: hex(bytes),
        responseIsBinary: true,
      },
      { scope: 'https://a.example', method: 'get', path: '/j', status: 404, response: { error: 'no' } },
    ]);
    expect(cassette.exchanges[0]!.response!.body!.bytes).toEqual(bytes);
    expect(cassette.exchanges[1]!.request.method).toBe('GET');
    expect(cassette.exchanges[1]!.response!.status).toBe(404);
    expect(JSON.parse(cassette.exchanges[1]!.response!.body!.text!)).toEqual({ error: 'no' });
  });

  it('is not chosen for other JSON lists', () => {
    expect(() => load([{ name: 'x' }])).toThrow(/not of nock or ExVCR recordings/);
  });
});
