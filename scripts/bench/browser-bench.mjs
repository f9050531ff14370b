// Chromium half of `npm run bench`: in the same browser, bare js-yaml and yaml parses of the text
// on a page, then the real app flow on a fresh page: file set on the input → role="status" says
// "N interactions"; the stream doctor finished (nothing marked data-doctor-checking); first table rows; the longest main-thread task (PerformanceObserver
// 'longtask', https://w3c.github.io/longtasks/); the most table rows in the DOM; JS heap after load
// of the page and all its workers (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage).
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--enable-precise-memory-info',
];

const FILE_INPUT = 'input[type=file]:not([webkitdirectory])';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * js-yaml and yaml on the page, best of `runs` each; yaml runs once on files over 5 MB (it takes
 * seconds there, and warm-up no longer matters).
 *
 * Also, best of `runs` each, three steps no full load can skip (the `floor`): decoding the bytes
 * (TextDecoder), yaml's Lexer over the text (https://eemeli.org/yaml/#lexer: token boundaries only,
 * no values; the app's fast path builds its values on these tokens), and JSON.parse of every SSE
 * `data:` payload (a streamed interaction's usage, finish reason and warnings are in its events).
 * They show how much of the js-yaml yardstick is spent before the app has built a single value.
 * Last, the app's own read (core loadCassette, then analyzeCassette) on the page's thread, warm:
 * what the workers share out, without workers, messages or rendering.
 */
export async function browserParsers(browser, baseUrl, parsersJs, fileName, runs) {
  const page = await browser.newPage();
  // Any page of the same origin will do (a 404 is fine): the script fetches the file from it.
  await page.goto(`${baseUrl}blank`);
  await page.addScriptTag({ content: parsersJs });
  const result = await page.evaluate(
    async ({ url, runs }) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const text = new TextDecoder().decode(bytes);
      const { jsyaml, YAML } = globalThis.__benchParsers;
      const best = (fn) => {
        let fastest = Infinity;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          fn();
          fastest = Math.min(fastest, performance.now() - t);
        }
        return fastest;
      };
      const time = (fn) => {
        const t = performance.now();
        const value = fn();
        const list =
          value?.interactions ?? value?.http_interactions ?? value?.requests ?? value?.log?.entries ?? [];
        return { ms: performance.now() - t, count: list.length };
      };
      let js = null;
      for (let i = 0; i < runs; i++) {
        const one = time(() => jsyaml.load(text));
        if (!js || one.ms < js.ms) js = one;
      }
      let yaml = null;
      for (let i = 0; i < (text.length > 5e6 ? 1 : runs); i++) {
        const one = time(() => YAML.parse(text));
        if (!yaml || one.ms < yaml.ms) yaml = one;
      }
      // The payloads of the generated cassettes' literal block bodies, as the SSE framing gets them.
      const payloads = [];
      for (const match of text.matchAll(/^ *data: ?(.*)$/gm))
        if (match[1] !== '[DONE]') payloads.push(match[1]);
      const floor = {
        decodeMs: best(() => new TextDecoder().decode(bytes)),
        lexMs: best(() => {
          // Drain the generator: every token is produced and dropped.
          const tokens = new YAML.Lexer().lex(text);
          while (!tokens.next().done);
        }),
        events: payloads.length,
        eventJsonMs: payloads.length
          ? best(() => {
              for (const payload of payloads) JSON.parse(payload);
            })
          : null,
      };
      const core = globalThis.__benchCore;
      let cassette = null;
      const oneThread = {
        loadMs: best(() => {
          cassette = core.loadCassette(bytes, url.split('/').pop());
        }),
        analyzeMs: best(() => core.analyzeCassette(cassette)),
      };
      return { 'js-yaml': js, yaml, floor, oneThread };
    },
    { url: `${baseUrl}bench-files/${fileName}`, runs },
  );
  await page.close();
  return result;
}

/**
 * One bare js-yaml parse of the file on a fresh page: taken just before each app load, so the
 * load's ratio is against the yardstick of the same moment (the machine is shared, and its load
 * changes within a minute).
 */
