import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../cassette';
import { prepareShare } from './prepare-share';
import { decodeSharePayload } from './share-codec';

const SEED = 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml';
const SECRET = 'sk-or-v1-0123456789abcdef0123456789abcdef';

function seedWithKey(): string {
  return readFileSync(SEED, 'utf8').replace(
    /( {12}Accept:\n)/g,
    `            Authorization:\n              - Bearer ${SECRET}\n$1`,
  );
}

/** The masked share of a go-vcr text, as the Share dialog asks for it. */
function shareMasked(text: string) {
  return prepareShare({
    fileName: 'seed.yaml',
    bytes: new TextEncoder().encode(text),
    mask: true,
    indices: null,
  });
}

describe('prepareShare', () => {
  // Both from the mask-then-scan fuzz test (tests/fuzz), with examples from gitleaks' own rules.
  it('masks a credential URL in a YAML comment (a rule that ends at the end of the text)', () => {
    const text = `# http://cafeb4b3:d3adb33f@enterprise.contribsys.com\n${readFileSync(SEED, 'utf8')}`;
    const result = shareMasked(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.surviving).toEqual([]);
    expect(decodeSharePayload(result.payload ?? '').text).not.toContain('cafeb4b3:d3adb33f');
  });

  it('masks again what masking uncovered: the first of two curl --user secrets', () => {
    const comment =
      '# curl -s --user "j.smith:dB2yF6@qL9vZm1P#4J" "https://api.contoso.org/me" curl --user roger23@gmail.com:pQ9wTxu4Fg https://x.test -v';
    const text = `${comment}\n${readFileSync(SEED, 'utf8')}`;
    const result = shareMasked(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.surviving).toEqual([]);
    const shared = decodeSharePayload(result.payload ?? '').text;
    expect(shared).not.toContain('dB2yF6@qL9vZm1P#4J');
    expect(shared).not.toContain('pQ9wTxu4Fg');
    expect(result.found.length).toBeGreaterThanOrEqual(2);
  });

  it('masks the Authorization header, verifies and encodes a link without the secret', () => {
    const text = seedWithKey();
    expect(text).toContain(SECRET);
    const result = shareMasked(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.found.map((f) => f.label)).toContain('Authorization header');
    expect(result.found[0]?.preview).not.toContain(SECRET);
    expect(result.surviving).toEqual([]);
    expect(result.payload).not.toBeNull();
    const decoded = decodeSharePayload(result.payload ?? '');
    expect(decoded.text).not.toContain(SECRET);
    expect(decoded.text).toContain('Bearer <MASKED_AUTHORIZATION_HEADER_1>');
    expect(loadCassetteText(decoded.text, 'x.yaml').exchanges).toHaveLength(2);
  });

  it('keeps the secret when masking is turned off, and says it is unmasked', () => {
    const result = prepareShare({
      fileName: 'seed.yaml',
      bytes: new TextEncoder().encode(seedWithKey()),
      mask: false,
      indices: null,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.method).toBe('not masked');
    expect(decodeSharePayload(result.payload ?? '').text).toContain(SECRET);
  });

  it('cuts the file to the chosen interaction', () => {
    const result = prepareShare({
      fileName: 'seed.yaml',
      bytes: new TextEncoder().encode(seedWithKey()),
      mask: true,
      indices: [1],
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.interactionCount).toBe(1);
    const cassette = loadCassetteText(decodeSharePayload(result.payload ?? '').text, 'x.yaml');
    expect(cassette.exchanges).toHaveLength(1);
    expect(cassette.exchanges[0]?.request.body?.text).toContain('"role":"tool"');
  });

  it('decompresses a gzip cassette and refuses a link when a secret survives in an encoded body', () => {
    const gz = prepareShare({
      fileName: 'seed.yaml.gz',
      bytes: gzipSync(new TextEncoder().encode(seedWithKey())),
      mask: true,
      indices: null,
    });
    if (!gz.ok) throw new Error(gz.message);
    expect(gz.downloadName).toBe('seed.masked.yaml');
    expect(decodeSharePayload(gz.payload ?? '').text).not.toContain(SECRET);

    // The key only inside a base64 body: the text replacement cannot reach it.
    const hidden = Buffer.from(`{"key":"${SECRET}"}`).toString('base64');
    const text = readFileSync(SEED, 'utf8').replace(
      /body: '\{"messages"/,
      `body: !!binary ${hidden}\n        x_body: '{"messages"`,
    );
    const result = prepareShare({
      fileName: 'b.yaml',
      bytes: new TextEncoder().encode(text),
      mask: true,
      indices: null,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.found.length).toBeGreaterThan(0);
    expect(result.surviving.map((s) => s.calls)).toEqual([[1]]);
    expect(result.payload).toBeNull();
  });

  it('reports a file that is not a cassette', () => {
    const result = prepareShare({
      fileName: 'x.txt',
      bytes: new TextEncoder().encode('hello'),
      mask: true,
      indices: null,
    });
    expect(result.ok).toBe(false);
  });

  it('names the download after the original, in the format’s own extension (issue 14)', () => {
    const bytes = readFileSync(SEED);
    const share = (fileName: string, mask = true) => {
      const result = prepareShare({ fileName, bytes, mask, indices: null });
      if (!result.ok) throw new Error(result.message);
      return result.downloadName;
    };
    expect(share('dir/chat.yaml')).toBe('chat.masked.yaml');
    // A name chosen by a link: its extension is not the format's, so it is replaced.
    expect(share('report.html')).toBe('report.masked.yaml');
    expect(share('report.html', false)).toBe('report.yaml');
    expect(share('cassette')).toBe('cassette.masked.yaml');
  });
});
