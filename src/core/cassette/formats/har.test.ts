import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../lib/base64';
import { loadCassetteText } from '../index';

const body = '{"data":{"site":{"productVersion":"6.0"}}}';
const gz = new Uint8Array(gzipSync(new TextEncoder().encode(body)));
const chunks = [encodeBase64(gz.subarray(0, 10)), encodeBase64(gz.subarray(10))];

const entry = {
  _id: 'abc',
  _order: 0,
  startedDateTime: '2024-12-09T14:47:36.184Z',
  time: 209.5,
  timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 200, receive: 9.5, ssl: -1 },
  request: {
    method: 'post',
    url: 'https://sourcegraph.com/.api/graphql',
    httpVersion: 'HTTP/1.1',
    headers: [
      { name: 'content-type', value: 'application/json', _fromType: 'array' },
      { name: 'x-multi', value: ['a', 'b'] },
    ],
    postData: { mimeType: 'application/json', text: '{"query":"q"}' },
  },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: 'HTTP/1.1',
    headers: [
      { name: 'content-encoding', value: 'gzip' },
      { name: 'content-type', value: 'application/json' },
    ],
    content: { mimeType: 'application/json', encoding: 'base64', text: JSON.stringify(chunks) },
  },
};

describe('HAR', () => {
  it('reads Polly chunk arrays, header arrays and timings', () => {
    const har = {
      log: { version: '1.2', creator: { name: 'Polly.JS', version: '6.0.6' }, entries: [entry] },
    };
    const cassette = loadCassetteText(JSON.stringify(har, null, 2), 'x.har');
    expect(cassette).toMatchObject({
      format: 'polly',
      formatVariant: 'Polly.JS',
      recorder: 'Polly.JS 6.0.6',
    });
    const exchange = cassette.exchanges[0]!;
    expect(exchange.request.method).toBe('POST');
    expect(exchange.request.headers.map((h) => h.value)).toEqual(['application/json', 'a', 'b']);
    expect(exchange.request.body?.text).toBe('{"query":"q"}');
    expect(exchange.response?.body?.text).toBe(body);
    expect(exchange.response?.body?.decoding).toEqual(['base64 chunks (2)', 'gzip', 'UTF-8']);
    expect(exchange.timing).toMatchObject({
      durationMs: 209.5,
      durationSource: 'har-time',
      waitMs: 200,
      receiveMs: 9.5,
      startedAt: '2024-12-09T14:47:36.184Z',
    });
  });

  it('reads a zero time with zero timings as not measured (Polly.JS writes it when it did not time)', () => {
    const untimed = {
      ...entry,
      time: 0,
      timings: { blocked: -1, connect: -1, dns: -1, receive: 0, send: 0, ssl: -1, wait: 0 },
    };
    const timed = { ...entry, time: 0, timings: { ...entry.timings, wait: 3 } };
    const har = { log: { creator: { name: 'Polly.JS', version: '6.0.6' }, entries: [untimed, timed] } };
    const [first, second] = loadCassetteText(JSON.stringify(har), 'x.har').exchanges;
    expect(first!.timing).toMatchObject({
      durationMs: null,
      durationSource: null,
      waitMs: null,
      receiveMs: null,
    });
    // A measured timing makes the 0 a measurement (HAR 1.2: time is the sum of the timings).
    expect(second!.timing).toMatchObject({ durationMs: 0, waitMs: 3 });
  });

  it('reads .har.yaml with textJSON bodies', () => {
    const yaml = `log:
  creator:
    name: Polly.JS
    version: 6.0.6
  entries:
    - request:
        method: POST
        url: https://x/.api/completions/stream
        headers: []
        postData:
          mimeType: application/json
          textJSON:
            model: claude
            temperature: 0.2
      response:
        status: 200
        headers: []
        content:
          mimeType: text/event-stream
          text: "event: done\\ndata: {}\\n\\n"
      time: 12
`;
    const exchange = loadCassetteText(yaml, 'x.har.yaml').exchanges[0]!;
    expect(JSON.parse(exchange.request.body!.text!)).toEqual({ model: 'claude', temperature: 0.2 });
    expect(exchange.response?.body?.text).toBe('event: done\ndata: {}\n\n');
  });

  it('reads a plain browser HAR 1.2 with base64 content', () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [
          {
            startedDateTime: '2025-01-01T00:00:00.000Z',
            time: -1,
            request: { method: 'GET', url: 'https://x/img.png', headers: [] },
            response: {
              status: 200,
              headers: [],
              content: {
                mimeType: 'image/png',
                encoding: 'base64',
                text: encodeBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
              },
            },
            timings: { wait: 5, receive: -1 },
          },
        ],
      },
    };
    const cassette = loadCassetteText(JSON.stringify(har), 'browser.har');
    expect(cassette).toMatchObject({
      format: 'har',
      formatVariant: 'HAR 1.2',
      recorder: 'WebInspector 537.36',
    });
    const exchange = cassette.exchanges[0]!;
    expect(exchange.response?.body).toMatchObject({ text: null, mimeType: 'image/png', sizeBytes: 4 });
    expect(exchange.timing).toMatchObject({ durationMs: null, waitMs: 5, receiveMs: null });
  });
});
