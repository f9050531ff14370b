// One measurement in a fresh Node process, so peak memory (maxRSS) belongs to that parse alone.
//   node node-measure.mjs BUNDLE MODE FILE  → prints {"ms":…, "peakRssMB":…, "count":…}
import { readFileSync } from 'node:fs';
import process from 'node:process';

const [bundlePath, mode, file] = process.argv.slice(2);
const bytes = readFileSync(file);
let count;
/** Interactions in a parsed document: YAML cassettes list them, HAR files list entries. */
const interactions = (doc) =>
  (doc?.interactions ?? doc?.http_interactions ?? doc?.requests ?? doc?.log?.entries ?? []).length;
let ms;
if (mode === 'js-yaml') {
  const jsyaml = await import('js-yaml');
  const started = performance.now();
  const text = new TextDecoder().decode(bytes);
  count = interactions(jsyaml.load(text));
  ms = performance.now() - started;
} else if (mode === 'yaml') {
  const YAML = await import('yaml');
  const started = performance.now();
  const text = new TextDecoder().decode(bytes);
  count = interactions(YAML.parse(text));
  ms = performance.now() - started;
} else {
  const core = await import(bundlePath);
  const started = performance.now();
  const analyzed = core.analyzeCassette(core.loadCassette(new Uint8Array(bytes), file));
  count = analyzed.exchanges.length;
  ms = performance.now() - started;
}
const peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ms, peakRssMB, count }) + '\n');
