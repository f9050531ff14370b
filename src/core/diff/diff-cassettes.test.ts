import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassetteText } from '../cassette';
import { diffCassettes } from './diff-cassettes';
import { diffRaw } from './raw-diff';

const root = new URL('../../../tests/fixtures/corpus/', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const seedText = read('seed/multi_tool_streaming_kimi-k2_together.yaml');
const analyze = (text: string, name = 'seed.yaml') => analyzeCassette(loadCassetteText(text, name));

describe('diffCassettes', () => {
  it('calls the same cassette identical', () => {
    const diff = diffCassettes(analyze(seedText), analyze(seedText));
    expect(diff.exchanges.map((e) => e.verdict)).toEqual(['identical', 'identical']);
    expect(diff.behaviourChanged).toBe(false);
  });

  it('calls changed text wording only', () => {
    const after = seedText.replace('"content":" numbers"', '"content":" values"');
    expect(after).not.toBe(seedText);
    const diff = diffCassettes(analyze(seedText), analyze(after));
    expect(diff.exchanges.map((e) => e.verdict)).toEqual(['wording-only', 'identical']);
    expect(diff.exchanges[0]!.text).toContainEqual({ op: 'removed', text: 'numbers' });
    expect(diff.exchanges[0]!.text).toContainEqual({ op: 'added', text: 'values' });
    expect(diff.behaviourChanged).toBe(false);
  });

  it('calls changed tool arguments behaviour changed', () => {
    const after = seedText.replace(String.raw`"arguments":"{\"a\":2,"`, String.raw`"arguments":"{\"a\":7,"`);
    expect(after).not.toBe(seedText);
    const diff = diffCassettes(analyze(seedText), analyze(after));
    expect(diff.exchanges[0]!.verdict).toBe('behaviour-changed');
    expect(diff.exchanges[0]!.reasons.join(' ')).toMatch(/tool calls/);
    expect(diff.behaviourChanged).toBe(true);
  });

  it('calls a changed finish reason behaviour changed', () => {
    const after = seedText.replace('"finish_reason":"stop"', '"finish_reason":"length"');
    const diff = diffCassettes(analyze(seedText), analyze(after));
    expect(diff.exchanges[1]!.verdict).toBe('behaviour-changed');
    expect(diff.exchanges[1]!.finishReason).toEqual({ before: 'stop', after: 'length' });
  });

  it('reports a removed interaction as removed and keeps the rest aligned', () => {
    const before = analyze(seedText);
    const after = analyze(seedText);
    after.exchanges = after.exchanges.slice(1);
    const diff = diffCassettes(before, after);
    expect(diff.exchanges.map((e) => [e.before, e.after, e.verdict])).toEqual([
      [0, null, 'removed'],
      [1, 1, 'identical'],
    ]);
    expect(diff.behaviourChanged).toBe(true);
  });

  it('aligns the same test recorded against two providers', () => {
    const other = read('go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml');
    const diff = diffCassettes(analyze(seedText), analyze(other, 'openai.yaml'));
    expect(diff.exchanges.map((e) => [e.before, e.after])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });
});

describe('diffRaw', () => {
  it('ignores ids, created timestamps and request ids', () => {
    const after = seedText
      .replace(/gen-1758698613-9HfF6MGRyQ9gbZ95gb6R/g, 'gen-1-other')
      .replace(/"created":1758698613/g, '"created":1');
    const a = analyze(seedText).exchanges[0]!.http;
    const b = analyze(after).exchanges[0]!.http;
    const raw = diffRaw(a, b);
    expect(raw.responseBody.every((c) => c.op === 'same')).toBe(true);
  });
});
