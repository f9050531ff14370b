/**
 * How a load's partial results reach the page: summary batches and progress, each coalesced so a
 * 4,000-interaction load re-renders the page a few dozen times rather than once per run (issue 9).
 * Used by the file loader (file-loader.ts) for every load.
 */
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type { ThreadItem } from '../core/model/thread';
import { withBatches, type LoadProgress, type LoadStage } from '../workers/load-protocol';

/**
 * Partial results reach the page at most this often. Each report re-renders the table over every
 * interaction so far, so reporting every 64-interaction batch of a 4,000-interaction file would
 * cost 60 renders; the first batch goes out at once (first rows early), later ones are coalesced.
 */
export const BATCH_REPORT_INTERVAL_MS = 250;
/** Added to the gap per row already shown: 4,000 rows wait 250 + 500 ms for the next report. */
const GAP_PER_ROW_MS = 0.125;

/**
 * Collects the summary batches of one load in a single array (appended, never rebuilt) and reports
 * the summaries so far to `onBatch`: the first batch at once, later ones at most every
 * `intervalMs`. `complete` puts them into the `loaded` shell (withBatches in
 * workers/load-protocol.ts).
 */
export function batchReporter(
  onBatch: ((summariesSoFar: ExchangeSummary[]) => void) | undefined,
  intervalMs = BATCH_REPORT_INTERVAL_MS,
  now: () => number = () => performance.now(),
) {
  let received: ExchangeSummary[] = [];
  let threadItems: ThreadItem[] = [];
  let reported = 0;
  let lastReportAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const report = () => {
    timer = null;
    if (!onBatch || received.length === reported) return;
    reported = received.length;
    lastReportAt = now();
    // A fresh array each report: React compares props by identity, and the copy is a few thousand
    // references (microseconds), far less than the render it triggers.
    onBatch(received.slice());
  };
  return {
    add(summaries: ExchangeSummary[], items: ThreadItem[] = []) {
      for (const summary of summaries) received.push(summary);
      for (const item of items) threadItems.push(item);
      if (!onBatch || timer !== null) return;
      // Each report renders the table over every row so far, so the gap grows with the rows
      // shown: the renders of a whole load then cost a few times its rows, not rows² / batch.
      const wait = lastReportAt + intervalMs + Math.round(reported * GAP_PER_ROW_MS) - now();
      if (wait <= 0) report();
      else timer = setTimeout(report, wait);
    },
    restart() {
      cancel();
      received = [];
      threadItems = [];
      if (onBatch && reported > 0) onBatch([]);
      reported = 0;
    },
    complete(shell: CassetteOverview): CassetteOverview {
      cancel();
      const overview = withBatches(shell, received, threadItems);
      received = [];
      threadItems = [];
      return overview;
    },
    cancel,
  };
}

/**
 * Progress reaches the page at most every `intervalMs` too: the split load reports after every
 * run (60 runs for 4,000 interactions) and each report re-renders the app shell, on the same two
 * cores the parse workers need. A change of stage goes out at once; the latest value wins.
 */
export function progressReporter(
  onStage: (stage: LoadStage, progress?: LoadProgress) => void,
  intervalMs = BATCH_REPORT_INTERVAL_MS,
  now: () => number = () => performance.now(),
) {
  let lastStage: LoadStage | null = null;
  let lastReportAt = -Infinity;
  let pending: LoadProgress | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  let pendingStage: LoadStage | null = null;
  const send = (stage: LoadStage, progress?: LoadProgress) => {
    cancel();
    pendingStage = null;
    lastStage = stage;
    lastReportAt = now();
    onStage(stage, progress);
  };
  return {
    report(stage: LoadStage, progress?: LoadProgress) {
      const wait = lastReportAt + intervalMs - now();
      if (stage !== lastStage || wait <= 0) return send(stage, progress);
      pending = progress;
      pendingStage = stage;
      timer ??= setTimeout(() => send(stage, pending), wait);
    },
    /** Keeps a value for the next `flush` without a timer (it goes out with the next rows). */
    hold(stage: LoadStage, progress?: LoadProgress) {
      cancel();
      pending = progress;
      pendingStage = stage;
    },
    /** Sends a held-back value now (with a batch of rows, so both show the same count). */
    flush() {
      if (pendingStage !== null) send(pendingStage, pending);
    },
    cancel,
  };
}
