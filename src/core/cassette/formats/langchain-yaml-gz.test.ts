import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeAwsEventFrame } from '../../streams';
import { concatBytes } from '../../../lib/bytes';
import { loadCassette } from '../index';

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** A LangChain cassette: gzip over YAML with parallel requests/responses and redacted headers. */
function langchainFile(responseBody: Uint8Array | string): Uint8Array {
  const yaml = `requests:
- body: !!binary |
    ${b64('{"messages":[]}')}
  headers:
    Content-Type:
    - '**REDACTED**'
  method: POST
  uri: https://bedrock-runtime.us-west-2.amazonaws.com/model/m/converse-stream
responses:
- body:
    string: !!binary |
      ${b64(responseBody)}
  headers:
    Content-Type: '**REDACTED**'
  status:
    code: 200
    message: OK
`;
  return new Uint8Array(gzipSync(yaml));
}

describe('LangChain gzip YAML', () => {
  it('pairs requests and responses by position and keeps the redacted headers as recorded', () => {
    const cassette = loadCassette(langchainFile('{"output":{}}'), 'unknown');
    expect(cassette.format).toBe('langchain-yaml-gz');
    expect(cassette.fileDecoding).toEqual(['gzip']);
    const [exchange] = cassette.exchanges;
    expect(exchange!.request.method).toBe('POST');
    expect(exchange!.request.body!.text).toBe('{"messages":[]}');
    expect(exchange!.request.headers).toEqual([{ name: 'Content-Type', value: '**REDACTED**' }]);
    expect(exchange!.response).toMatchObject({ status: 200, statusText: 'OK' });
    expect(exchange!.response!.body!.text).toBe('{"output":{}}');
    // The redacted value is not taken for a media type.
    expect(exchange!.response!.body!.mimeType).toBeNull();
  });

  it('recognizes an AWS event stream from its bytes when Content-Type is redacted', () => {
    const stream = concatBytes([
      encodeAwsEventFrame('messageStart', '{"role":"assistant"}'),
      encodeAwsEventFrame('messageStop', '{"stopReason":"end_turn"}'),
    ]);
    const body = loadCassette(langchainFile(stream), 'x').exchanges[0]!.response!.body!;
    expect(body.mimeType).toBe('application/vnd.amazon.eventstream');
    expect(body.bytes).toEqual(stream);
    expect(body.decoding.at(-1)).toMatch(/AWS event stream \(found from the bytes/);
  });

  it('says when the two lists differ in length', () => {
    const yaml =
      'requests:\n- {method: GET, uri: "https://a.example/"}\n- {method: GET, uri: "https://a.example/2"}\nresponses:\n- {status: {code: 200}}\n';
    const cassette = loadCassette(new TextEncoder().encode(yaml), 'x');
    expect(cassette.exchanges).toHaveLength(2);
    expect(cassette.exchanges[1]!.response).toBeNull();
    expect(cassette.warnings.map((w) => w.message).join()).toMatch(/2 requests but 1 responses/);
  });
});
