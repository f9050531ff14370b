import fc from 'fast-check';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../tests/support/property-runs';
import { CassetteLoadError } from '../model/errors';
import { loadCassette, loadCassetteText } from './index';

const GO_VCR = `---
version: 2
interactions:
  - id: 0
    request:
      url: https://api.example.com/v1/chat/completions
      method: POST
    response:
      status: 200 OK
      code: 200
      duration: 12ms
`;
const bytesOf = (text: string) => new TextEncoder().encode(text);
/** Property-test cases per property: issue 8's 10,000 in `npm run test:fuzz`, a tenth in `npm test`. */
const FUZZ_RUNS = propertyRuns(10_000);

function failure(load: () => unknown) {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(CassetteLoadError);
    return (error as CassetteLoadError).failure;
  }
  throw new Error('expected a CassetteLoadError');
}

describe('loadCassette whole-file decoding', () => {
  it('reads gzip and zlib (.zz) files and a UTF-8 BOM by content, not by name', () => {
    const plain = loadCassette(bytesOf(GO_VCR), 'a.yaml');
    const gz = loadCassette(new Uint8Array(gzipSync(bytesOf(GO_VCR))), 'unknown');
    const zz = loadCassette(new Uint8Array(deflateSync(bytesOf(GO_VCR))), 'unknown');
    const bom = loadCassette(bytesOf(`\uFEFF${GO_VCR}`), 'unknown');
    expect(gz.fileDecoding).toEqual(['gzip']);
    expect(zz.fileDecoding).toEqual(['zlib']);
    expect(bom.fileDecoding).toEqual(['UTF-8 BOM removed']);
    for (const c of [gz, zz, bom]) {
      expect(c.format).toBe('go-vcr-v2');
      expect(c.exchanges).toEqual(plain.exchanges);
    }
  });
});

describe('loadCassette errors', () => {
  it('says an empty file is empty', () => {
    expect(failure(() => loadCassette(new Uint8Array(), 'e.yaml')).message).toMatch(/empty/);
    expect(failure(() => loadCassetteText('  \n', 'e.yaml')).message).toMatch(/empty/);
  });

  it('says a document marker alone has no content', () => {
    expect(failure(() => loadCassetteText('---\n', 'd.yaml')).message).toMatch(/no content/);
  });

  it('rejects text that is not UTF-8 with a position (Latin-1 bytes, no binary byte)', () => {
    const f = failure(() => loadCassette(new Uint8Array([0x76, 0x3a, 0x20, 0x0a, 0x61, 0xff, 0xfe]), 'bin'));
    expect(f.message).toMatch(/not UTF-8/);
    expect(f.line).toBe(2);
    expect(f.column).toBe(2);
  });

  it('gives line, column and a snippet for truncated YAML', () => {
    const truncated = `${GO_VCR}  - id: 1\n    request:\n      url: "https://api.exa`;
    const f = failure(() => loadCassetteText(truncated, 'cut.yaml'));
    expect(f.fileName).toBe('cut.yaml');
    expect(f.line).toBe(14);
    expect(f.column).toBeGreaterThan(0);
    expect(f.snippet).toContain('> 14 |');
    expect(f.message).toMatch(/line 14/);
  });

  it('lists the formats tried and why each rejected a non-cassette', () => {
    const f = failure(() => loadCassetteText('name: my-app\nversion: 3\n', 'config.yaml'));
    expect(f.message).toMatch(/not a recognized cassette/);
    expect(f.message).toMatch(
      /Tried: httprr, cassetter, go-vcr-v2, go-vcr-v1, vcrpy, ruby-vcr, polly, har, langchain-yaml-gz, nock, exvcr\.$/,
    );
    expect(f.attempts.map((a) => a.format)).toEqual([
      'httprr',
      'cassetter',
      'go-vcr-v2',
      'go-vcr-v1',
      'vcrpy',
      'ruby-vcr',
      'polly',
      'har',
      'langchain-yaml-gz',
      'nock',
      'exvcr',
    ]);
    expect(f.attempts.every((a) => a.reason.length > 0)).toBe(true);
  });

  it('explains a top-level list and a scalar', () => {
    expect(failure(() => loadCassetteText('- a\n- b\n', 'l.yaml')).message).toMatch(/list/);
    expect(failure(() => loadCassetteText('42', 's.yaml')).message).toMatch(/number/);
  });
});

describe('loadCassette on hostile input', () => {
  it('keeps loading past an unsafe tag and puts the warning on that interaction', () => {
    const text = `interactions:
- request: {method: GET, uri: 'http://a/', body: null, headers: {}}
  response: {status: {code: 200, message: OK}, headers: {}, body: {string: ok}}
- request:
    method: GET
    uri: http://b/
    body: !!python/object/apply:os.system ["echo pwned"]
    headers: {}
  response: {status: {code: 200, message: OK}, headers: {}, body: {string: ok}}
version: 1
`;
    const cassette = loadCassetteText(text, 'evil.yaml');
    expect(cassette.exchanges).toHaveLength(2);
    expect(cassette.exchanges[0]!.warnings).toEqual([]);
    expect(cassette.exchanges[1]!.warnings.map((w) => w.message)).toEqual([
      'unsafe tag, not constructed: !!python/object/apply:os.system',
    ]);
  });

  it('does not pollute Object.prototype from YAML or JSON keys', () => {
    loadCassetteText('__proto__: {polluted: 1}\nversion: 2\ninteractions: []\n', 'p.yaml');
    loadCassetteText(
      '{"__proto__": {"polluted": 1}, "log": {"entries": [], "constructor": {"prototype": {"polluted": 1}}}}',
      'p.har',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns a cassette or throws CassetteLoadError for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        try {
          loadCassette(bytes, 'fuzz');
        } catch (error) {
          expect(error).toBeInstanceOf(CassetteLoadError);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('returns a cassette or throws CassetteLoadError for YAML-ish strings', () => {
    const token = fc.constantFrom(
      'version: 2\n',
      'version: 1\n',
      'interactions:\n',
      'http_interactions:\n',
      '- ',
      '  ',
      'request:',
      'response:',
      ' body: ',
      '!!binary ',
      '!binary ',
      '!!python/tuple ',
      '!!python/object/apply:os.system ',
      '&a ',
      '*a ',
      '[',
      ']',
      '{',
      '}',
      '"',
      "'",
      '|\n',
      'status: 200 OK',
      'code: x',
      'duration: 1s',
      '\n',
      ':',
      '__proto__',
      'log:',
      'entries:',
      'H4sI',
      'url: ',
      'uri: ',
      'method: get',
      'headers: {Content-Encoding: [gzip]}',
    );
    fc.assert(
      // 'binary' string units include lone surrogates and control characters.
      fc.property(
        fc.array(fc.oneof(token, fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), {
          maxLength: 40,
        }),
        (parts) => {
          try {
            const cassette = loadCassetteText(parts.join(''), 'fuzz.yaml');
            expect(Array.isArray(cassette.exchanges)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(CassetteLoadError);
          }
        },
      ),
      { numRuns: FUZZ_RUNS },
    );
  });
});
