#!/usr/bin/env node
/**
 * Smoothness of stream replay (issue 5): generate a go-vcr cassette with one streamed chat
 * completion of N events (default 5,000: markdown text in paragraphs, a tool call whose arguments
 * arrive in fragments, finish, usage, [DONE]), open it in the production build in Chromium,
 * play it, and measure with the page's own performance API:
 * - frame times: deltas between requestAnimationFrame callbacks
 *   (https://html.spec.whatwg.org/multipage/imagebitmap-and-animations.html#animation-frames);
 * - long tasks: PerformanceObserver 'longtask' entries, main-thread tasks over 50 ms
 *   (https://w3c.github.io/longtasks/);
 * - Pause: whether the timecode still moves in the frames after the click, and how long until
 *   the button says "Play" again.
 * The idle frames before Play are measured too: on a shared, loaded machine they show the floor.
 *
 * Usage: node scripts/measure-replay.mjs [--events 5000] [--speed 10] [--seconds N] [--dist DIR]
 *   --seconds defaults to 95% of the whole replay at that speed (read off the player's end
 *   timecode), so the frames cover nearly every event and Pause is pressed just before the end.
 *   --dist serves an existing build instead of building into a temporary folder.
 *   CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import { chromium } from '@playwright/test';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '5000' },
    speed: { type: 'string', default: '10' },
    seconds: { type: 'string' },
    dist: { type: 'string' },
  },
});
const EVENT_COUNT = Math.max(10, Number(args.events));
const SPEED = args.speed;
let SECONDS = args.seconds === undefined ? null : Number(args.seconds);

/** "3:21.080" (m:ss.mmm) or "21.080" in ms. */
function parseTimecode(text) {
  const match = /(?:(\d+):)?(\d+(?:\.\d+)?)/.exec(text ?? '');
  return match ? (Number(match[1] ?? 0) * 60 + Number(match[2])) * 1000 : NaN;
}

/** One SSE chunk of an OpenAI-compatible chat completion stream. */
function chunk(delta, extra = {}) {
  return `data: ${JSON.stringify({
    id: 'gen-measure',
    object: 'chat.completion.chunk',
    created: 1758698613,
    model: 'measure/model',
    choices: [{ index: 0, delta, finish_reason: null }],
    ...extra,
  })}\n\n`;
}

/** A streamed body of `count` events: text, one tool call in fragments, finish, usage, [DONE]. */
function streamBody(count) {
  const words = [
    'stream',
    'replay',
    'keeps',
    'every',
    'frame',
    'on',
    'time',
    'while',
    'the',
    'text',
    'grows',
  ];
  const toolFragments = Math.min(200, Math.floor(count / 10));
  const textEvents = count - toolFragments - 3;
  const parts = [];
  for (let i = 0; i < textEvents; i++) {
    let text = ` ${words[i % words.length]}`;
    if (i % 60 === 59) text += '.\n\n';
    else if (i % 400 === 0) text = `\n\n## Section ${i / 400 + 1}\n\n- **item** \`code\``;
    parts.push(chunk({ role: 'assistant', content: text }));
  }
  parts.push(
    chunk({
      tool_calls: [
        { index: 0, id: 'call_measure', type: 'function', function: { name: 'record', arguments: '' } },
      ],
    }),
  );
  for (let i = 0; i < toolFragments - 1; i++) {
    const fragment = i === 0 ? '{"values":[' : `${i}${i < toolFragments - 2 ? ',' : ']}'}`;
    parts.push(chunk({ tool_calls: [{ index: 0, function: { arguments: fragment } }] }));
  }
  parts.push(chunk({}, { choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }));
  parts.push(
    chunk(
      {},
      {
        choices: [],
        usage: { prompt_tokens: 100, completion_tokens: count * 2, total_tokens: 100 + count * 2 },
      },
    ),
  );
  parts.push('data: [DONE]\n\n');
  return parts.join('');
}

function cassette(count) {
  const body = streamBody(count)
    .split('\n')
    .map((line) => (line === '' ? '' : `            ${line}`))
    .join('\n');
  return `---
version: 2
interactions:
  - id: 0
    request:
        proto: HTTP/1.1
        body: '{"model":"measure/model","stream":true,"messages":[{"role":"user","content":"Write a long answer"}]}'
        headers:
            Content-Type:
              - application/json
        url: https://openrouter.ai/api/v1/chat/completions
        method: POST
    response:
        proto: HTTP/2.0
        content_length: -1
        body: |+
${body}
        headers:
            Content-Type:
              - text/event-stream
        status: 200 OK
        code: 200
        duration: 800ms
`;
}

/**
 * Renderer main-thread work per frame from a Chrome trace: top-level tasks (`RunTask`) on the
 * thread named CrRendererMain, wall `dur` and CPU `tdur` (µs), and the frames (`FireAnimationFrame`).
 */
function mainThreadCpu(traceEvents) {
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = traceEvents.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const frames = onMain.filter((e) => e.name === 'FireAnimationFrame').length;
  const start = Math.min(...tasks.map((e) => e.ts));
  const end = Math.max(...tasks.map((e) => e.ts + e.dur));
  const cpuMs = tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0) / 1000;
  const wallMs = tasks.reduce((sum, e) => sum + e.dur, 0) / 1000;
  const cpuPerTask = tasks.map((e) => (e.tdur ?? 0) / 1000).sort((a, b) => a - b);
  const round = (n) => Math.round(n * 10) / 10;
  // Where the CPU went, by trace event name (nested events overlap, so these do not sum to the
  // total): script in rAF callbacks and timers vs style, layout and paint tells code from browser.
  const byName = new Map();
  for (const e of onMain) {
    if (e.name === 'RunTask' || !e.tdur) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.tdur / 1000);
  }
  const cpuByEventMs = Object.fromEntries(
    [...byName]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([name, ms]) => [name, round(ms)]),
  );
  return {
    windowMs: round((end - start) / 1000),
    animationFrames: frames,
    mainThreadCpuMs: round(cpuMs),
    mainThreadWallMs: round(wallMs),
    cpuMsPerFrame: frames ? round(cpuMs / frames) : null,
    longestTaskCpuMs: round(cpuPerTask.at(-1) ?? 0),
    p95TaskCpuMs: round(percentile(cpuPerTask, 95)),
    cpuByEventMs,
  };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function frameStats(deltas) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const round = (n) => Math.round(n * 10) / 10;
  return {
    frames: deltas.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
    over16_7: deltas.filter((d) => d > 16.7 + 1).length,
  };
}

