/**
 * The split load (issue 9), run by the load worker: the interaction list is cut into runs
 * (core/cassette/split), a pool of parse workers parses and reads them in parallel, and the
 * results go to the page in file order as they come, with progress in bytes and interactions.
 * The thread and the stream doctor run once at the end, on all exchanges, exactly as
 * `analyzeCassette` does. The page gets only summaries (core/summarize-exchange); the exchanges
 * themselves stay with the caller, which answers the page's queries for them. Resolves 'fallback'
 * when any piece cannot stand alone (the caller then reads the whole file the old way, after
 * telling the page to `restart`).
 */
import { buildThread } from '../core/conversation/build-thread';
import { findAnomalies } from '../core/doctor/find-anomalies';
import type { SplitPlan } from '../core/cassette/split/split-interaction-list';
import type { SplitLoadPlan } from '../core/cassette/split/split-load';
import type { AnalyzedExchange } from '../core/model/analysis';
import type { CassetteFacts, CassetteOverview } from '../core/model/overview';
import { summarizeExchange } from '../core/summarize-exchange';
import type { LoadResponse } from './load-protocol';
import type { ParseResult, ParseTask } from './parse-protocol';

/** What the pool needs of a Worker (a fake one runs runParseTask in tests). */
export interface PoolWorker {
  postMessage(task: ParseTask): void;
  onmessage: ((event: { data: ParseResult }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

export interface SplitJob {
  jobId: number;
  fileName: string;
  text: string;
  bytesTotal: number;
  fileDecoding: string[];
  split: SplitPlan;
  plan: SplitLoadPlan;
}

/** Small first runs so the first rows arrive fast, then larger ones to keep messages few. */
export function taskSizes(count: number): number[] {
  const sizes: number[] = [];
  let left = count;
  for (const size of [8, 24]) {
    if (left <= 0) break;
    sizes.push(Math.min(size, left));
    left -= size;
  }
  while (left > 0) {
    sizes.push(Math.min(64, left));
    left -= 64;
  }
  return sizes;
}

function buildTasks(job: SplitJob): ParseTask[] {
  const tasks: ParseTask[] = [];
  let next = 0;
  for (const size of taskSizes(job.split.items.length)) {
    const run = job.split.items.slice(next, next + size);
    const base = run[0]!.start;
    tasks.push({
      taskId: tasks.length,
      format: job.plan.format,
      text: job.text.slice(base, run.at(-1)!.end),
      items: run.map((item, k) => ({
        start: item.start - base,
        end: item.end - base,
        line: item.line,
        index: next + k,
      })),
    });
    next += size;
  }
  return tasks;
}

export function runSplitLoad(
  job: SplitJob,
  createWorker: () => PoolWorker,
  poolSize: number,
  post: (response: LoadResponse) => void,
  now: () => number = () => performance.now(),
): Promise<AnalyzedExchange[] | 'fallback'> {
  const started = now();
  const { jobId } = job;
  const tasks = buildTasks(job);
  const total = job.split.items.length;
  const results = new Map<number, AnalyzedExchange[]>();
  const all: AnalyzedExchange[] = [];
  let nextToSend = 0;
  let nextToStart = 0;
  let charsDone = 0;
  const workers: PoolWorker[] = [];

  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: AnalyzedExchange[] | 'fallback') => {
      if (settled) return;
      settled = true;
      for (const worker of workers) worker.terminate();
      resolve(outcome);
    };
    const flush = () => {
      // Forward finished runs in file order.
      for (let ready = results.get(nextToSend); ready; ready = results.get(nextToSend)) {
        results.delete(nextToSend);
        const task = tasks[nextToSend]!;
        charsDone += task.text.length;
        nextToSend++;
        const first = all.length;
        for (const exchange of ready) all.push(exchange);
        post({
          jobId,
          kind: 'batch',
          summaries: ready.map((exchange, k) => summarizeExchange(exchange, first + k)),
        });
        post({
          jobId,
          kind: 'progress',
          stage: 'parsing',
          progress: {
            bytesDone: Math.round((job.bytesTotal * charsDone) / job.text.length),
            bytesTotal: job.bytesTotal,
            interactionsDone: all.length,
            interactionsTotal: total,
          },
        });
      }
      if (nextToSend < tasks.length) return;
      post({ jobId, kind: 'progress', stage: 'analyzing' });
      const thread = buildThread(all);
      const cassette: CassetteFacts = {
        fileName: job.fileName,
        format: job.plan.format,
        formatVariant: job.plan.formatVariant,
        recorder: job.plan.recorder,
        fileDecoding: job.fileDecoding,
        warnings: job.plan.warnings,
      };
      const anomalies = findAnomalies({ exchanges: all, thread });
      const overview: CassetteOverview = { cassette, exchanges: [], thread, anomalies };
      post({ jobId, kind: 'loaded', overview, workerMs: now() - started, batched: true });
      finish(all);
    };
    const feed = (worker: PoolWorker) => {
      if (settled || nextToStart >= tasks.length) return;
      worker.postMessage(tasks[nextToStart++]!);
    };
    const count = Math.max(1, Math.min(poolSize, tasks.length));
    for (let i = 0; i < count && !settled; i++) {
      let worker: PoolWorker;
      try {
        worker = createWorker();
      } catch {
        finish('fallback');
        return;
      }
      workers.push(worker);
      worker.onmessage = (event) => {
        const result = event.data;
        if (settled) return;
        if (result.kind !== 'parsed') return finish('fallback');
        results.set(result.taskId, result.exchanges);
        feed(worker);
        try {
          flush();
        } catch {
          finish('fallback');
        }
      };
      worker.onerror = () => finish('fallback');
      feed(worker);
    }
  });
}
