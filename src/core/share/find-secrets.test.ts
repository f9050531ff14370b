import { describe, expect, it } from 'vitest';
import type { Cassette, HttpExchange, Header } from '../model/http';
import { findSecrets, previewSecret } from './find-secrets';
import { findUnmaskedSecrets, maskCassetteText } from './mask-cassette-text';
import { noTiming } from '../../../tests/support/exchange-builders';

function exchange(
  index: number,
  url: string,
  headers: Header[],
  body = '',
  responseHeaders: Header[] = [],
): HttpExchange {
  const text = (t: string) => ({
    text: t,
    bytes: null,
    mimeType: 'application/json',
    sizeBytes: t.length,
    decoding: [],
  });
  return {
    index,
    request: { method: 'POST', url, headers, body: body ? text(body) : null, protocol: null },
    response: { status: 200, statusText: 'OK', headers: responseHeaders, body: null, protocol: null },
    timing: noTiming(),
    warnings: [],
  };
}

function cassette(exchanges: HttpExchange[]): Cassette {
  return {
    fileName: 'x.yaml',
    format: 'go-vcr-v2',
    formatVariant: 'version 2',
    recorder: null,
    fileDecoding: [],
    exchanges,
    warnings: [],
  };
}

const KEY = 'sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123';

describe('findSecrets', () => {
  it('finds credential headers, account ids, query keys and key-shaped body strings', () => {
    const c = cassette([
      exchange(
        0,
        'https://generativelanguage.googleapis.com/v1/models?key=AIzaSyA-1234567890abcdefghijklmnopqrstu&alt=sse',
        [
          { name: 'Authorization', value: `Bearer ${KEY}` },
          { name: 'OpenAI-Organization', value: 'org-abcdefghijklmnop1234' },
          { name: 'x-goog-api-key', value: 'goog-secret-value' },
          { name: 'Content-Type', value: 'application/json' },
        ],
        `{"note":"aws AKIAABCDEFGHIJKLMNOP and ${KEY}"}`,
        [{ name: 'Set-Cookie', value: '__cf_bm=abc123xyz; path=/' }],
      ),
    ]);
    const found = findSecrets(c);
    const secrets = found.map((f) => f.secret);
    expect(secrets).toContain(KEY);
    expect(secrets).toContain('org-abcdefghijklmnop1234');
    expect(secrets).toContain('goog-secret-value');
    expect(secrets).toContain('AIzaSyA-1234567890abcdefghijklmnopqrstu');
    expect(secrets).toContain('AKIAABCDEFGHIJKLMNOP');
    expect(secrets).toContain('__cf_bm=abc123xyz; path=/');
    expect(secrets).not.toContain('application/json');
    // The same secret in a header and a body is one finding with one placeholder.
    expect(found.filter((f) => f.secret === KEY)).toHaveLength(1);
    expect(found.find((f) => f.secret === KEY)?.occurrences).toBe(2);
  });

  it('leaves placeholders that recorders already wrote', () => {
    const c = cassette([
      exchange(0, 'https://api.x/v1', [
        { name: 'Authorization', value: 'Bearer <API_KEY>' },
        { name: 'x-api-key', value: 'REDACTED' },
      ]),
    ]);
    expect(findSecrets(c)).toEqual([]);
  });

  it('previews without revealing the secret', () => {
    expect(previewSecret(KEY)).toBe(`sk-p…23 (${KEY.length} chars)`);
    expect(previewSecret('short')).toBe('•••••');
  });
});

describe('maskCassetteText', () => {
  it('replaces each secret with the same placeholder everywhere, in place', () => {
    const c = cassette([
      exchange(
        0,
        'https://api.openai.com/v1/chat/completions',
        [{ name: 'Authorization', value: `Bearer ${KEY}` }],
        `{"k":"${KEY}"}`,
      ),
    ]);
    const findings = findSecrets(c);
    const text = `headers:\n  Authorization:\n    - Bearer ${KEY}\nbody: '{"k":"${KEY}"}'\n`;
    const masked = maskCassetteText(text, findings);
    expect(masked.method).toBe('in place');
    expect(masked.text).not.toContain(KEY);
    const placeholder = findings[0]!.placeholder;
    expect(masked.text.split(placeholder)).toHaveLength(3);
  });

  it('re-serializes a YAML document when a secret is folded across lines', () => {
    const cookie = 'session=abc123; theme=dark';
    const findings = findSecrets(cassette([exchange(0, 'https://x/y', [{ name: 'Cookie', value: cookie }])]));
    const text = 'headers:\n  Cookie:\n    - session=abc123;\n      theme=dark\n';
    const masked = maskCassetteText(text, findings);
    expect(masked.method).toBe('re-serialized');
    expect(masked.text).not.toContain('abc123');
  });

  it('reports secrets that survive in a reloaded cassette', () => {
    const c = cassette([exchange(3, 'https://x/y', [], `{"k":"${KEY}"}`)]);
    const findings = findSecrets(c);
    expect(findUnmaskedSecrets(c, findings).map((u) => u.exchanges)).toEqual([[3]]);
  });
});