const work = mkdtempSync(join(tmpdir(), 'measure-replay-'));
const file = join(work, `stream-${EVENT_COUNT}-events.yaml`);
writeFileSync(file, cassette(EVENT_COUNT));
let outDir = args.dist;
if (!outDir) {
  outDir = join(work, 'dist');
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}
const server = await preview({
  logLevel: 'warn',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1' },
});
const url = server.resolvedUrls.local[0];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(url);
  await page.locator('input[type=file]').first().setInputFiles(file);
  await page
    .getByRole('status')
    .filter({ hasText: /1 interaction/ })
    .waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    window.location.hash = 'i=1&view=replay';
  });
  await page.getByRole('region', { name: 'Stream replay' }).waitFor();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(SPEED);
  if (SECONDS === null) {
    const endMs = parseTimecode(await page.locator('.rp-timecode-end').textContent());
    SECONDS = Math.max(6, Math.round((0.95 * endMs) / Number(SPEED) / 100) / 10);
  }

  // Observers first; then idle frames (the floor); then play.
  await page.evaluate(() => {
    const probe = { frames: [], longTasks: [], recording: true };
    window.__probe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
    let last = null;
    const tick = (now) => {
      if (last !== null && probe.recording) probe.frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.waitForTimeout(2000);
  const idle = await page.evaluate(() => {
    const frames = window.__probe.frames.splice(0);
    window.__probe.longTasks.splice(0);
    return frames;
  });

  await page.getByRole('button', { name: 'Play' }).click();
  // A trace over the middle of the run gives CPU time (`tdur`, thread time) next to wall time:
  // on a shared machine wall time includes waiting for a core, CPU time does not.
  await page.waitForTimeout(Math.max(0, (SECONDS * 1000) / 2 - 1500));
  await browser.startTracing(page, {
    categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await page.waitForTimeout(3000);
  const cpu = mainThreadCpu(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
  await page.waitForTimeout(Math.max(0, (SECONDS * 1000) / 2 - 1500));
  // Pause from inside the page, and watch the next frames: the timecode must not move after
  // the frame in which the click happened.
  const pause = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const probe = window.__probe;
        probe.recording = false;
        const timecode = () => document.querySelector('[data-testid="replay-timecode"]')?.textContent;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Pause');
        const clickedAt = performance.now();
        button?.click();
        const afterClick = timecode();
        let labelAt = null;
        const observer = new MutationObserver(() => {
          if (labelAt === null && button?.textContent === 'Play') labelAt = performance.now();
        });
        if (button) observer.observe(button, { childList: true, subtree: true, characterData: true });
        requestAnimationFrame(() => {
          const frame1 = timecode();
          requestAnimationFrame(() => {
            const frame2 = timecode();
            setTimeout(() => {
              observer.disconnect();
              const rows = document.querySelectorAll(
                '[role="table"][aria-label="Stream events"] [role="row"]',
              ).length;
              resolve({
                found: Boolean(button),
                afterClick,
                frame1,
                frame2,
                stoppedWithinOneFrame: frame1 === frame2,
                buttonLabelMs: labelAt === null ? null : Math.round((labelAt - clickedAt) * 10) / 10,
                status: document.querySelector('[data-testid="replay-status"]')?.textContent,
                tableRowsInDom: rows,
                frames: probe.frames,
                longTasks: probe.longTasks,
              });
            }, 300);
          });
        });
      }),
  );

  const playing = frameStats(pause.frames);
  const longest = pause.longTasks.reduce((max, task) => Math.max(max, task.duration), 0);
  const report = {
    events: EVENT_COUNT,
    speed: SPEED,
    seconds: SECONDS,
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    idleFrames: frameStats(idle),
    playingFrames: playing,
    longTasks: { count: pause.longTasks.length, longestMs: Math.round(longest) },
    mainThreadTrace: cpu,
    pause: {
      stoppedWithinOneFrame: pause.stoppedWithinOneFrame,
      timecodeAtClick: pause.afterClick,
      timecodeNextFrames: [pause.frame1, pause.frame2],
      buttonSaysPlayAfterMs: pause.buttonLabelMs,
    },
    statusAtPause: pause.status,
    tableRowsInDom: pause.tableRowsInDom,
    pageErrors: errors,
  };
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `\n${EVENT_COUNT} events at ${SPEED}× for ${SECONDS} s: p95 frame ${playing.p95} ms (idle p95 ${report.idleFrames.p95} ms), ` +
      `longest task ${report.longTasks.longestMs} ms, main-thread CPU ${cpu.cpuMsPerFrame} ms per frame ` +
      `(longest task ${cpu.longestTaskCpuMs} ms CPU), pause within one frame: ${pause.stoppedWithinOneFrame}, ` +
      `load average ${report.loadAverage.join(' ')}`,
  );
  process.exitCode = pause.found && errors.length === 0 ? 0 : 1;
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
  rmSync(work, { recursive: true, force: true });
}
