/**
 * The split load (issue 9), run by the load worker: the interaction list is cut into runs
 * (core/cassette/split), a pool of parse workers parses and reads them in parallel, and the page
 * gets each run's summaries in file order as they come, with progress in bytes and interactions.
 * The parse workers keep the full exchanges and send back light copies (core/summarize-exchange
 * `withoutBulk`) and each interaction's findings; the thread is built as runs arrive in file order
 * and the cross-interaction findings once at the end, exactly as `analyzeCassette` does. Resolves with a PooledExchanges
 * that fetches full exchanges from the workers holding them, or 'fallback' when any piece cannot
 * stand alone (the caller then reads the whole file the old way, after telling the page to
 * `restart`).
 */
import { ThreadBuilder } from '../core/conversation/build-thread';
import { findCassetteAnomalies } from '../core/doctor/find-anomalies';
import type { SplitPlan } from '../core/cassette/split/split-interaction-list';
import type { SplitLoadPlan } from '../core/cassette/split/split-load';
import type { AnalyzedExchange } from '../core/model/analysis';
import type { Anomaly } from '../core/model/anomaly';
import type { CassetteFacts, CassetteOverview } from '../core/model/overview';
import type { LoadResponse } from './load-protocol';
import type { FromParseWorker, ParsedItem, ParseTask, ToParseWorker } from './parse-protocol';
import { PooledExchanges } from './pooled-exchanges';

/** What the pool needs of a Worker (a fake one runs runParseTask in tests). */
export interface PoolWorker {
  postMessage(message: ToParseWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { data: FromParseWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
}

export interface SplitJob {
  jobId: number;
  fileName: string;
  /** The file's text bytes (decompressed, no BOM), which `split` cuts. */
  bytes: Uint8Array;
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

/** A run of interactions, before its bytes are cut out (at the time it is sent). */
interface TaskRange {
  taskId: number;
  from: number;
  to: number;
  items: ParseTask['items'];
}

function planTasks(job: SplitJob): TaskRange[] {
  const tasks: TaskRange[] = [];
  let next = 0;
  for (const size of taskSizes(job.split.items.length)) {
    const run = job.split.items.slice(next, next + size);
    const base = run[0]!.start;
    tasks.push({
      taskId: tasks.length,
      from: base,
      to: run.at(-1)!.end,
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
): Promise<PooledExchanges | 'fallback'> {
  const started = now();
  const { jobId } = job;
  const tasks = planTasks(job);
  const total = job.split.items.length;
  const results = new Map<number, ParsedItem[]>();
  const light: AnalyzedExchange[] = [];
  const findings: Anomaly[] = [];
  // Built as runs arrive in file order, so only its last step is left when the last run is in.
  const threadBuilder = new ThreadBuilder();
  let nextToSend = 0;
  let nextToStart = 0;
  let bytesDone = 0;
  const workers: PoolWorker[] = [];
  /** Which pool member holds each interaction. */
  const owner = new Int32Array(total);
  const pooled = new PooledExchanges(workers, owner);

  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PooledExchanges | 'fallback') => {
      if (settled) return;
      settled = true;
      if (outcome === 'fallback') for (const worker of workers) worker.terminate();
      resolve(outcome);
    };
    const flush = () => {
      // Forward finished runs in file order.
      for (let ready = results.get(nextToSend); ready; ready = results.get(nextToSend)) {
        results.delete(nextToSend);
        bytesDone += tasks[nextToSend]!.to - tasks[nextToSend]!.from;
        nextToSend++;
        for (const item of ready) {
          light.push(item.light);
          threadBuilder.add(item.light);
          findings.push(...item.findings);
        }
        post({
          jobId,
          kind: 'batch',
          summaries: ready.map((item) => item.summary),
          threadItems: threadBuilder.takeItems(),
        });
        post({
          jobId,
          kind: 'progress',
          stage: 'parsing',
          progress: {
            bytesDone: Math.round((job.bytesTotal * bytesDone) / job.bytes.byteLength),
            bytesTotal: job.bytesTotal,
            interactionsDone: light.length,
            interactionsTotal: total,
          },
        });
      }
      if (nextToSend < tasks.length) return;
      post({ jobId, kind: 'progress', stage: 'analyzing' });
      const thread = threadBuilder.finish();
      const cassette: CassetteFacts = {
        fileName: job.fileName,
        format: job.plan.format,
        formatVariant: job.plan.formatVariant,
        recorder: job.plan.recorder,
        fileDecoding: job.fileDecoding,
        warnings: job.plan.warnings,
      };
      // findAnomalies' order: each interaction's own findings, then the cross ones, stably sorted.
      const anomalies = [...findings, ...findCassetteAnomalies({ exchanges: light, thread })].sort(
        (a, b) => a.exchangeIndex - b.exchangeIndex,
      );
      // The items went out with the batches (every add was followed by a take).
      const overview: CassetteOverview = {
        cassette,
        exchanges: [],
        thread: { ...thread, items: [] },
        anomalies,
      };
      post({ jobId, kind: 'loaded', overview, workerMs: now() - started, batched: true });
      finish(pooled);
    };
    const feed = (worker: PoolWorker, member: number) => {
      if (settled || nextToStart >= tasks.length) return;
      const range = tasks[nextToStart++]!;
      for (const item of range.items) owner[item.index] = member;
      // A copy of this run's bytes, handed over whole: the worker owns it, nothing is cloned.
      const bytes = job.bytes.slice(range.from, range.to);
      const task: ParseTask = {
        kind: 'parse',
        taskId: range.taskId,
        format: job.plan.format,
        bytes,
        items: range.items,
      };
      worker.postMessage(task, [bytes.buffer]);
    };
    const count = Math.max(1, Math.min(poolSize, tasks.length));
    for (let member = 0; member < count && !settled; member++) {
      let worker: PoolWorker;
      try {
        worker = createWorker();
      } catch {
        finish('fallback');
        return;
      }
      workers.push(worker);
      worker.onmessage = (event) => {
        const message = event.data;
        if ('requestId' in message) {
          pooled.receive(member, message);
          return;
        }
        if (settled) return;
        if (message.kind !== 'parsed') return finish('fallback');
        results.set(message.taskId, message.items);
        feed(worker, member);
        try {
          flush();
        } catch {
          finish('fallback');
        }
      };
      worker.onerror = () => (settled ? pooled.fail('A parse worker stopped.') : finish('fallback'));
      feed(worker, member);
    }
  });
}
