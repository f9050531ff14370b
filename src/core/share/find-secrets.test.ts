import { describe, expect, it } from 'vitest';
import type { Cassette, HttpExchange, Header } from '../model/http';
import { findSecrets, previewSecret } from './find-secrets';
import { findUnmaskedSecrets, maskCassetteText } from './mask-cassette-text';

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
    timing: {
      durationMs: null,
      durationSource: null,
      waitMs: null,
      receiveMs: null,
      startedAt: null,
      recordedAt: null,
    },
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
