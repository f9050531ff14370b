import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../cassette';
import { parseCurlCommand } from '../match/curl-command';
import type { HttpRequest } from '../model/http';
import { propertyRuns } from '../../../tests/support/property-runs';
import { requestToCurl, shellQuote } from './curl-from-request';
import { exchangeCopies } from './exchange-copies';

const SAMPLE = new URL('../../../public/samples/multi_tool_streaming_kimi-k2_together.yaml', import.meta.url);
const SECRETS = new URL('../../../tests/fixtures/secrets/go-vcr-v2.yaml', import.meta.url);
const PLANTED = new URL('../../../tests/fixtures/secrets/planted.json', import.meta.url);

const load = (url: URL) => loadCassette(new Uint8Array(readFileSync(url)), url.pathname);

function request(overrides: Partial<HttpRequest>): HttpRequest {
  return {
    method: 'POST',
    url: 'https://api.example.com/v1',
    headers: [],
    body: null,
    protocol: null,
    ...overrides,
  };
}

describe('shellQuote', () => {
  it('gives back every string, quotes, dollars, backslashes and newlines included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !s.includes('\0')),
        (word) => {
          expect(parse(shellQuote(word))).toEqual([word]);
        },
      ),
      { numRuns: propertyRuns(500) },
    );
    expect(shellQuote("it's $HOME `x` \\n")).toBe(`'it'\\''s $HOME \`x\` \\n'`);
  });
});

describe('requestToCurl', () => {
  it("gives back the sample's first request: method, URL, headers and body byte for byte", () => {
    const first = load(SAMPLE).exchanges[0]!.request;
    const command = requestToCurl(first);
    const parsed = parseCurlCommand(command).request;
    expect(parsed.method).toBe(first.method);
    expect(parsed.url).toBe(first.url);
    expect(parsed.body?.text).toBe(first.body?.text);
    expect(parsed.headers).toEqual(first.headers);
  });

  it('leaves out Content-Length, pseudo-headers and a Content-Encoding already undone', () => {
    const command = requestToCurl(
      request({
        headers: [
          { name: ':authority', value: 'api.example.com' },
          { name: 'Content-Length', value: '2' },
          { name: 'Content-Encoding', value: 'gzip' },
          { name: 'Accept', value: '*/*' },
        ],
        body: {
          text: '{}',
          bytes: null,
          mimeType: 'application/json',
          sizeBytes: 2,
          decoding: ['gzip', 'UTF-8'],
        },
      }),
    );
    expect(parseCurlCommand(command).request.headers).toEqual([{ name: 'Accept', value: '*/*' }]);
  });

  it('pipes a binary body through base64 -d', () => {
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const command = requestToCurl(
      request({ body: { text: null, bytes, mimeType: null, sizeBytes: 4, decoding: ['binary'] } }),
    );
    expect(command).toMatch(/^printf %s AAEC\/w== \| base64 -d \\\n {2}\| curl -X POST /);
    expect(command).toContain('--data-binary @-');
  });
});

describe('exchangeCopies', () => {
  it('masks every planted secret of the request by default, and copies them unmasked on request', () => {
    const exchange = load(SECRETS).exchanges[0]!;
    const planted = (JSON.parse(readFileSync(PLANTED, 'utf8')) as { planted: { secret: string }[] }).planted;
    const inRequest = planted
      .map(({ secret }) => secret)
      .filter((secret) => JSON.stringify(exchange.request).includes(secret));
    expect(inRequest.length).toBeGreaterThan(10);
    const masked = exchangeCopies(exchange, { masked: true });
    for (const secret of inRequest) {
      expect(masked.curl).not.toContain(secret);
      expect(masked.requestHeaders).not.toContain(secret);
    }
    expect(masked.maskedSecrets).toBeGreaterThan(10);
    expect(masked.curl).toMatch(/-H 'authorization: bearer <MASKED_[A-Z_]+_\d+>'/);

    const unmasked = exchangeCopies(exchange, { masked: false });
    expect(parseCurlCommand(unmasked.curl).request.headers).toEqual(exchange.request.headers);
    expect(unmasked.requestHeaders).toContain('authorization: bearer lb-hzX2hAFtfplbtDv0ziIp2D4pWvQE');
    expect(unmasked.maskedSecrets).toBe(0);
  });
});
