#!/usr/bin/env node
// Where the page's main thread spends a large file's load (issue 15): a CPU profile of the page
// (Chrome DevTools protocol, https://chromedevtools.github.io/devtools-protocol/tot/Profiler/) from
// the file chosen to the doctor finished, printed as the functions with the most self time and the
// longest stretches of JS without a break (what the 'longtask' observer sees as long tasks).
//
//   node scripts/bench/profile-page.mjs [--count=4000] [--query=?parse-workers=0] [--build] [--worker]
//
// --worker also profiles the page's spare load worker (started at idle, so it is the one that
// takes the file): bench-output/worker.cpuprofile, and its top self times, idle included.
//
// PROFILE_INTERVAL=<µs> sets the sampling interval (default 200). Sampling itself slows the load
// (at 200 µs the profiled load took about twice its usual time here); 1000 keeps the proportions
// closer to an unprofiled load's.
//
// --build first builds the app unminified into bench-output/dist-profile (function names readable).
// The generated file comes from `npm run bench` (bench-output/files). Writes the raw profile to
// bench-output/page.cpuprofile (open it in Chrome DevTools' Performance panel).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser-bench.mjs';
import { oneLoadSetup, out } from './one-load-setup.mjs';
import { serveStatic } from './static-server.mjs';

const { args, count, query, appDir, name } = oneLoadSetup('dist-profile', ['--minify', 'false']);
const { server, port } = await serveStatic(appDir, join(out, 'files'));
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => m.text().startsWith('PROFILE') && console.log(m.text()));
await page.goto(`http://127.0.0.1:${port}/${query}`);
const input = 'input[type=file]:not([webkitdirectory])';
await page.locator(input).waitFor({ state: 'attached' });
await page.waitForTimeout(1000);
const cdp = await context.newCDPSession(page);
const samplingInterval = Number(process.env.PROFILE_INTERVAL ?? 200);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: samplingInterval });
await page.evaluate(
  async ({ url, name, input }) => {
    const blob = await (await fetch(url)).blob();
    globalThis.__file = new File([blob], name);
    globalThis.__input = input;
  },
  { url: `http://127.0.0.1:${port}/bench-files/${name}`, name, input },
);
const worker = args.includes('--worker') ? await workerProfiler(browser, page) : null;
await worker?.call('Profiler.start');
await cdp.send('Profiler.start');
const wanted = `${count.toLocaleString('en-US')} interaction`;
const { ms, longTasks, markAt, started, statusMs } = await page.evaluate(async (wanted) => {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask' });
  // A marker the profile can be lined up by: its samples carry this function's name.
  const markAt = (function benchClockMark() {
    const t = performance.now();
    while (performance.now() - t < 5);
    return t;
  })();
  const input = document.querySelector(globalThis.__input);
  const transfer = new DataTransfer();
  transfer.items.add(globalThis.__file);
  const started = performance.now();
  console.warn('PROFILE page chosen', performance.timeOrigin + started);
  new MutationObserver((_, obs) => {
    if (document.querySelector('[role=grid] .exchange-table__body [role=row]')) {
      console.warn('PROFILE page first rows', performance.timeOrigin + performance.now());
      obs.disconnect();
    }
  }).observe(document.body, { subtree: true, childList: true });
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  let statusMs = null;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const status = document.querySelector('[role=status]')?.textContent ?? '';
    if (statusMs === null && status.includes(wanted)) statusMs = performance.now() - started;
    if (status.includes(wanted) && !document.querySelector('[data-doctor-checking]')) break;
  }
  const ms = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { ms, longTasks, markAt, started, statusMs };
}, wanted);
await page.waitForTimeout(300);
const { profile } = await cdp.send('Profiler.stop');
writeFileSync(join(out, 'page.cpuprofile'), JSON.stringify(profile));
const workerProfile = worker && (await worker.call('Profiler.stop')).profile;
if (workerProfile) writeFileSync(join(out, 'worker.cpuprofile'), JSON.stringify(workerProfile));
await browser.close();
server.close();

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const frame = (node) =>
  `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber + 1}`;
