#!/usr/bin/env node
// The search index at 4,000 interactions (issue 17, "it stays interactive at 4,000 interactions"):
// in Node, on the bench's synthetic go-vcr cassette (scripts/bench/generate.mjs), the time to take
// each interaction's search fields and build the index (core/search), and the time of a few
// queries, each against a baseline measured in the same run on the same data: building against a
// JSON.stringify of the same fields, a query against a naive scan (every field lower-cased and
// searched, per interaction). Ratios, because the machine is shared; best of --runs.
//
//   node scripts/bench-search.mjs [--count=4000] [--runs=5]
//
// Results: bench-output/search.json (git-ignored).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ensureCassette } from './bench/generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench-output');
const option = (name, fallback) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = option('count', 4000);
const runs = option('runs', 5);
mkdirSync(out, { recursive: true });

const bundle = join(out, 'search-bundle.mjs');
await build({
  absWorkingDir: root,
  entryPoints: [join(root, 'scripts/bench/search-entry.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  logLevel: 'warning',
});
const core = await import(bundle);
const { path } = ensureCassette(join(out, 'files'), count);
const analyzed = core.analyzeCassette(core.loadCassette(new Uint8Array(readFileSync(path)), path));

/** Best (least disturbed) time of `runs` calls of `fn`, in ms, and its last result. */
function best(fn) {
  let ms = Infinity;
  let result;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, result };
}

const fieldsOf = () => analyzed.exchanges.map((exchange, index) => core.searchFieldsOf(exchange, index));
const extract = best(fieldsOf);
const fields = extract.result;
const buildIndex = best(() => {
  const index = new core.SearchIndex();
  fields.forEach((f, i) => index.add(i, f));
  return index;
});
const stringify = best(() => JSON.stringify(fields));
const index = buildIndex.result;

const naive = (terms) => {
  const found = [];
  fields.forEach((f, i) => {
    const lower = f.map((text) => text.toLowerCase());
    if (terms.every((term) => lower.some((text) => text.includes(term)))) found.push(i);
  });
  return found;
};
const queries = ['multiply', 'openrouter 200', 'kimi add', 'zzz-no-such-text'].map((query) => {
  const terms = core.parseQuery(query);
  const indexed = best(() => index.search(terms));
  const scan = best(() => naive(terms));
  if (indexed.result.length !== scan.result.length) throw new Error(`"${query}": index and scan disagree`);
  return {
    query,
    matches: indexed.result.length,
    ms: +indexed.ms.toFixed(2),
    scanMs: +scan.ms.toFixed(2),
    ratioToScan: +(indexed.ms / scan.ms).toFixed(3),
  };
});

const result = {
  date: new Date().toISOString(),
  interactions: analyzed.exchanges.length,
  distinctTexts: index.distinctTexts,
  fieldChars: fields.reduce((sum, f) => sum + f.reduce((s, text) => s + text.length, 0), 0),
  build: {
    fieldsMs: +extract.ms.toFixed(1),
    indexMs: +buildIndex.ms.toFixed(1),
    stringifyMs: +stringify.ms.toFixed(1),
    ratioToStringify: +((extract.ms + buildIndex.ms) / stringify.ms).toFixed(2),
  },
  queries,
};
writeFileSync(join(out, 'search.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`search index, ${result.interactions} interactions, ${result.distinctTexts} distinct texts:`);
const b = result.build;
console.log(
  `  build: fields ${b.fieldsMs} ms + index ${b.indexMs} ms = ${b.ratioToStringify}× a JSON.stringify of the same fields (${b.stringifyMs} ms)`,
);
for (const q of queries)
  console.log(
    `  "${q.query}": ${q.matches} matches, ${q.ms} ms = ${q.ratioToScan}× a naive scan (${q.scanMs} ms)`,
  );
