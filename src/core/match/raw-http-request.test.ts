import { describe, expect, it } from 'vitest';
import { looksLikeRawRequest, parseRawRequest, RawRequestParseError } from './raw-http-request';

describe('parseRawRequest', () => {
  it('reads an origin-form request with Host, and keeps Host and Content-Length out of the headers', () => {
    const { request, notes } = parseRawRequest(
      'POST /v1/messages?beta=true HTTP/1.1\r\nHost: api.anthropic.com\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{"a":1}\n',
    );
    expect(request).toMatchObject({
      method: 'POST',
      url: 'https://api.anthropic.com/v1/messages?beta=true',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      body: { text: '{"a":1}', mimeType: 'application/json' },
      protocol: 'HTTP/1.1',
    });
    expect(notes).toEqual(['The request names no scheme; https is assumed.']);
  });

  it('reads an absolute-form request without a version or body', () => {
    const { request, notes } = parseRawRequest('GET http://localhost:11434/api/tags\n');
    expect(request).toMatchObject({
      method: 'GET',
      url: 'http://localhost:11434/api/tags',
      body: null,
      protocol: null,
    });
    expect(notes).toEqual([]);
  });

  it('drops the final line break of a body without Content-Length, and says so', () => {
    const { request, notes } = parseRawRequest('POST http://h/ HTTP/1.1\n\nhello\n');
    expect(request.body?.text).toBe('hello');
    expect(notes[0]).toMatch(/final line break/);
  });

  it('says which line is wrong', () => {
    expect(() => parseRawRequest('POST /x HTTP/1.1\nno colon here\n\n')).toThrow(/Line 2/);
    expect(() => parseRawRequest('POST /x HTTP/1.1\n\n')).toThrow(RawRequestParseError);
    expect(looksLikeRawRequest('interactions:\n- request:')).toBe(false);
    expect(looksLikeRawRequest('DELETE /v1/files/1 HTTP/2')).toBe(true);
  });
});
