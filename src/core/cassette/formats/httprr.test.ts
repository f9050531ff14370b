import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../lib/bytes';
import { CassetteLoadError, loadCassette, loadCassetteText } from '../index';

const enc = (text: string) => new TextEncoder().encode(text);

/** An httprr file from raw request and response bytes, with their byte counts. */
function trace(...records: [Uint8Array, Uint8Array][]): Uint8Array {
  const parts: Uint8Array[] = [enc('httprr trace v1\n')];
  for (const [request, response] of records)
    parts.push(enc(`${request.length} ${response.length}\n`), request, response);
  return concatBytes(parts);
}

const REQUEST = enc(
  'POST https://api.anthropic.com/v1/messages HTTP/1.1\r\nHost: api.anthropic.com\r\nUser-Agent: langchaingo-httprr\nContent-Type: application/json\r\n\r\n{"model":"claude"}',
);

describe('httprr', () => {
  it('reads the request line, headers (CRLF or bare LF), body and status', () => {
    const response = enc('HTTP/2.0 200 OK\r\nContent-Type: application/json\r\n\r\n{"ok":true}');
    const cassette = loadCassette(trace([REQUEST, response]), 'unknown');
    expect(cassette.format).toBe('httprr');
    expect(cassette.formatVariant).toBe('httprr trace v1');
    const [exchange] = cassette.exchanges;
    expect(exchange!.request).toMatchObject({
      method: 'POST',
      url: 'https://api.anthropic.com/v1/messages',
      protocol: 'HTTP/1.1',
    });
    expect(exchange!.request.headers.map((h) => h.name)).toEqual(['Host', 'User-Agent', 'Content-Type']);
    expect(exchange!.request.body?.text).toBe('{"model":"claude"}');
    expect(exchange!.response).toMatchObject({ status: 200, statusText: 'OK', protocol: 'HTTP/2.0' });
    expect(exchange!.response!.body?.text).toBe('{"ok":true}');
    expect(exchange!.timing.durationMs).toBeNull();
    expect(exchange!.sourceLine).toBe(2);
  });

  it('undoes the chunked transfer coding and gzip, and names both steps', () => {
    const gz = new Uint8Array(gzipSync('data: {"type":"ping"}\n\n'));
    const half = Math.floor(gz.length / 2);
    const chunked = concatBytes([
      enc(`${half.toString(16)}\r\n`),
      gz.subarray(0, half),
      enc(`\r\n${(gz.length - half).toString(16)};ext=1\r\n`),
      gz.subarray(half),
      enc('\r\n0\r\n\r\n'),
    ]);
    const response = concatBytes([
      enc(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\nContent-Type: text/event-stream\r\n\r\n',
      ),
      chunked,
    ]);
    const body = loadCassette(trace([REQUEST, response]), 'x').exchanges[0]!.response!.body!;
    expect(body.text).toBe('data: {"type":"ping"}\n\n');
    expect(body.decoding).toEqual([
      'httprr raw HTTP',
      'chunked transfer coding removed (2 chunks)',
      'gzip',
      'UTF-8',
    ]);
  });

  it('reads several records, and the same file given as text', () => {
    const response = enc('HTTP/1.1 403 Forbidden\r\n\r\n{"message":"no"}');
    const bytes = trace([REQUEST, response], [REQUEST, response]);
    expect(loadCassette(bytes, 'a').exchanges.map((e) => e.response?.status)).toEqual([403, 403]);
    expect(loadCassetteText(new TextDecoder().decode(bytes), 'a').exchanges).toHaveLength(2);
  });

  it('finds records by their start lines when an edit changed their length, with a warning', () => {
    const response = enc('HTTP/1.1 200 OK\r\n\r\n{"a":1}');
    const text = new TextDecoder()
      .decode(trace([REQUEST, response], [REQUEST, response]))
      .replaceAll('claude', 'MASKED-MODEL-NAME');
    const cassette = loadCassetteText(text, 'edited');
    expect(cassette.exchanges).toHaveLength(2);
    expect(cassette.exchanges[1]!.request.body?.text).toBe('{"model":"MASKED-MODEL-NAME"}');
    expect(cassette.exchanges[1]!.response!.body?.text).toBe('{"a":1}');
    expect(cassette.warnings.map((w) => w.message).join('\n')).toMatch(/byte counts do not match/);
  });

  it('says where a record header is wrong', () => {
    const error = (() => {
      try {
        loadCassetteText('httprr trace v1\nnot numbers\n', 'bad');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CassetteLoadError);
    expect((error as CassetteLoadError).failure.line).toBe(2);
    expect((error as CassetteLoadError).message).toMatch(/looks like httprr.*line 2/);
  });
});
