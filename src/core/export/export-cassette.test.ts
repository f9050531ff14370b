import { describe, expect, it } from 'vitest';
import { loadCassette } from '../cassette';
import { exportBaseName, exportCassette } from './export-cassette';

const KEY = 'sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** A go-vcr cassette with a key in a header and in the user's text, and a bidi override. */
const CASSETTE = `version: 2
interactions:
  - request:
      url: https://openrouter.ai/api/v1/chat/completions
      method: POST
      headers:
        Authorization: ["Bearer ${KEY}"]
        Content-Type: [application/json]
      body: '{"model":"m","messages":[{"role":"user","content":"my key is ${KEY} *really* \\u202e"}]}'
    response:
      code: 200
      headers:
        Content-Type: [application/json]
      body: '{"id":"x","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"Hi <b>there</b>"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}'
`;

function exportAs(to: 'md' | 'har', mask = true) {
  const cassette = loadCassette(new TextEncoder().encode(CASSETTE), 'tests/chat.yaml');
  return exportCassette(cassette, { to, mask, creatorVersion: '9.9.9', fileText: CASSETTE });
}

describe('exportCassette', () => {
  it('masks the transcript before escaping, and escapes the user text', () => {
    const result = exportAs('md');
    expect(result.text).not.toContain(KEY.slice(10, 40));
    expect(result.text).toContain('MASKED');
    expect(result.text).toContain('\\*really\\*');
    expect(result.text).toContain('⟨U+202E⟩');
    expect(result.text).toContain('Hi &lt;b>there&lt;/b>');
    expect(result.text).toMatch(/finish reason `stop` · usage 3 in · 2 out/);
    expect(result.downloadName).toBe('chat.transcript.md');
    expect(result.mimeType).toBe('text/markdown');
    expect(result.secretsMasked).toBeGreaterThan(0);
  });
  it('masks the HAR and names it after the cassette', () => {
    const result = exportAs('har');
    expect(result.text).not.toContain(KEY.slice(10, 40));
    const har = JSON.parse(result.text) as { log: { creator: { version: string }; comment: string } };
    expect(har.log.creator.version).toBe('9.9.9');
    expect(har.log.comment).toMatch(/Secrets masked/);
    expect(result.downloadName).toBe('chat.har');
    expect(result.text).toContain('\\u202e');
  });
  it('keeps the secrets when asked, and says so in the name', () => {
    const result = exportAs('har', false);
    expect(result.text).toContain(KEY);
    expect(result.downloadName).toBe('chat.unmasked.har');
  });
  it('names exports from the cassette, without its extensions or unsafe characters', () => {
    expect(exportBaseName('a/b/rec.har.yaml')).toBe('rec');
    expect(exportBaseName('x.yaml.gz')).toBe('x');
    expect(exportBaseName('..\u202e.yaml')).toBe('_');
    expect(exportBaseName('')).toBe('cassette');
  });
});
