// Synthetic go-vcr v2 cassettes for the benchmark (issue 9): the founding sample's two
// interactions repeated, with fresh `id:` values, so 4,000 interactions ≈ 43 MB. Deterministic.
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
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

/** Every cassette of the corpus, with its size. */
function corpusFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...corpusFiles(path));
    else if (!/\.(md|json)$/.test(entry.name) || /\.(har|har\.json|cassette\.json)$/.test(entry.name))
      out.push({ path, bytes: statSync(path).size });
  }
  return out;
}

/**
 * The largest file of the corpus (issue 3 asks for its load time against a plain `yaml` parse of
 * the same text), copied next to the generated files so the browser bench can fetch it.
 */
export function largestCorpusFile(dir) {
  const corpus = join(root, 'tests/fixtures/corpus');
  const facts = JSON.parse(readFileSync(join(corpus, 'facts.json'), 'utf8')).files;
  const largest = corpusFiles(corpus)
    .filter((file) => facts[relative(corpus, file.path)])
    .sort((a, b) => b.bytes - a.bytes)[0];
  const name = relative(corpus, largest.path);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `corpus-${basename(largest.path)}`);
  copyFileSync(largest.path, path);
  return { count: facts[name].interaction_count, path, bytes: largest.bytes, label: name };
}