const self = new Map();
const stamps = [];
let t = profile.startTime;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i] ?? 0;
  stamps.push(t);
  const node = byId.get(id);
  self.set(frame(node), (self.get(frame(node)) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
});
const markIndex = profile.samples.findIndex((id) => byId.get(id).callFrame.functionName === 'benchClockMark');
// Profile clock (µs) = page clock (ms) * 1000 + offset.
const offset = markIndex >= 0 ? stamps[markIndex] - markAt * 1000 : null;
/** The app frames leading to a sample, outermost first (the last few). */
const chainOf = (id) => {
  const chain = [];
  for (let p = byId.get(id); p; p = byId.get(parent.get(p.id)))
    if (p.callFrame.functionName !== '(root)') chain.push(frame(p));
  return chain.reverse();
};
console.log(
  `status after ${Math.round(statusMs)} ms, doctor finished after ${Math.round(ms)} ms (profiled, so slower)`,
);
console.log('\nSelf time, top 25:');
for (const [fn, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${v.toFixed(1).padStart(8)} ms  ${fn}`);
if (workerProfile) {
  console.log('\nLoad worker, self time, top 30:');
  for (const [fn, v] of selfTimes(workerProfile).slice(0, 30))
    console.log(`${v.toFixed(1).padStart(8)} ms  ${fn}`);
}
console.log(`\nLong tasks (${longTasks.length}), the longest with where their time went:`);
// The long tasks in the profile's clock (µs), for a closer look at bench-output/page.cpuprofile.
if (offset !== null)
  writeFileSync(
    join(out, 'long-tasks.json'),
    JSON.stringify(
      longTasks.map((task) => ({
        afterChosenMs: Math.round(task.start - started),
        ms: Math.round(task.ms),
        from: task.start * 1000 + offset,
        to: (task.start + task.ms) * 1000 + offset,
      })),
    ),
  );
for (const task of [...longTasks].sort((x, y) => y.ms - x.ms).slice(0, 8)) {
  console.log(
    `${task.ms.toFixed(0)} ms at ${(task.start - started).toFixed(0)} ms after the file was chosen`,
  );
  if (offset === null) continue;
  const from = task.start * 1000 + offset;
  const to = from + task.ms * 1000;
  const parts = new Map();
  profile.samples.forEach((id, i) => {
    if (stamps[i] < from || stamps[i] > to) return;
    const chain = chainOf(id);
    const key = [...chain.slice(0, 3), '…', ...chain.slice(-2)].join(' > ');
    parts.set(key, (parts.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  for (const [fn, v] of [...parts].sort((x, y) => y[1] - x[1]).slice(0, 8))
    console.log(`    ${v.toFixed(1).padStart(7)} ms  ${fn}`);
}

/** Self time per function of a CPU profile, largest first. */
function selfTimes(cpu) {
  const nodes = new Map(cpu.nodes.map((node) => [node.id, node]));
  const times = new Map();
  cpu.samples.forEach((id, i) => {
    const key = frame(nodes.get(id));
    times.set(key, (times.get(key) ?? 0) + (cpu.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...times].sort((a, b) => b[1] - a[1]);
}

/**
 * A CDP session on the page's load worker (a target of its own, reached from a browser session:
 * https://chromedevtools.github.io/devtools-protocol/tot/Target/#method-attachToTarget), with its
 * profiler enabled. Null when the page has no worker yet.
 */
async function workerProfiler(browser, page) {
  const own = await page.context().newCDPSession(page);
  const { targetInfo } = await own.send('Target.getTargetInfo');
  await own.detach();
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (info) => info.type === 'worker' && info.browserContextId === targetInfo.browserContextId,
  );
  if (!target) return null;
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  const replies = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    replies.get(reply.id)?.(reply.result ?? {});
  });
  let nextId = 1;
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params }),
      });
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: samplingInterval });
  return { call };
}
