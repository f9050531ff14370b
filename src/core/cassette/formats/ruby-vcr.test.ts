import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../index';

describe('Ruby VCR', () => {
  it('reads lower-case methods, {encoding,string}, base64_string, !binary and recorded_at', () => {
    const text = `---
http_interactions:
- request:
    method: post
    uri: https://<OLLAMA_API_BASE>/api/chat
    body:
      encoding: UTF-8
      string: '{"model":"<%= ENV["MODEL"] %>"}'
    headers:
      Content-Type:
      - application/json
  response:
    status:
      code: 200
      message: OK
    headers:
      Content-Type:
      - application/json
    body:
      encoding: ASCII-8BIT
      base64_string: |
        eyJvayI6dHJ1ZX0=
    http_version: '1.1'
  recorded_at: Tue, 01 Nov 2011 04:58:44 GMT
- request:
    method: get
    uri: http://example.com/
    body:
      encoding: US-ASCII
      string: ''
    headers: {}
  response:
    status:
      code: 200
      message: ''
    headers:
      Content-Type:
      - text/plain
    body:
      encoding: ASCII-8BIT
      string: !binary |-
        aGVsbG8=
  recorded_at: Tue, 01 Nov 2011 04:58:45 GMT
recorded_with: VCR 6.4.0
`;
    const cassette = loadCassetteText(text, 'r.yml');
    expect(cassette.format).toBe('ruby-vcr');
    expect(cassette.formatVariant).toBe('ruby-vcr (VCR 6.4.0)');
    expect(cassette.recorder).toBe('VCR 6.4.0');
    const [a, b] = cassette.exchanges;
    expect(a!.request.method).toBe('POST');
    // Placeholders and ERB are data, shown verbatim.
    expect(a!.request.url).toBe('https://<OLLAMA_API_BASE>/api/chat');
    expect(a!.request.body?.text).toBe('{"model":"<%= ENV["MODEL"] %>"}');
    expect(a!.response?.body?.text).toBe('{"ok":true}');
    expect(a!.response?.body?.decoding).toEqual(['base64_string', 'UTF-8']);
    expect(a!.response?.protocol).toBe('HTTP/1.1');
    expect(a!.timing.recordedAt).toBe('Tue, 01 Nov 2011 04:58:44 GMT');
    expect(b!.request.body).toBeNull();
    expect(b!.response?.statusText).toBeNull();
    expect(b!.response?.body?.text).toBe('hello');
    expect(b!.response?.body?.decoding).toEqual(['ruby ASCII-8BIT', 'yaml !binary', 'UTF-8']);
  });

  it('reads the R port: numeric status and flat headers', () => {
    const text = `http_interactions:
- request:
    method: POST
    uri: https://api.openai.com/v1/chat/completions
    body:
      string: '{"model":"gpt-4.1-nano"}'
  response:
    status: 200
    headers:
      content-type: application/json
      access-control-expose-headers:
      - X-Request-ID
      - CF-Ray
    body:
      string: '{"id":"1"}'
  recorded_at: 2026-08-02 22:38:04
recorded_with: VCR-vcr/2.1.0
`;
    const cassette = loadCassetteText(text, 'r.yml');
    expect(cassette.formatVariant).toBe('r-vcr (VCR-vcr/2.1.0)');
    const exchange = cassette.exchanges[0]!;
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.headers).toEqual([
      { name: 'content-type', value: 'application/json' },
      { name: 'access-control-expose-headers', value: 'X-Request-ID' },
      { name: 'access-control-expose-headers', value: 'CF-Ray' },
    ]);
    expect(exchange.timing.recordedAt).toBe('2026-08-02 22:38:04');
  });
});
