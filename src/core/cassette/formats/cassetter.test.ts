import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../index';

const YAML = `version: 1
interactions:
- request:
    method: POST
    uri: https://api.openai.com/v1/chat/completions
    headers:
      content-type:
      - application/json
    body:
      type: json
      content:
        model: gpt-4o
        stream: false
  response:
    status: 200
    headers:
      content-type:
      - text/event-stream
    body:
      type: text
      content: |
        data: {"choices":[]}

        data: [DONE]
  recorded_at: 2026-03-06T20:14:05.696471+00:00
- request:
    method: PUT
    uri: https://api.example.com/blob
    body:
      type: binary
      content: 7b2261223a317d
  response:
    status: 204
    body:
      type: none
`;

const TOML = `version = 1

[[interactions]]
recorded_at = "2026-02-01T00:00:00Z"

[interactions.request]
method = "POST"
uri = "https://api.example.com/json"
body_type = "json"
body_content = '{"nested":{"active":true}}'

[interactions.request.headers]
content-type = ["application/json"]

[interactions.response]
status = 200
body_type = "text"
body_content = "café"

[interactions.response.headers]
content-type = ["text/plain; charset=utf-8"]
`;

describe('cassetter', () => {
  it('reads typed bodies (json, text, binary as hex, none), the integer status and recorded_at', () => {
    const cassette = loadCassetteText(YAML, 'unknown');
    expect(cassette.format).toBe('cassetter');
    expect(cassette.formatVariant).toBe('cassetter v1 (yaml)');
    const [first, second] = cassette.exchanges;
    expect(JSON.parse(first!.request.body!.text!)).toEqual({ model: 'gpt-4o', stream: false });
    expect(first!.response!.status).toBe(200);
    expect(first!.response!.body!.text).toContain('data: [DONE]');
    // YAML 1.2: the unquoted timestamp stays the string the file wrote.
    expect(first!.timing.recordedAt).toBe('2026-03-06T20:14:05.696471+00:00');
    expect(first!.timing.durationMs).toBeNull();
    expect(second!.request.body!.text).toBe('{"a":1}');
    expect(second!.request.body!.decoding).toEqual(['cassetter {type: binary}', 'hex', 'UTF-8']);
    expect(second!.response).toMatchObject({ status: 204, body: null });
  });

  it('reads the TOML form (body_type / body_content)', () => {
    const cassette = loadCassetteText(TOML, 'unknown');
    expect(cassette.format).toBe('cassetter');
    expect(cassette.formatVariant).toBe('cassetter v1 (toml)');
    const [exchange] = cassette.exchanges;
    expect(exchange!.request.url).toBe('https://api.example.com/json');
    expect(JSON.parse(exchange!.request.body!.text!)).toEqual({ nested: { active: true } });
    expect(exchange!.response!.body!.text).toBe('café');
    expect(exchange!.timing.recordedAt).toBe('2026-02-01T00:00:00Z');
  });

  it('says where a TOML file is broken', () => {
    expect(() => loadCassetteText('version = 1\n[[interactions]\n', 'bad.toml')).toThrow(
      /looks like TOML but cannot be read at line 2/,
    );
  });

  it('leaves go-vcr and vcrpy files with version 1 to their own modules', () => {
    const goVcr =
      'version: 1\ninteractions:\n- request: {url: "https://a.example", method: GET}\n  response: {code: 200, body: ""}\n';
    expect(loadCassetteText(goVcr, 'x').format).toBe('go-vcr-v1');
  });
});
