import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassetteText } from '../cassette';
import { diffCassettes } from './diff-cassettes';
import { diffRaw } from './raw-diff';
import { diffHeadline, endpointLabel, rowVerdictLabels } from './verdict-labels';

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
    expect(diff.exchanges[0]!.reasons[0]).toMatch(
      /reworded and still says the same \(similarity 0\.83 ≥ 0\.5\)/,
    );
    expect(diff.exchanges[0]!.requestChanged).toBe(false);
    expect(diff.exchanges[0]!.text).toContainEqual({ op: 'removed', text: 'numbers' });
    expect(diff.exchanges[0]!.text).toContainEqual({ op: 'added', text: 'values' });
    expect(diff.behaviourChanged).toBe(false);
  });

  it('gives a changed request its own verdict and keeps the response verdict free of it', () => {
    const after = seedText.replaceAll(
      'Add and multiply the number 2 and 3',
      'Add and multiply the number 2 and 3. Show your work.',
    );
    const diff = diffCassettes(analyze(seedText), analyze(after));
    expect(diff.exchanges.map((e) => [e.verdict, e.requestChanged])).toEqual([
      ['identical', true],
      ['identical', true],
    ]);
    expect(diff.exchanges[0]!.requestReasons).toEqual(['the messages changed']);
    expect(diff.exchanges[0]!.reasons).toEqual([]);
    expect(diff.requestsChanged).toBe(2);
    expect(rowVerdictLabels(diff.exchanges[0]!)).toEqual(['Request changed', 'Same response']);
    expect(diffHeadline(diff)).toBe('Same behaviour · 2 requests changed');
  });

  it('calls an unrelated answer with the same tool calls and finish reason behaviour changed', () => {
    const before = analyze(seedText);
    const after = analyze(seedText);
    const message = after.exchanges[1]!.llm.response!.message!;
    message.parts = [{ kind: 'text', text: 'The current temperature in Florence is 40°C.' }];
    const diff = diffCassettes(before, after);
    const row = diff.exchanges[1]!;
    expect(row.verdict).toBe('behaviour-changed');
    expect(row.reasons.join(' ')).toMatch(/says something else \(text similarity 0\.00 < 0\.5\)/);
    expect(row.requestChanged).toBe(false);
    expect(diff.behaviourChanged).toBe(true);
  });

  it('shows both sides of a call whose host changed', () => {
    const other = read('go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml');
    const row = diffCassettes(analyze(seedText), analyze(other, 'openai.yaml')).exchanges[0]!;
    expect(row.requestReasons).toContain('host openrouter.ai → api.openai.com');
    expect(endpointLabel(row)).toBe(
      'POST openrouter.ai/api/v1/chat/completions → POST api.openai.com/v1/chat/completions',
    );
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
    // kimi's "Here are the results: - Addition: 2 + 3 = 5 …" against gpt-4o's "The results are:
    // - 2 + 3 = 5 …": the same tool results said another way.
    expect(diff.exchanges[1]!.verdict).toBe('wording-only');
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
