/**
 * Builds large go-vcr v2 cassettes from the sample by repeating its interactions (the way issue 9's
 * 43 MB benchmark file is made), for tests of the virtualized table and loading.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SAMPLE = 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml';

/** A go-vcr v2 cassette with `count` interactions (the sample's two, alternating). */
export function syntheticCassette(count: number): string {
  const text = readFileSync(resolve(process.cwd(), SAMPLE), 'utf8');
  const start = text.indexOf('\n  - id: 0');
  const second = text.indexOf('\n  - id: 1');
  if (start < 0 || second < 0) throw new Error('the sample no longer has the expected layout');
  const items = [text.slice(start, second), text.slice(second).replace(/\n+$/, '')];
  const parts = [text.slice(0, start)];
  for (let index = 0; index < count; index += 1) {
    const item = items[index % 2] ?? '';
    parts.push(item.replace(/^\n {2}- id: \d+/, `\n  - id: ${index}`));
  }
  return `${parts.join('')}\n`;
}

/**
 * A go-vcr v2 cassette of `count` small, non-streamed chat completions (about 600 bytes each), for
 * tests that need many interactions but not many bytes: 2,000 of the sample's would be 22 MB.
 */
export function smallCallsCassette(count: number): string {
  const parts = ['---\nversion: 2\ninteractions:\n'];
  for (let index = 0; index < count; index += 1) {
    const request = JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Question ${index}` }],
    });
    const response = JSON.stringify({
      id: `chatcmpl-${index}`,
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [
        { index: 0, message: { role: 'assistant', content: `Answer ${index}` }, finish_reason: 'stop' },
      ],
      usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
    });
    parts.push(
      `  - id: ${index}\n`,
      '    request:\n',
      `        body: '${request}'\n`,
      '        headers:\n            Content-Type:\n              - application/json\n',
      '        url: https://api.openai.com/v1/chat/completions\n        method: POST\n',
      '    response:\n',
      `        body: '${response}'\n`,
      '        headers:\n            Content-Type:\n              - application/json\n',
      '        status: 200 OK\n        code: 200\n        duration: 412ms\n',
    );
  }
  return parts.join('');
}
