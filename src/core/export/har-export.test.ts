import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '../model/http';
import { emptyTiming } from '../cassette/format-module';
import { cassetteToHar, exchangeToHarEntry } from './har-export';

function exchange(overrides: Partial<HttpExchange> = {}): HttpExchange {
  return {
    index: 0,
    request: {
      method: 'POST',
      url: 'https://api.example/v1/chat?key=abc&x=1',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Cookie', value: 'a=1; b=2' },
      ],
      body: { text: '{"q":1}', bytes: null, mimeType: 'application/json', sizeBytes: 7, decoding: [] },
      protocol: null,
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'content-type', value: 'image/png' }],
      body: {
        text: null,
        bytes: new Uint8Array([137, 80, 78, 71]),
        mimeType: 'image/png',
        sizeBytes: 4,
        decoding: [],
      },
      protocol: 'HTTP/2',
    },
    timing: {
      durationMs: 120,
      durationSource: 'go-vcr-duration',
      waitMs: null,
      receiveMs: null,
      startedAt: null,
      recordedAt: 'Tue, 02 Jan 2024 03:04:05 GMT',
    },
    warnings: [],
    ...overrides,
  };
}

describe('HAR 1.2 export', () => {
  it('writes every field the spec requires', () => {
    const har = cassetteToHar([exchange()], { creatorVersion: '1.0.0' });
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'cassette-viewer', version: '1.0.0' });
    const [entry] = har.log.entries;
    expect(entry?.startedDateTime).toBe('2024-01-02T03:04:05.000Z');
    expect(entry?.time).toBe(120);
    expect(entry?.timings).toMatchObject({ send: 0, wait: 120, receive: 0 });
    expect(entry?.cache).toEqual({});
    expect(entry?.request).toMatchObject({
      method: 'POST',
      httpVersion: 'HTTP/1.1',
      queryString: [
        { name: 'key', value: 'abc' },
        { name: 'x', value: '1' },
      ],
      cookies: [
        { name: 'a', value: '1' },
        { name: 'b', value: '2' },
      ],
      headersSize: -1,
      bodySize: 7,
      postData: { mimeType: 'application/json', text: '{"q":1}', params: [] },
    });
    expect(entry?.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/2',
      redirectURL: '',
    });
  });
  it('writes a binary body as base64 with encoding "base64"', () => {
    const entry = exchangeToHarEntry(exchange());
    expect(entry.response.content).toEqual({
      size: 4,
      mimeType: 'image/png',
      text: 'iVBORw==',
      encoding: 'base64',
    });
  });
  it('says in the entry what the cassette did not record', () => {
    const entry = exchangeToHarEntry(
      exchange({
        response: null,
        timing: emptyTiming(),
      }),
    );
    expect(entry.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
    expect(entry.time).toBe(0);
    expect(entry.comment).toMatch(/start time not recorded; duration not recorded; no response recorded/);
    expect(entry.response.status).toBe(0);
  });
  it('masks every recorded string it writes', () => {
    const entry = exchangeToHarEntry(exchange(), (text) => text.replace(/abc|1/g, '<M>'));
    expect(entry.request.url).toBe('https://api.example/v<M>/chat?key=<M>&x=<M>');
    expect(entry.request.queryString[0]).toEqual({ name: 'key', value: '<M>' });
    expect(entry.request.cookies[0]).toEqual({ name: 'a', value: '<M>' });
    expect(entry.request.postData?.text).toBe('{"q":<M>}');
  });
});
