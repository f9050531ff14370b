import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../index';
import { splitInteractionList } from './split-interaction-list';
import { decodePiece, loadPiece, planSplitLoad } from './split-load';

const CORPUS = join(__dirname, '../../../../tests/fixtures/corpus');
const SAMPLE = join(CORPUS, 'seed/multi_tool_streaming_kimi-k2_together.yaml');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** The split load, as the workers run it; null when it falls back. */
function splitLoad(text: string) {
  const bytes = new TextEncoder().encode(text);
  const split = splitInteractionList(bytes);
  if (!split) return null;
  const plan = planSplitLoad(bytes, split);
  if (!plan) return null;
  const exchanges = split.items.map((item, index) => {
    const piece = decodePiece(bytes.subarray(item.start, item.end));
    return piece === null ? null : loadPiece(plan.format, piece, index, item.line);
  });
  if (exchanges.some((exchange) => exchange === null)) return null;
  return { ...plan, exchanges };
}

function expectSameAsWhole(text: string) {
  const whole = loadCassetteText(text, 'x.yaml');
  const split = splitLoad(text);
  expect(split).not.toBeNull();
  expect(split!.format).toBe(whole.format);
  expect(split!.formatVariant).toBe(whole.formatVariant);
  expect(split!.warnings).toEqual(whole.warnings);
  expect(split!.exchanges).toEqual(whole.exchanges);
}

describe('split loading', () => {
  it('gives the same exchanges as a whole-file load for the sample', () => {
    expectSameAsWhole(readFileSync(SAMPLE, 'utf8'));
  });

  it('gives the same result as a whole-file load, or falls back, for every corpus file', () => {
    let split = 0;
    for (const path of filesUnder(CORPUS)) {
      const text = readFileSync(path, 'utf8');
      if (splitLoad(text) === null) continue;
      split++;
      expectSameAsWhole(text);
    }
    expect(split).toBeGreaterThan(3);
  });

  it('keeps line numbers and reader warnings of later interactions', () => {
    const text = [
      'version: 2',
      'interactions:',
      '  # a comment',
      '  - request: {method: GET, url: "http://a/1"}',
      '    response: {code: 200, body: !!python/object:os.system x}',
      '',
      '  - request:',
      '      method: POST',
      '      url: http://a/2',
      '      body: !ruby/object:Kernel y',
      'trailing: 1',
      '',
    ].join('\n');
    expectSameAsWhole(text);
    const result = splitLoad(text)!;
    expect(result.exchanges[1]!.sourceLine).toBe(7);
    expect(result.exchanges[1]!.warnings.some((w) => w.message.includes('unsafe tag'))).toBe(true);
  });

  it.each([
    ['JSON', '{"version": 2, "interactions": []}'],
    ['a flow list', 'version: 2\ninteractions: [{request: {url: a}}]\n'],
    ['anchors', 'version: 2\ninteractions:\n  - &a {request: {url: a}}\n  - *a\n'],
    ['a directive', '%YAML 1.2\n---\nversion: 2\ninteractions:\n  - {request: {url: a}}\n'],
    ['odd indentation', 'version: 2\ninteractions:\n  - request: {url: a}\n - request: {url: b}\n'],
    ['tabs', 'version: 2\ninteractions:\n\t- request: {url: a}\n'],
  ])('does not split %s', (_what, text) => {
    expect(splitLoad(text)).toBeNull();
  });

  it('falls back when a quoted scalar spans the split point', () => {
    const text = 'version: 2\ninteractions:\n  - request: {url: "a\n  - b"}\n';
    expect(splitInteractionList(new TextEncoder().encode(text))).not.toBeNull();
    expect(splitLoad(text)).toBeNull();
  });

  it('cuts at byte offsets: text outside ASCII before and inside later items loads the same', () => {
    const text = [
      'version: 2',
      '# café ☕ and 😀 before the list',
      'interactions:',
      '  - request: {method: GET, url: "http://a/é"}',
      '    response: {code: 200, body: "日本語 😀"}',
      '  - request: {method: POST, url: "http://a/2", body: "\uFEFF ü"}',
      '',
    ].join('\n');
    expectSameAsWhole(text);
    expect(splitLoad(text)!.exchanges[1]!.sourceLine).toBe(6);
  });

  it('refuses a piece that is not UTF-8 (the whole-file load says where)', () => {
    const bytes = new TextEncoder().encode(
      'version: 2\ninteractions:\n  - {request: {url: a}}\n  - {request: {url: "b?"}}\n',
    );
    bytes[bytes.lastIndexOf(0x3f)] = 0xff;
    const split = splitInteractionList(bytes)!;
    expect(split.items).toHaveLength(2);
    expect(decodePiece(bytes.subarray(split.items[1]!.start, split.items[1]!.end))).toBeNull();
  });

  it('refuses a piece that defines an anchor another piece could name', () => {
    expect(loadPiece('go-vcr-v2', '  - &x {request: {url: a}}\n', 0, 3)).toBeNull();
    expect(loadPiece('go-vcr-v2', '  - {request: {url: "a&b"}}\n', 0, 3)).not.toBeNull();
  });

  it('falls back when the second document would be lost', () => {
    const text = 'version: 2\ninteractions:\n  - request: {url: a}\n---\nversion: 2\n';
    expect(splitLoad(text)).toBeNull();
  });
});
