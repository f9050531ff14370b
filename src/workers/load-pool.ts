/**
 * The split load (issue 9), run by the load worker: while the interaction list is still being
 * scanned (core/cassette/split), the runs found so far go to a pool of parse workers that parse
 * and read them in parallel, and the page gets each run's summaries in file order as they come,
 * with progress in bytes and interactions. The parse workers keep the full exchanges and send
 * back light copies (core/summarize-exchange `withoutBulk`) and each interaction's findings; the
 * thread is built as runs arrive in file order and the cross-interaction findings once at the
 * end, exactly as `analyzeCassette` does. Resolves with a PooledExchanges that fetches full
 * exchanges from the workers holding them, or 'fallback' when the scan finds the list cannot be
 * split, the list does not end where the plan guessed, or any piece cannot stand alone (the
 * caller then reads the whole file the old way, after telling the page to `restart`).
 */
import { nextTask } from './next-task';
import { MAX_INTERACTIONS } from '../core/cassette/limits';
import { OverviewBuilder } from '../core/load/overview-builder';
import type { ParsedItem, ParseTask } from '../core/load/parse-task';
import type { CassetteFacts } from '../core/model/overview';
import { postDoctor, type LoadResponse } from './load-protocol';
import type { FromParseWorker, ToParseWorker } from './parse-protocol';
import { PooledExchanges } from './pooled-exchanges';
import type { SplitJob } from '../core/load/split-job';
import { TaskCutter } from '../core/load/split-tasks';

/** What the pool needs of a Worker (a fake one runs runParseTask in tests). */
export interface PoolWorker {
  postMessage(message: ToParseWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { data: FromParseWorker }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  terminate(): void;
  /**
   * Runs on this thread (in-thread-parser.ts): a run's bytes are read where they are, not copied
   * out to be transferred.
   */
  readonly inThread?: boolean;
}

/** Lines scanned between two looks at the parse workers' answers (~5 ms on the bench file). */
const LINES_PER_STEP = 16_384;

/** Lets the load worker's event loop forward finished runs between two scan steps. */
const nextTurn = nextTask;

/**
 * The pool's handlers once the load is done. They are made outside runSplitLoad on purpose: every
 * closure made inside it shares its scope (the file's bytes, the scan, the light copies, the
 * thread builder: tens of MB for the bench file), and the load-time handlers kept all of it alive
 * for as long as the file stayed open.
 */
function answersOnly(worker: PoolWorker, member: number, pooled: PooledExchanges): void {
  worker.onmessage = (event) => {
    if ('requestId' in event.data) pooled.receive(member, event.data);
  };
  worker.onerror = () => pooled.fail('A parse worker stopped.');
}

export function runSplitLoad(
  job: SplitJob,
  createWorker: () => PoolWorker,
  poolSize: number,
  post: (response: LoadResponse) => void,
  now: () => number = () => performance.now(),
  yieldTurn: (step: () => void) => void = nextTurn,
): Promise<PooledExchanges | 'fallback'> {
  const started = now();
  const { jobId, scan } = job;
  const cutter = new TaskCutter(scan);
  const { tasks } = cutter;
  let scanDone = false;
  const results = new Map<number, ParsedItem[]>();
  // Built as runs arrive in file order, so only its last step is left when the last run is in.
  const builder = new OverviewBuilder();
  let nextToSend = 0;
  let nextToStart = 0;
  let bytesDone = 0;
  const workers: PoolWorker[] = [];
  /** Pool members waiting for a run. */
  const idle: number[] = [];
  /** Which pool member holds each interaction. */
  const owner: number[] = [];
  const pooled = new PooledExchanges(workers, owner);

  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PooledExchanges | 'fallback') => {
      if (settled) return;
      settled = true;
      if (outcome === 'fallback') for (const worker of workers) worker.terminate();
      else workers.forEach((worker, member) => answersOnly(worker, member, outcome));
      resolve(outcome);
    };
    const flush = () => {
      // Forward finished runs in file order.
      for (let ready = results.get(nextToSend); ready; ready = results.get(nextToSend)) {
        results.delete(nextToSend);
        bytesDone += tasks[nextToSend]!.to - tasks[nextToSend]!.from;
        nextToSend++;
        for (const item of ready) builder.add(item);
        // Progress first: the page shows it together with these rows (app/file-loader.ts).
        post({
          jobId,
          kind: 'progress',
          stage: 'parsing',
          progress: {
            bytesDone: Math.round((job.bytesTotal * bytesDone) / job.bytes.byteLength),
            bytesTotal: job.bytesTotal,
            interactionsDone: builder.count,
            interactionsTotal: scanDone ? cutter.itemCount : null,
          },
        });
        post({ jobId, kind: 'batch', ...builder.take() });
      }
      if (!scanDone || nextToSend < tasks.length) return;
      post({ jobId, kind: 'progress', stage: 'analyzing' });
      const cassette: CassetteFacts = {
        fileName: job.fileName,
        format: job.plan.format,
        formatVariant: job.plan.formatVariant,
        recorder: job.plan.recorder,
        fileDecoding: job.fileDecoding,
        warnings: job.plan.warnings,
      };
      // The items went out with the batches (every add was followed by a take).
      const overview = builder.finishReading(cassette, true);
      post({ jobId, kind: 'loaded', overview, workerMs: now() - started, batched: true });
      finish(pooled);
      // The status is out; the stream doctor's findings across interactions follow (issue 15).
      postDoctor(jobId, builder, post);
    };
    const feed = (member: number) => {
      if (settled) return;
      if (nextToStart >= tasks.length) {
        idle.push(member);
        return;
      }
      const worker = workers[member]!;
      const range = tasks[nextToStart++]!;
      for (const item of range.items) owner[item.index] = member;
      // A copy of this run's bytes, handed over whole: the worker owns it, nothing is cloned. A
      // member on this thread reads them in place (43 MB less to copy on the bench file, and no
      // ArrayBuffer per run for the garbage collector to count as external memory).
      const bytes = worker.inThread
        ? job.bytes.subarray(range.from, range.to)
        : job.bytes.slice(range.from, range.to);
      const task: ParseTask = {
        kind: 'parse',
        taskId: range.taskId,
        format: job.plan.format,
        bytes,
        items: range.items,
      };
      worker.postMessage(task, worker.inThread ? [] : [bytes.buffer]);
    };
    const step = () => {
      if (settled) return;
      const state = scan.scan(LINES_PER_STEP);
      // Over the interaction budget (core/cassette/limits.ts): the whole-file load refuses the
      // file with the limit's message before it parses anything.
      if (scan.items.length > MAX_INTERACTIONS) return finish('fallback');
      if (state === 'not-splittable' || (state === 'done' && scan.listEnd !== job.listEndGuess))
        return finish('fallback');
      scanDone = state === 'done';
      cutter.cutReady(scanDone);
      for (let free = idle.length; free > 0 && nextToStart < tasks.length; free--) feed(idle.shift()!);
      if (!scanDone) return yieldTurn(step);
      try {
        flush();
      } catch {
        finish('fallback');
      }
    };
    for (let member = 0; member < Math.max(1, poolSize) && !settled; member++) {
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
        feed(member);
        try {
          flush();
        } catch {
          finish('fallback');
        }
      };
      worker.onerror = () => (settled ? pooled.fail('A parse worker stopped.') : finish('fallback'));
    }
    // The runs the caller's first scan found go out first; then the scan goes on between answers.
    cutter.cutReady(false);
    for (let member = 0; member < workers.length; member++) feed(member);
    step();
  });
}
