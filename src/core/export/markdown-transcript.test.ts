import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassette } from '../cassette';
import { transcriptMarkdown, usageLine } from './markdown-transcript';

const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';

describe('transcriptMarkdown of the sample', () => {
  const analyzed = analyzeCassette(loadCassette(new Uint8Array(readFileSync(SAMPLE)), SAMPLE));
  const text = transcriptMarkdown(analyzed, { fileName: 'sample.yaml', note: 'masked' });

  it('has a title, the totals and the tools offered with their parameters and call counts', () => {
    expect(text).toMatch(/^# Transcript of sample\.yaml\n/);
    expect(text).toContain('2 calls · usage 610 in · 85 out · 695 total');
    expect(text).toContain('- `add` (`a`, `b`): Add two numbers — called 1 time');
  });
  it('writes each call, each message by role, and folds repeated history', () => {
    expect(text).toContain('## Call 1 of 2: POST https://openrouter.ai/api/v1/chat/completions → 200');
    expect(text).toContain('### System · request');
    expect(text).toContain('### User · request\n\nAdd and multiply the number 2 and 3');
    expect(text).toContain('_3 earlier messages repeated from the previous calls (folded)._');
  });
  it('writes tool calls with their arguments, and links each result to its call', () => {
    expect(text).toContain('<a id="tool-call-1"></a>**Tool call #1: `add`**');
    expect(text).toContain('```json\n{\n  "a": 2,\n  "b": 3\n}\n```');
    expect(text).toContain('**Tool result** (answers [tool call #1](#tool-call-1))\n\n5');
  });
  it('ends each call with its finish reason and usage', () => {
    expect(text).toContain('_finish reason `tool_calls` · usage 218 in · 55 out · 273 total');
    expect(text).toContain('_finish reason `stop` · usage 392 in · 30 out · 422 total');
  });
});

describe('usageLine', () => {
  it('names what is known, and nothing else', () => {
    expect(usageLine(null)).toBeNull();
    expect(usageLine({ inputTokens: null, outputTokens: null, raw: {} })).toBeNull();
    expect(
      usageLine({ inputTokens: 1200, outputTokens: 5, reasoningTokens: 3, costUsd: 0.01, raw: {} }),
    ).toBe('1,200 in · 5 out · 3 reasoning · $0.0100');
  });
});
