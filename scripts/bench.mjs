#!/usr/bin/env node
// `npm run bench` (issue 9): synthetic go-vcr cassettes of 100, 1,000 and 4,000 interactions from
// the founding sample; for each, in Node and in headless Chromium, a bare js-yaml parse (the
// yardstick), a bare yaml parse and the app's full load, with ratios against js-yaml and memory. In
// Chromium the app loads each file twice: with its pool of parse workers, then with one worker and
// no pool, `--runs` times each (best and median reported).
//
//   npm run bench [-- --sizes=100,1000] [--node-only | --browser-only] [--runs=N] [--no-build] [--no-corpus] [--no-search] [--no-folder] [--no-pool]
//
// --no-pool skips the pooled loads in Chromium (the app's default on 2 cores is one worker): half the
// time, for measuring a change to the load on this machine.
//
// Last, scripts/bench-search.mjs measures the search index at the largest size (--no-search skips it),
// and scripts/bench-folder.mjs a folder of 2,000 cassettes in the folder overview (--no-folder).
//
// Besides the generated files it measures the largest file of the corpus (issue 3), best of 5.
//
// Results: bench-output/results.json and bench-output/results.md (git-ignored).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCassette, largestCorpusFile } from './bench/generate.mjs';
import { bundleCore, nodeBench } from './bench/node-bench.mjs';
import { browserApp, browserJsYamlOnce, browserParsers, launchBrowser } from './bench/browser-bench.mjs';
import { serveStatic } from './bench/static-server.mjs';
import { formatReport } from './bench/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench-output');
const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const sizes = (option('sizes') ?? '100,1000,4000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const runs = Number(option('runs') ?? 2);
const doNode = !args.includes('--browser-only');
const doBrowser = !args.includes('--node-only');

mkdirSync(out, { recursive: true });
const files = sizes.map((count) => ({ count, runs, ...ensureCassette(join(out, 'files'), count) }));
if (!args.includes('--no-corpus'))
  files.push({ runs: Math.max(runs, 5), ...largestCorpusFile(join(out, 'files')) });
const results = { date: new Date().toISOString(), cpus: (await import('node:os')).cpus().length, sizes: [] };

let bundle = null;
if (doNode) bundle = await bundleCore(out);

let browser = null;
let baseUrl = '';
let parsersJs = '';
let server = null;
if (doBrowser) {
  const appDir = join(out, 'dist');
  if (!args.includes('--no-build') || !existsSync(appDir)) {
    process.stderr.write('bench: building the app into bench-output/dist …\n');
    execFileSync('npx', ['vite', 'build', '--outDir', appDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const { build } = await import('esbuild');
  const parsed = await build({
    absWorkingDir: root,
    entryPoints: [
      join(root, 'scripts/bench/parsers-entry.mjs'),
      join(root, 'scripts/bench/page-core-entry.mjs'),
    ],
    outdir: join(out, 'page-scripts'),
    bundle: true,
    format: 'iife',
    write: false,
    minify: true,
    logLevel: 'warning',
  });
  parsersJs = parsed.outputFiles.map((file) => file.text).join('\n');
  ({ server } = await serveStatic(appDir, join(out, 'files')).then((s) => {
    baseUrl = `http://127.0.0.1:${s.port}/`;
    return s;
  }));
  browser = await launchBrowser();
}

for (const file of files) {
  const name = basename(file.path);
  const entry = { count: file.count, bytes: file.bytes, label: file.label };
  process.stderr.write(
    `bench: ${file.label ?? name}: ${file.count} interactions (${(file.bytes / 1e6).toFixed(1)} MB)\n`,
  );
  if (doNode) entry.node = nodeBench(bundle, file.path, file.runs);
  if (doBrowser) {
    entry.browser = await browserParsers(browser, baseUrl, parsersJs, name, file.runs);
    // With a pool of one parse worker per core, and with one worker and no pool: is the pool worth
    // its workers on this machine? (issue 15). The app's own default is one of the two
    // (src/app/file-loader.ts defaultParseWorkers).
    // Each mode loads the file `runs` times, the modes taking turns so a burst of other work on the
    // machine falls on both; the report gives the best and the median of each measure. Each load
    // comes right after a js-yaml parse of its own, its yardstick of the moment.
    const modes = { pooled: `?parse-workers=${results.cpus}`, oneWorker: '?parse-workers=0' };
    if (args.includes('--no-pool')) delete modes.pooled;
    const appRuns = Math.max(1, Math.min(file.runs, 5));
    for (const mode of Object.keys(modes)) entry.browser[mode] = { runs: [] };
    for (let run = 0; run < appRuns; run++)
      for (const [mode, query] of Object.entries(modes)) {
        const jsYamlMs = await browserJsYamlOnce(browser, baseUrl, parsersJs, name);
        const load = await browserApp(browser, baseUrl, name, file.count, file.bytes, query);
        entry.browser[mode].runs.push({ ...load, jsYamlMs });
      }
  }
  results.sizes.push(entry);
  writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2));
}
await browser?.close();
server?.close();

const report = formatReport(results);
writeFileSync(join(out, 'results.md'), report);
process.stdout.write(report);

// The search index at the largest size (issue 17), in a process of its own: scripts/bench-search.mjs.
if (doNode && !args.includes('--no-search'))
  execFileSync(process.execPath, [join(root, 'scripts/bench-search.mjs'), `--count=${Math.max(...sizes)}`], {
    cwd: root,
    stdio: 'inherit',
  });

// A folder of 2,000 corpus cassettes in the folder overview (issue 19), in a process of its own:
// scripts/bench-folder.mjs (--no-folder skips it).
if (doBrowser && !args.includes('--no-folder'))
  execFileSync(process.execPath, [join(root, 'scripts/bench-folder.mjs')], { cwd: root, stdio: 'inherit' });
