import { describe, expect, it } from 'vitest';
import { CurlParseError, looksLikeCurl, parseCurlCommand } from './curl-command';

describe('parseCurlCommand', () => {
  it('reads a multi-line "Copy as cURL" command', () => {
    const { request, ignored } = parseCurlCommand(
      `curl 'https://api.openai.com/v1/chat/completions' \\\n  -H 'Content-Type: application/json' \\\n  -H "Authorization: Bearer $OPENAI_API_KEY" \\\n  -d '{"model":"gpt-4o","messages":[{"role":"user","content":"it'\\''s"}]}'`,
    );
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.openai.com/v1/chat/completions');
    expect(request.headers).toEqual([
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Authorization', value: 'Bearer $OPENAI_API_KEY' },
    ]);
    expect(request.body?.text).toBe(`{"model":"gpt-4o","messages":[{"role":"user","content":"it's"}]}`);
    expect(request.body?.mimeType).toBe('application/json');
    expect(ignored).toEqual([]);
  });

  it('handles joined short options, --url, --json, -G and several -d', () => {
    expect(parseCurlCommand(`curl -XPUT -H'X-A: 1' --url https://h/p -d a=1 -d b=2`).request).toMatchObject({
      method: 'PUT',
      url: 'https://h/p',
      headers: [{ name: 'X-A', value: '1' }],
      body: { text: 'a=1&b=2' },
    });
    const json = parseCurlCommand(`curl --json '{"a":1}' https://h/p`).request;
    expect(json.headers.map((header) => header.name)).toEqual(['Content-Type', 'Accept']);
    expect(parseCurlCommand(`curl -G -d q=1 https://h/search?x=2`).request).toMatchObject({
      method: 'GET',
      url: 'https://h/search?x=2&q=1',
      body: null,
    });
  });

  it('turns -u into Basic auth and -A into User-Agent, and skips flags that change nothing compared', () => {
    const { request, ignored } = parseCurlCommand(
      `curl -sS -L --compressed -m 30 -u me:pw -A agent/1 https://h/`,
    );
    expect(request.headers).toEqual([
      { name: 'Authorization', value: 'Basic bWU6cHc=' },
      { name: 'User-Agent', value: 'agent/1' },
    ]);
    expect(request.method).toBe('GET');
    expect(ignored).toEqual([]);
  });

  it('removes a header given as "Name:" and stops at a pipe', () => {
    const { request } = parseCurlCommand(`curl -H 'A: 1' -H 'A:' https://h/ | jq .`);
    expect(request.headers).toEqual([]);
    expect(request.url).toBe('https://h/');
  });

  it('says what is wrong with a command it cannot use', () => {
    expect(() => parseCurlCommand('curl -s')).toThrow(CurlParseError);
    expect(() => parseCurlCommand('curl -d @body.json https://h/')).toThrow(/read from a file/);
    expect(() => parseCurlCommand('wget https://h/')).toThrow(/does not start with curl/);
  });

  it('recognizes curl commands', () => {
    expect(looksLikeCurl('  curl https://h/')).toBe(true);
    expect(looksLikeCurl('$ curl https://h/')).toBe(true);
    expect(looksLikeCurl('version: 2')).toBe(false);
  });
});
