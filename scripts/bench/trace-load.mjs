#!/usr/bin/env node
// Where the CPU goes while the 43 MB bench file loads, thread by thread (issue 15): a Chromium
// trace of one load (file chosen → status), summed per thread of the page's renderer, with the
// renderer's V8 background work split into JIT compiling and garbage collection.
//
//   node scripts/bench/trace-load.mjs [--count=4000] [--query=?parse-workers=0] [--build]
//
// Why: the page, the load worker and V8's own background threads (Turbofan and Maglev compile
// jobs, parallel scavenges, concurrent marking) share the machine's cores. On a 2-core machine
// their sum is what bounds the load, not the worker's read alone: a CPU profile of one thread
// cannot show that. Trace events and categories: https://chromium.googlesource.com/chromium/src/+/main/docs/memory-infra/README.md
// and the Trace Event Format (`X` events with `dur` wall time and `tdur` thread time).
// Writes the raw trace to bench-output/load-trace.json (open it in https://ui.perfetto.dev).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser-bench.mjs';
import { oneLoadSetup, out } from './one-load-setup.mjs';
import { serveStatic } from './static-server.mjs';

const { count, query, appDir, name } = oneLoadSetup('dist');
const tracePath = join(out, 'load-trace.json');
const { server, port } = await serveStatic(appDir, join(out, 'files'));
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
const page = await context.newPage();
const input = 'input[type=file]:not([webkitdirectory])';
await page.goto(`http://127.0.0.1:${port}/${query}`);
await page.locator(input).waitFor({ state: 'attached' });
await page.evaluate(
  async ({ url, name }) => {
    globalThis.__file = new File([await (await fetch(url)).blob()], name);
  },
  { url: `http://127.0.0.1:${port}/bench-files/${name}`, name },
);
// As the bench does: the page is open a second before the file is chosen.
await page.waitForTimeout(1000);
await browser.startTracing(page, {
  path: tracePath,
  categories: ['toplevel', 'v8', 'disabled-by-default-v8.gc', 'disabled-by-default-v8.compile', 'blink'],
});
const wanted = `${count.toLocaleString('en-US')} interaction`;
const statusMs = await page.evaluate(
  async ({ wanted, input }) => {
    const element = document.querySelector(input);
    const transfer = new DataTransfer();
    transfer.items.add(globalThis.__file);
    const started = performance.now();
    element.files = transfer.files;
    element.dispatchEvent(new Event('change', { bubbles: true }));
    return new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        if (!(document.querySelector('[role=status]')?.textContent ?? '').includes(wanted)) return;
        observer.disconnect();
        resolve(performance.now() - started);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  },
  { wanted, input },
);
await browser.stopTracing();
await browser.close();
server.close();

const { traceEvents } = JSON.parse(readFileSync(tracePath, 'utf8'));
const threadNames = new Map();
for (const event of traceEvents)
  if (event.ph === 'M' && event.name === 'thread_name')
    threadNames.set(`${event.pid}:${event.tid}`, event.args.name);
const workerKey = [...threadNames].find(([, n]) => n === 'DedicatedWorker thread')?.[0];
const renderer = workerKey?.split(':')[0];
if (!renderer) throw new Error('no load worker in the trace');

/** Thread time of the outermost `X` events of each thread: nested events are inside them. */
const cpu = new Map();
/** The renderer's background V8 work, by kind. */
const background = { 'JIT compiling (Turbofan, Maglev)': 0, 'garbage collection': 0 };
const byThread = new Map();
for (const event of traceEvents) {
  if (event.ph !== 'X' || String(event.pid) !== renderer) continue;
  const key = `${event.pid}:${event.tid}`;
  if (!byThread.has(key)) byThread.set(key, []);
  byThread.get(key).push(event);
}
for (const [key, events] of byThread) {
  events.sort((a, b) => a.ts - b.ts);
  let end = -1;
  let total = 0;
  for (const event of events) {
    if (event.ts < end) continue;
    end = event.ts + (event.dur ?? 0);
    total += event.tdur ?? event.dur ?? 0;
  }
  const name = threadNames.get(key) ?? key;
  const group = name.startsWith('ThreadPool') ? 'V8 and Blink background threads' : name;
  cpu.set(group, (cpu.get(group) ?? 0) + total);
  if (!name.startsWith('ThreadPool')) continue;
  // GC phases nest (a parallel scavenge inside a scavenge job): only the outermost one counts.
  let gcEnd = -1;
  for (const event of events) {
    const time = event.tdur ?? event.dur ?? 0;
    if (event.name === 'V8.TurbofanTask' || event.name === 'V8.MaglevTask')
      background['JIT compiling (Turbofan, Maglev)'] += time;
    else if (event.name.startsWith('V8.GC_') && event.ts >= gcEnd) {
      background['garbage collection'] += time;
      gcEnd = event.ts + (event.dur ?? 0);
    }
  }
}
const ms = (us) => `${Math.round(us / 1000).toLocaleString('en-US')} ms`;
console.log(`status after ${Math.round(statusMs)} ms (traced, so slower); CPU of the page's renderer:`);
let sum = 0;
for (const [thread, us] of [...cpu].sort((a, b) => b[1] - a[1])) {
  sum += us;
  console.log(`  ${ms(us).padStart(9)}  ${thread}`);
}
console.log(`  ${ms(sum).padStart(9)}  in all, ${(sum / 1000 / statusMs).toFixed(2)} cores on average`);
for (const [kind, us] of Object.entries(background)) console.log(`    of the background: ${ms(us)} ${kind}`);
console.log(`trace: ${tracePath}`);
