// Turns bench results into the Markdown tables printed by `npm run bench` and kept in bench-output/.
const ms = (v) => (v === undefined || v === null ? '—' : `${Math.round(v).toLocaleString('en-US')} ms`);
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '—');
/** The row's name: the interaction count, or the corpus file it measured. */
const label = (s) => (s.label ? `${s.label} (${s.count})` : s.count.toLocaleString('en-US'));
const size = (bytes) => (bytes < 1e6 ? `${Math.round(bytes / 1e3)} KB` : `${(bytes / 1e6).toFixed(1)} MB`);
const mb = (v) => (v === undefined ? '—' : `${Math.round(v)} MB`);
/** Best (least) and median of some numbers; null when there are none. */
function stats(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { best: sorted[0], median };
}

export function formatReport(results) {
  const lines = [`# Cassette Viewer bench, ${results.date} (${results.cpus} CPUs)`, ''];
  if (results.sizes.some((s) => s.node)) {
    lines.push(
      '## Node 20',
      '',
      '| interactions | size | js-yaml | yaml | app load | yaml / js-yaml | app / js-yaml | app / yaml | peak RSS js-yaml / yaml / app |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const s of results.sizes.filter((x) => x.node)) {
      const n = s.node;
      lines.push(
        `| ${label(s)} | ${size(s.bytes)} | ${ms(n['js-yaml'].ms)} | ${ms(n.yaml.ms)} | ${ms(n.app.ms)} | ${ratio(n.yaml.ms, n['js-yaml'].ms)} | ${ratio(n.app.ms, n['js-yaml'].ms)} | ${ratio(n.app.ms, n.yaml.ms)} | ${mb(n['js-yaml'].peakRssMB)} / ${mb(n.yaml.peakRssMB)} / ${mb(n.app.peakRssMB)} |`,
      );
    }
    lines.push('');
  }
  if (results.sizes.some((s) => s.browser)) {
    lines.push(
      '## Chromium (headless)',
      '',
      `File chosen → status "N interactions" and → stream doctor finished, each ÷ js-yaml in the same browser; "pooled" is one parse worker per core (\`?parse-workers=${results.cpus}\`), "one worker" is the load worker alone, no pool (\`?parse-workers=0\`). Floor: decode + yaml Lexer + JSON.parse of every SSE payload on one warm thread.`,
      '',
      'Each app measure is "best / median" of the loads per mode (`--runs`, at most 5; the modes take turns, so a burst of other work falls on both). The ratios of status and doctor finished are each load ÷ a js-yaml parse taken on a fresh page just before it; the js-yaml column is the best warm parse.',
      '',
      '| interactions | size | js-yaml | yaml | floor | load | status | doctor finished | first rows | longest task | long tasks | max rows in DOM | JS heap after load, page and workers |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const s of results.sizes.filter((x) => x.browser)) {
      const b = s.browser;
      const js = b['js-yaml'].ms;
      const floor = b.floor ? b.floor.decodeMs + b.floor.lexMs + (b.floor.eventJsonMs ?? 0) : null;
      const modes = [
        ['pooled', b.pooled ?? b.app],
        ['one worker, no pool', b.oneWorker],
      ].filter(([, mode]) => mode);
      for (const [name, mode] of modes) {
        const all = mode.runs ?? [mode];
        const done = all.filter((run) => !run.timeout);
        const timedOut = all.length - done.length;
        const pick = (key) => stats(done.map((run) => run[key]));
        // Each load ÷ the js-yaml parse taken just before it (its yardstick of the moment); the
        // page's best js-yaml when a run has none.
        const timed = (key) => {
          const v = pick(key);
          const r = stats(done.map((run) => run[key] / (run.jsYamlMs ?? js)));
          return v
            ? `${ms(v.best)} / ${ms(v.median)} (${r.best.toFixed(2)}× / ${r.median.toFixed(2)}×)`
            : 'timeout';
        };
        const plain = (key) => {
          const v = pick(key);
          return v ? `${ms(v.best)} / ${ms(v.median)}` : '—';
        };
        const heap = pick('heapMB');
        const best = done.find((run) => run.heapMB === heap?.best);
        const heapText = heap
          ? `${mb(heap.best)} / ${mb(heap.median)} (${(heap.best / (s.bytes / 1e6)).toFixed(1)}× / ${(heap.median / (s.bytes / 1e6)).toFixed(1)}× file; best: page ${mb(best.pageHeapMB)}, workers ${best.workerHeapsMB.map((w) => Math.round(w)).join(' + ')} MB${best.backingMB === undefined ? '' : `; outside the heap ${mb(best.backingMB)}`})`
          : '—';
        const count = pick('longTasks');
        lines.push(
          `| ${label(s)} | ${size(s.bytes)} | ${ms(js)} | ${ms(b.yaml.ms)} (${ratio(b.yaml.ms, js)}) | ${floor === null ? '—' : `${ms(floor)} (${ratio(floor, js)})`} | ${name}${timedOut ? ` (${timedOut} timed out)` : ''} | ${timed('statusMs')} | ${timed('doctorMs')} | ${plain('firstRowsMs')} | ${plain('longestTaskMs')} | ${count ? `${count.best} / ${count.median}` : '—'} | ${done.length ? Math.max(...done.map((run) => run.maxRows)) : '—'} | ${heapText} |`,
        );
      }
    }
    // Where the status time of the fastest load goes: the worker's read (from the split load's start
    // to its `loaded`), the page until that message arrives, and the page's render after it.
    const parts = results.sizes.flatMap((s) =>
      [
        ['pooled', s.browser?.pooled],
        ['one worker, no pool', s.browser?.oneWorker],
      ].flatMap(([name, mode]) => {
        const fastest = (mode?.runs ?? [])
          .filter((run) => run.statusMs && run.loadedMs !== null && run.loadedMs !== undefined)
          .sort((a, b) => a.statusMs - b.statusMs)[0];
        if (!fastest) return [];
        const { statusMs, loadedMs, workerMs } = fastest;
        return [
          `| ${label(s)} | ${name} | ${ms(statusMs)} | ${workerMs === null ? '—' : ms(workerMs)} | ${ms(loadedMs)} | ${ms(statusMs - loadedMs)} |`,
        ];
      }),
    );
    if (parts.length)
      lines.push(
        '',
        "The fastest load's status time, taken apart: the worker's read of the file (its split load, start to `loaded`), file chosen → `loaded` on the page, and the page's render after it until the status shows:",
        '',
        '| interactions | load | status | worker read | file chosen → loaded | loaded → status |',
        '| --- | --- | --- | --- | --- | --- |',
        ...parts,
      );
    const floors = results.sizes.filter((x) => x.browser?.floor);
    if (floors.length)
      lines.push(
        '',
        "On the page's thread, warm (best of the runs), against js-yaml in the same page: what no full load can skip, and the app's own read without workers:",
        '',
        '| interactions | decode bytes | yaml Lexer alone | JSON.parse of every SSE payload | sum ÷ js-yaml | app read: loadCassette + analyzeCassette | app read ÷ js-yaml |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...floors.map((s) => {
          const { floor, oneThread } = s.browser;
          const js = s.browser['js-yaml'].ms;
          const sum = floor.decodeMs + floor.lexMs + (floor.eventJsonMs ?? 0);
          const events = floor.events
            ? `${ms(floor.eventJsonMs)} (${floor.events.toLocaleString('en-US')} events)`
            : '—';
          const read = oneThread ? oneThread.loadMs + oneThread.analyzeMs : null;
          const readText = oneThread ? `${ms(oneThread.loadMs)} + ${ms(oneThread.analyzeMs)}` : '—';
          return `| ${label(s)} | ${ms(floor.decodeMs)} | ${ms(floor.lexMs)} | ${events} | ${ratio(sum, js)} | ${readText} | ${ratio(read, js)} |`;
        }),
      );
    const errors = results.sizes.flatMap((s) =>
      [s.browser?.pooled ?? s.browser?.app, s.browser?.oneWorker]
        .flatMap((mode) => mode?.runs ?? (mode ? [mode] : []))
        .flatMap((run) => run.consoleErrors ?? []),
    );
    lines.push(
      '',
      errors.length ? `Console errors: ${errors.slice(0, 5).join(' | ')}` : 'No console errors.',
      '',
    );
  }
  return lines.join('\n') + '\n';
}
