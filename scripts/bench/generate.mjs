// Synthetic go-vcr v2 cassettes for the benchmark (issue 9): the founding sample's two
// interactions repeated, with fresh `id:` values, so 4,000 interactions ≈ 43 MB. Deterministic.
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SAMPLE = join(root, 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml');

/** The sample split into its header (up to `interactions:`) and its list items. */
function sampleParts() {
  const text = readFileSync(SAMPLE, 'utf8');
  const lines = text.split('\n');
  const listAt = lines.findIndex((line) => line === 'interactions:');
  const header = lines.slice(0, listAt + 1).join('\n') + '\n';
  const items = [];
  for (const line of lines.slice(listAt + 1)) {
    if (line.startsWith('  - ')) items.push([]);
    if (items.length > 0) items.at(-1).push(line);
  }
  const last = items.at(-1);
  while (last && last.at(-1) === '') last.pop();
  return { header, items: items.map((item) => item.slice(1).join('\n') + '\n') };
}

/** The text of a cassette with `count` interactions. */
export function cassetteText(count) {
  const { header, items } = sampleParts();
  const chunks = [header];
  for (let i = 0; i < count; i++) chunks.push(`  - id: ${i}\n`, items[i % items.length]);
  return chunks.join('');
}

/** Writes (once) and returns the path of a cassette with `count` interactions. */
export function ensureCassette(dir, count) {
  const path = join(dir, `bench-${count}.yaml`);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, cassetteText(count));
  }
  return { path, bytes: statSync(path).size };
}
