#!/usr/bin/env node
// Two builds of the app, loaded by turns in one Chromium: the 43 MB bench file's status time, the
// load worker's read, the time before it and the page's longest task, for each build (issue 15).
// On a machine whose speed drifts by a fifth between runs, this shows a change that two separate
// `npm run bench` runs cannot: both builds meet the same bursts of other work.
//
//   node scripts/bench/compare-builds.mjs <app dir A> <app dir B> [loads per build, default 6]
//
// QUERY_A / QUERY_B set each build's page query (default `?parse-workers=0`, one worker), so the
// same build can be compared with itself in two modes (say QUERY_B='?parse-workers=1').
//
// Build an older commit with `git worktree add /tmp/old <commit>` and, there, `npx vite build
// --outDir /tmp/old-dist`; the file comes from `npm run bench` (bench-output/files).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserApp, launchBrowser } from './browser-bench.mjs';
import { ensureCassette } from './generate.mjs';
import { serveStatic } from './static-server.mjs';

const [dirA, dirB, loads = '6'] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: compare-builds.mjs <app dir A> <app dir B> [loads per build]');
  process.exit(2);
}
const files = join(dirname(fileURLToPath(import.meta.url)), '../../bench-output/files');
const file = ensureCassette(files, 4000);
const name = file.path.split('/').pop();
const size = file.bytes;
const builds = { A: await serveStatic(dirA, files), B: await serveStatic(dirB, files) };
const browser = await launchBrowser();
const results = { A: [], B: [] };
for (let turn = 0; turn < Number(loads); turn++) {
  // Alternate which build goes first, so neither always follows the other.
  for (const build of turn % 2 ? ['B', 'A'] : ['A', 'B']) {
    const base = `http://127.0.0.1:${builds[build].port}/`;
    const query = process.env[`QUERY_${build}`] ?? '?parse-workers=0';
    const load = await browserApp(browser, base, name, 4000, size, query);
    // workerMs is null when the file was not read by a split load (it always is, at 43 MB).
    results[build].push({
      status: load.statusMs,
      worker: load.workerMs,
      before: load.workerMs === null ? null : load.loadedMs - load.workerMs,
      longest: load.longestTaskMs,
    });
  }
}
await browser.close();
for (const build of Object.values(builds)) build.server.close();

const sorted = (values) => [...values].sort((a, b) => a - b);
for (const build of ['A', 'B']) {
  for (const measure of ['status', 'worker', 'before', 'longest']) {
    const values = sorted(
      results[build].flatMap((load) => (load[measure] === null ? [] : [Math.round(load[measure])])),
    );
    if (values.length === 0) continue;
    const median = values[Math.floor(values.length / 2)];
    console.log(`${build} ${measure.padEnd(6)} median ${median} ms  (all: ${values.join(' ')})`);
  }
}

// Each turn loads A and B back to back, so the two loads of a turn met much the same machine: the
// change per turn (B ÷ A) is steadier than either build's own spread when the machine drifts.
for (const measure of ['status', 'worker']) {
  const ratios = sorted(
    results.A.flatMap((a, turn) => {
      const b = results.B[turn];
      return a[measure] === null || !b || b[measure] === null ? [] : [b[measure] / a[measure]];
    }),
  );
  if (ratios.length === 0) continue;
  const median = ratios[Math.floor(ratios.length / 2)];
  const shown = ratios.map((ratio) => ratio.toFixed(2)).join(' ');
  console.log(`B ÷ A ${measure.padEnd(6)} per turn, median ${median.toFixed(3)}  (all: ${shown})`);
}