export async function browserJsYamlOnce(browser, baseUrl, parsersJs, fileName) {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}blank`);
  await page.addScriptTag({ content: parsersJs });
  const ms = await page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const t = performance.now();
    globalThis.__benchParsers.jsyaml.load(text);
    return performance.now() - t;
  }, `${baseUrl}bench-files/${fileName}`);
  await page.close();
  return ms;
}

/**
 * The app flow on a fresh page. `query` is added to the page's address: `?parse-workers=0` makes
 * a large file's load worker read it alone, with no pool of parse workers (src/main.tsx).
 */
export async function browserApp(browser, baseUrl, fileName, count, fileBytes, query = '') {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${baseUrl}${query}`);
  // The file picker, not the folder picker beside it (webkitdirectory).
  await page.locator(FILE_INPUT).waitFor({ state: 'attached' });
  // As a user would: the page is open for a moment before a file is chosen. The app prepares its
  // loader (a spare worker and its parse pool) when the page is first idle (app/file-loader.ts).
  await page.waitForTimeout(1000);
  const wanted = `${count.toLocaleString('en-US')} interaction${count === 1 ? '' : 's'}`;
  const timing = await page.evaluate(
    async ({ url, name, wanted, fileInput }) => {
      const blob = await (await fetch(url)).blob();
      const file = new File([blob], name, { type: 'application/x-yaml' });
      const longTasks = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, ms: entry.duration });
      });
      observer.observe({ type: 'longtask', buffered: false });
      const input = document.querySelector(fileInput);
      const transfer = new DataTransfer();
      transfer.items.add(file);
      let maxRows = 0;
      let firstRowsMs = null;
      let statusMs = null;
      let doctorMs = null;
      // While the stream doctor still checks (after the status), something on the page says so.
      const checking = () => document.querySelector('[data-doctor-checking]') !== null;
      const rows = () => document.querySelectorAll('[role=grid] .exchange-table__body [role=row]').length;
      const statusText = () => document.querySelector('[role=status]')?.textContent ?? '';
      const started = performance.now();
      return new Promise((resolve) => {
        const check = () => {
          const n = rows();
          if (n > maxRows) maxRows = n;
          if (n > 0 && firstRowsMs === null) firstRowsMs = performance.now() - started;
          if (statusMs === null && statusText().includes(wanted)) statusMs = performance.now() - started;
          if (statusMs !== null && doctorMs === null && !checking()) doctorMs = performance.now() - started;
        };
        const mutations = new MutationObserver(check);
        mutations.observe(document.body, { subtree: true, childList: true, characterData: true });
        const poll = () => {
          check();
          if (doctorMs !== null && firstRowsMs !== null) {
            // Let the last long task be reported before reading the list.
            setTimeout(() => {
              mutations.disconnect();
              observer.disconnect();
              const during = longTasks.filter((t) => t.start >= started);
              // The app's mark when the worker's `loaded` reached the page (app/file-loader.ts).
              const loaded = performance
                .getEntriesByName('cassette-viewer:loaded')
                .filter((entry) => entry.startTime >= started)
                .at(-1);
              resolve({
                statusMs,
                doctorMs,
                loadedMs: loaded ? loaded.startTime - started : null,
                workerMs: loaded?.detail?.workerMs ?? null,
                firstRowsMs,
                maxRows: Math.max(maxRows, rows()),
                longestTaskMs: during.reduce((m, t) => Math.max(m, t.ms), 0),
                longTasks: during.length,
                // When the longest ones started (ms after the file was chosen), to line them up
                // with first rows, status and doctor finished in results.json.
                longestTasks: [...during]
                  .sort((a, b) => b.ms - a.ms)
                  .slice(0, 4)
                  .map((t) => ({ at: Math.round(t.start - started), ms: Math.round(t.ms) })),
                status: statusText(),
              });
            }, 300);
          } else if (performance.now() - started > 240_000) resolve({ timeout: true, status: statusText() });
          else requestAnimationFrame(poll);
        };
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        requestAnimationFrame(poll);
      });
    },
    { url: `${baseUrl}bench-files/${fileName}`, name: fileName, wanted, fileInput: FILE_INPUT },
  );
  const heaps = await heapsAfterLoad(browser, page);
  await context.close();
  const total = heaps.reduce((sum, heap) => sum + heap.usedBytes, 0);
  const pageHeap = heaps.find((heap) => heap.type === 'page')?.usedBytes ?? 0;
  return {
    ...timing,
    heapMB: total / 1e6,
    heapPerFileSize: total / fileBytes,
    pageHeapMB: pageHeap / 1e6,
    workerHeapsMB: heaps.filter((heap) => heap.type === 'worker').map((heap) => heap.usedBytes / 1e6),
    backingMB: heaps.reduce((sum, heap) => sum + heap.backingBytes, 0) / 1e6,
    consoleErrors: errors,
  };
}

/**
 * The JS heap of the page and of every worker it started (the load worker and its parse workers
 * hold the exchanges), each after a full garbage collection. Workers, nested ones included, are
 * targets of their own; a browser-level session reaches them by id
 * (https://chromedevtools.github.io/devtools-protocol/tot/Target/#method-attachToTarget,
 * Runtime.getHeapUsage, HeapProfiler.collectGarbage).
 */
async function heapsAfterLoad(browser, page) {
  const own = await page.context().newCDPSession(page);
  const { targetInfo } = await own.send('Target.getTargetInfo');
  await own.detach();
  const cdp = await browser.newBrowserCDPSession();
  const replies = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message);
    replies.get(reply.id)?.(reply.result ?? {});
  });
  let nextId = 1;
  const call = (sessionId, method) =>
    new Promise((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
  const { targetInfos } = await cdp.send('Target.getTargets');
  const heaps = [];
  for (const target of targetInfos) {
    if (target.browserContextId !== targetInfo.browserContextId) continue;
    if (target.type !== 'page' && target.type !== 'worker') continue;
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    await call(sessionId, 'HeapProfiler.collectGarbage');
    const usage = await call(sessionId, 'Runtime.getHeapUsage');
    // `backingStorageSize`: memory the heap's objects own outside it, ArrayBuffers and external
    // strings (a TextDecoder's output in Chromium is one, and a slice of it keeps all of it).
    heaps.push({
      type: target.type,
      title: target.title,
      usedBytes: usage.usedSize ?? 0,
      backingBytes: usage.backingStorageSize ?? 0,
    });
  }
  await cdp.detach();
  return heaps;
}
