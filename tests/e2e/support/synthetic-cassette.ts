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
