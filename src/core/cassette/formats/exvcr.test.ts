import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../index';

/** base64 of `term_to_binary(bytes)`: 131, BINARY_EXT, a 4-byte length, the bytes. */
function termBase64(bytes: Uint8Array): string {
  const out = Buffer.alloc(6 + bytes.length);
  out.set([131, 109]);
  out.writeUInt32BE(bytes.length, 2);
  out.set(bytes, 6);
  return out.toString('base64');
}

function interaction(response: Record<string, unknown>) {
  return {
    request: {
      url: 'https://api.openai.com/v1/chat/completions',
      method: 'post',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"gpt-4o-mini"}',
      options: { receive_timeout: 120000 },
      request_body: '',
    },
    response: { type: 'ok', status_code: 200, ...response },
  };
}

describe('ExVCR', () => {
  it('reads a binary body: base64, Erlang term, gzip, each step named', () => {
    const body = termBase64(gzipSync('{"id":"chatcmpl-1"}'));
    const cassette = loadCassetteText(
      JSON.stringify([interaction({ binary: true, body, headers: { 'content-encoding': 'gzip' } })]),
      'unknown',
    );
    expect(cassette.format).toBe('exvcr');
    expect(cassette.formatVariant).toBe('ExVCR JSON (binary bodies)');
    const [exchange] = cassette.exchanges;
    expect(exchange!.request).toMatchObject({
      method: 'POST',
      url: 'https://api.openai.com/v1/chat/completions',
    });
    expect(exchange!.request.body!.text).toBe('{"model":"gpt-4o-mini"}');
    expect(exchange!.response!.status).toBe(200);
    expect(exchange!.response!.body!.text).toBe('{"id":"chatcmpl-1"}');
    expect(exchange!.response!.body!.decoding).toEqual([
      'ExVCR binary',
      'base64',
      'Erlang term',
      'BINARY_EXT',
      'gzip',
      'UTF-8',
    ]);
  });

  it('reads a text body and headers given as pairs', () => {
    const cassette = loadCassetteText(
      JSON.stringify([
        interaction({ binary: false, body: '{"a":1}', headers: [['content-type', 'application/json']] }),
      ]),
      'x',
    );
    expect(cassette.formatVariant).toBe('ExVCR JSON');
    expect(cassette.exchanges[0]!.response!.headers).toEqual([
      { name: 'content-type', value: 'application/json' },
    ]);
    expect(cassette.exchanges[0]!.response!.body!.text).toBe('{"a":1}');
  });

  it('shows a term it cannot read raw, with a note naming the tag', () => {
    const tuple = Buffer.from([131, 104, 0]).toString('base64');
    const exchange = loadCassetteText(
      JSON.stringify([interaction({ binary: true, body: tuple, headers: {} })]),
      'x',
    ).exchanges[0]!;
    expect(exchange.response!.body!.text).toBe(tuple);
    expect(exchange.warnings.map((w) => w.message).join()).toMatch(/Erlang term .*tag 104/);
  });
});
