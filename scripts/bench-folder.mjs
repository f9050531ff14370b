#!/usr/bin/env node
// A folder of 2,000 cassettes in the folder overview (issue 19: "2,000 files of the corpus's sizes
// are listed in under 10 s here, and the page stays responsive"). The corpus's cassettes are copied
// round-robin into a scratch folder until it holds --count files; `cassette-viewer DIR --no-open`
// (the built CLI, dist-cli/) serves it, and headless Chromium opens the URL. Measured: the time from
// navigation to "N cassette files: N listed", and the page's longest main-thread task (Long Tasks
// API, https://w3c.github.io/longtasks/), over --runs runs; as a baseline in the same run, the time
// to open the built-in sample at the same URL's origin, since the machine is shared.
//
//   node scripts/bench-folder.mjs [--count=2000] [--runs=3]      (builds first if dist/ is missing)
//
// Results: bench-output/folder.json (git-ignored).
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench-output');
const option = (name, fallback) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const count = option('count', 2000);
const runs = option('runs', 3);
// The CLI serves the built page (dist/) from its own bundle (dist-cli/): on a fresh clone neither
// is there yet (`npm ci` may leave only the CLI), so build both rather than fail at the end of a
// long `npm run bench`.
if (!existsSync(join(root, 'dist-cli/cassette-viewer.mjs')) || !existsSync(join(root, 'dist/index.html'))) {
  console.error('bench-folder: building the app and the CLI (npm run build) …');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

const corpus = join(root, 'tests/fixtures/corpus');
const names = Object.keys(JSON.parse(readFileSync(join(corpus, 'facts.json'), 'utf8')).files);
const folder = mkdtempSync(join(tmpdir(), 'bench-folder-'));
for (let i = 0; i < count; i++) {
  const name = names[i % names.length];
  const target = join(folder, String(Math.floor(i / names.length)), name);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(corpus, name), target);
}

const server = spawn(process.execPath, [join(root, 'bin/cassette-viewer.mjs'), folder, '--no-open'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let text = '';
  server.stdout.on('data', (chunk) => {
    text += chunk;
    const found = /http:\/\/127\.0\.0\.1:\d+\/#local=\w+/.exec(text);
    if (found) resolve(found[0]);
  });
  server.on('exit', (code) => reject(new Error(`cassette-viewer exited with ${code}`)));
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const results = [];
for (let run = 0; run < runs; run++) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const start = Date.now();
  await page.goto(url);
  // A function polled every 100 ms on the counts line only: Playwright's getByText scans the
  // whole page's text at each poll, work on the page's thread that the folder would pay for.
  await page.waitForFunction(
    (wanted) => document.querySelector('.folder-overview__counts')?.textContent?.startsWith(wanted),
    `${count.toLocaleString('en-US')} cassette files: ${count.toLocaleString('en-US')} listed`,
    { polling: 100, timeout: 300_000 },
  );
  const listedMs = Date.now() - start;
  const longestTaskMs = await page.evaluate(() => window.__longest);
  await page.close();

  const baseline = await browser.newPage();
  const base = Date.now();
  await baseline.goto(new URL('./', url).href);
  await baseline
    .getByRole('button', { name: /sample/i })
    .first()
    .click();
  await baseline
    .getByRole('status')
    .getByText(/2 interactions/)
    .waitFor();
  const sampleMs = Date.now() - base;
  await baseline.close();
  results.push({
    listedMs,
    longestTaskMs: Math.round(longestTaskMs),
    sampleMs,
    ratio: +(listedMs / sampleMs).toFixed(1),
  });
  console.log(
    `run ${run + 1}: ${count} files listed in ${listedMs} ms (${results.at(-1).ratio}× opening the sample, ${sampleMs} ms); longest task ${Math.round(longestTaskMs)} ms`,
  );
}
await browser.close();
server.kill('SIGINT');
rmSync(folder, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'folder.json'),
  JSON.stringify({ date: new Date().toISOString(), count, results }, null, 2),
);
const best = results.reduce((a, b) => (a.listedMs <= b.listedMs ? a : b));
console.log(`best: ${best.listedMs} ms to list ${count} files; longest task ${best.longestTaskMs} ms`);
