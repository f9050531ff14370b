import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { selectInteractions } from './select-interactions';

const corpus = (path: string) =>
  readFileSync(new URL(`../../../tests/fixtures/corpus/${path}`, import.meta.url), 'utf8');

describe('selectInteractions', () => {
  it('keeps chosen go-vcr interactions byte for byte', () => {
    const text = corpus('seed/multi_tool_streaming_kimi-k2_together.yaml');
    const second = selectInteractions(text, [1]);
    const parsed = parse(second) as { version: number; interactions: { id: number }[] };
    expect(parsed.version).toBe(2);
    expect(parsed.interactions.map((i) => i.id)).toEqual([1]);
    expect(text).toContain(second.slice(second.indexOf('  - id: 1')));
    expect(selectInteractions(text, [0, 1])).toBe(text);
  });

  it('keeps what follows the list (vcrpy writes `version: 1` after it)', () => {
    const text = corpus('vcrpy/llm-anthropic/test_url_prompt.yaml');
    const parsed = parse(selectInteractions(text, [0, 2])) as { version: number; interactions: unknown[] };
    expect(parsed.version).toBe(1);
    expect(parsed.interactions).toHaveLength(2);
  });

  it('filters Ruby VCR http_interactions and keeps recorded_with', () => {
    const text = corpus('ruby-vcr/ruby-openai/gpt-3_5-turbo_multiple_tool_calls_full_conversation.yml');
    const parsed = parse(selectInteractions(text, [1])) as {
      http_interactions: unknown[];
      recorded_with: string;
    };
    expect(parsed.http_interactions).toHaveLength(1);
    expect(parsed.recorded_with).toMatch(/VCR/);
  });

  it('filters HAR entries in JSON and keeps JSON', () => {
    const text = corpus('polly/cody/defaultClient_631904893.recording.har');
    const all = (JSON.parse(text) as { log: { entries: unknown[] } }).log.entries;
    const out = JSON.parse(selectInteractions(text, [0])) as { log: { entries: unknown[] } };
    expect(out.log.entries).toEqual([all[0]]);
  });
});
