import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../lib/base64';
import { loadCassetteText } from '../index';

describe('vcrpy', () => {
  it('reads bare, {string}, !!binary and null bodies, lists of header values and status maps', () => {
    const gz = encodeBase64(new Uint8Array(gzipSync(new TextEncoder().encode('{"ok":true}'))));
    const text = `interactions:
- request:
    body: '{"model":"gpt-4o"}'
    headers:
      Content-Type:
      - application/json
      X-Dup:
      - a
      - b
    method: post
    uri: https://api.openai.com/v1/chat/completions
  response:
    body:
      string: '{"id":"x"}'
    headers:
      Content-Type:
      - application/json
    status:
      code: 200
      message: OK
- request:
    body: !!binary |
      eyJhIjoxfQ==
    headers: {}
    method: GET
    uri: https://example.com/
  response:
    body:
      string: !!binary |
        ${gz}
    headers:
      Content-Encoding:
      - gzip
      Content-Type:
      - application/json
    status:
      code: 503
      message: Service Unavailable
version: 1
`;
    const cassette = loadCassetteText(text, 'v.yaml');
    expect(cassette.format).toBe('vcrpy');
    expect(cassette.formatVariant).toBe('vcrpy');
    const [a, b] = cassette.exchanges;
    expect(a!.request).toMatchObject({ method: 'POST', url: 'https://api.openai.com/v1/chat/completions' });
    expect(a!.request.body?.text).toBe('{"model":"gpt-4o"}');
    expect(a!.request.headers.filter((h) => h.name === 'X-Dup').map((h) => h.value)).toEqual(['a', 'b']);
    expect(a!.response).toMatchObject({ status: 200, statusText: 'OK' });
    expect(a!.response?.body?.text).toBe('{"id":"x"}');
    expect(a!.timing.durationMs).toBeNull();
    expect(b!.request.body?.text).toBe('{"a":1}');
    expect(b!.response?.status).toBe(503);
    expect(b!.response?.body?.text).toBe('{"ok":true}');
    expect(b!.response?.body?.decoding).toEqual(['vcrpy {string}', 'yaml !!binary', 'gzip', 'UTF-8']);
  });

  it('reads pydantic-ai parsed_body as structured JSON', () => {
    const text = `interactions:
- request:
    headers:
      content-type:
      - application/json
    method: POST
    parsed_body:
      model: claude
      messages:
      - role: user
        content: hi
    uri: https://api.anthropic.com/v1/messages
  response:
    headers:
      content-type:
      - application/json
    parsed_body:
      content:
      - text: hello
        type: text
    status:
      code: 200
      message: OK
version: 1
...
`;
    const cassette = loadCassetteText(text, 'p.yaml');
    expect(cassette.formatVariant).toBe('pydantic-ai parsed_body');
    const exchange = cassette.exchanges[0]!;
    expect(JSON.parse(exchange.request.body!.text!)).toEqual({
      model: 'claude',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(exchange.request.body?.structured).toBeDefined();
    expect(JSON.parse(exchange.response!.body!.text!)).toEqual({
      content: [{ text: 'hello', type: 'text' }],
    });
  });

  it('reads the old httpx layout (status_code, http_version, content)', () => {
    const text = `interactions:
- request:
    body: null
    headers: {}
    method: GET
    uri: https://example.com/a
  response:
    content: '{"a": 1}'
    headers:
      content-type:
      - application/json
    http_version: HTTP/1.1
    status_code: 201
version: 1
`;
    const cassette = loadCassetteText(text, 'h.yaml');
    expect(cassette.formatVariant).toBe('vcrpy (httpx-stub layout: content / status_code)');
    const exchange = cassette.exchanges[0]!;
    expect(exchange.response).toMatchObject({ status: 201, protocol: 'HTTP/1.1' });
    expect(exchange.response?.body?.text).toBe('{"a": 1}');
  });

  it('reads JSON cassettes and multidict istr header keys', () => {
    const json = JSON.stringify(
      {
        interactions: [
          {
            request: { body: null, headers: { Accept: ['*/*'] }, method: 'GET', uri: 'https://x/' },
            response: { body: { string: 'ok' }, headers: {}, status: { code: 200, message: 'OK' } },
          },
        ],
        version: 1,
      },
      null,
      4,
    );
    const fromJson = loadCassetteText(json, 'c.json');
    expect(fromJson.format).toBe('vcrpy');
    expect(fromJson.exchanges[0]!.response?.body?.text).toBe('ok');

    const istr = `interactions:
- request:
    body: null
    headers:
      ? !!python/object/new:multidict._multidict.istr
      - Accept
      : - '*/*'
    method: GET
    uri: https://x/
  response:
    body: {string: ok}
    headers: {}
    status: {code: 200, message: OK}
version: 1
`;
    const exchange = loadCassetteText(istr, 'i.yaml').exchanges[0]!;
    expect(exchange.request.headers).toEqual([{ name: 'Accept', value: '*/*' }]);
    expect(exchange.warnings).toEqual([]);
  });

  it('tells an empty vcrpy cassette from an empty go-vcr one by key order', () => {
    expect(loadCassetteText('interactions: []\nversion: 1\n', 'x').format).toBe('vcrpy');
    expect(loadCassetteText('version: 1\ninteractions: []\n', 'x').format).toBe('go-vcr-v1');
  });
});

describe('vcrpy iterator bodies', () => {
  it('joins builtins.iter byte chunks before undoing the content coding', async () => {
    const { gzipSync: gzip } = await import('node:zlib');
    const gz = new Uint8Array(gzip(new TextEncoder().encode('{"ok":1}')));
    const half = gz.length >> 1;
    const text = `interactions:
- request: {body: null, headers: {}, method: GET, uri: 'https://x/'}
  response:
    body:
      string: !!python/object/apply:builtins.iter
      - - !!binary ${encodeBase64(gz.subarray(0, half))}
        - !!binary ${encodeBase64(gz.subarray(half))}
    headers: {Content-Encoding: [gzip]}
    status: {code: 200, message: OK}
version: 1
`;
    const body = loadCassetteText(text, 'i.yaml').exchanges[0]!.response!.body!;
    expect(body.text).toBe('{"ok":1}');
    expect(body.decoding).toEqual(['vcrpy {string}', 'python iter of 2 byte chunks', 'gzip', 'UTF-8']);
  });
});