describe('findSecrets with the file text', () => {
  it('reads credentials the model does not: HAR cookies, params, YAML comments, unread fields', () => {
    const har = JSON.stringify({
      log: {
        comment: 'sk-proj-InALogComment0123456789',
        entries: [
          {
            request: {
              cookies: [{ name: 'sid', value: 'cookie-value-123' }],
              queryString: [{ name: 'api-key', value: 'qs-value/4567' }],
              postData: {
                params: [
                  { name: 'client_secret', value: 'param-secret-89' },
                  { name: 'grant_type', value: 'refresh_token' },
                ],
              },
            },
          },
        ],
      },
    });
    const secrets = findSecrets(cassette([]), har).map((f) => f.secret);
    expect(secrets).toEqual(
      expect.arrayContaining([
        'sk-proj-InALogComment0123456789',
        'cookie-value-123',
        'qs-value/4567',
        'param-secret-89',
      ]),
    );
    // A parameter's value is a secret because of its name, never the other way round.
    expect(secrets).not.toContain('refresh_token');
    const yaml = '# OPENAI_API_KEY=sk-proj-InAYamlComment01234567\ninteractions: []\n';
    expect(findSecrets(cassette([]), yaml).map((f) => f.secret)).toContain('sk-proj-InAYamlComment01234567');
  });

  it('reads form bodies, URL user info, credential query parameters and JSON fields', () => {
    const c = cassette([
      exchange(
        0,
        'https://bot:p%40ss-word1@api.x/v1?token=tok-123456&sig=sig-abcdef&X-Amz-Signature=0a1b2c3d4e',
        [{ name: 'Ocp-Apim-Subscription-Key', value: 'apim-key-0001' }],
        'grant_type=refresh_token&client_secret=cs-0123456&refresh_token=rt-0123456',
        [{ name: 'Access-Control-Allow-Credentials', value: 'true' }],
      ),
      exchange(
        1,
        'https://api.x/v1',
        [],
        '{"auth":{"password":"hunter22","access_token":"at-99999"},"max_tokens":5}',
      ),
    ]);
    const secrets = findSecrets(c).map((f) => f.secret);
    expect(secrets).toEqual(
      expect.arrayContaining(['p@ss-word1', 'tok-123456', 'sig-abcdef', '0a1b2c3d4e', 'apim-key-0001']),
    );
    expect(secrets).toEqual(expect.arrayContaining(['cs-0123456', 'rt-0123456', 'hunter22', 'at-99999']));
    expect(secrets).not.toContain('true');
  });

  it('finds a key split across two stream events and rewrites both events', () => {
    const key = 'sk-proj-SplitAcross0123456789abcdef';
    const chunk = (content: string) =>
      `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content } }] })}\n\n`;
    const sse = chunk('key: ') + chunk(key.slice(0, 12)) + chunk(key.slice(12)) + 'data: [DONE]\n\n';
    const c = cassette([exchange(0, 'https://api.openai.com/v1/chat/completions', [], '{"stream":true}')]);
    c.exchanges[0]!.response!.headers = [{ name: 'Content-Type', value: 'text/event-stream' }];
    c.exchanges[0]!.response!.body = {
      text: sse,
      bytes: null,
      mimeType: 'text/event-stream',
      sizeBytes: sse.length,
      decoding: [],
    };
    const split = findSecrets(c).find((f) => f.secret === key);
    expect(split?.rewrites).toHaveLength(2);
    const masked = maskCassetteText(JSON.stringify({ body: sse }), findSecrets(c)).text;
    expect(masked).not.toContain(key.slice(12));
    expect(masked).toContain(split!.placeholder);
  });
});
