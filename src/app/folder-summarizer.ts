/**
 * Reads a folder's files into rows for the folder overview (issue 19), off the main thread: a few
 * long-lived summary workers (workers/folder-summary-worker.ts), each sent the next file as soon as
 * it has room, so a 2,000-file folder costs no worker start-up per file. Each file's bytes are
 * read here (`FolderEntry.read`) and transferred; the worker answers with one small row and keeps
 * nothing. A worker that dies fails only the files it held, with the reason, and is replaced.
 */
import { unreadable, type FolderRowFacts } from '../core/folder/folder-row';
import type { LoadFailure } from '../core/model/errors';
import type {
  BatchRequest,
  SourceRequest,
  SummaryJob,
  SummaryRequest,
  SummaryResponse,
} from '../workers/folder-summary-protocol';
import type { FolderEntry } from './folder-source';
import { batchLength, batchUrl, isBatchPart } from './folder-summarizer-batch';

export type SummaryResult = { ok: true; facts: FolderRowFacts } | { ok: false; failure: LoadFailure };

/** What the summarizer needs of a Worker (tests pass one that runs the job in-process). */
export type SummaryWorkerPort = Pick<Worker, 'terminate'> & {
  postMessage(job: SummaryJob, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<SummaryResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

function createSummaryWorker(): SummaryWorkerPort {
  return new Worker(new URL('../workers/folder-summary-worker.ts', import.meta.url), {
    type: 'module',
    name: 'cassette-folder-summary',
  });
}

/** Messages (a file, or a batch of files) sent to one worker before it answers: one being read, one waiting, so it never idles. */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * One worker per core, at most 4. The page's own thread has little to do while a folder loads (it
 * renders batches of rows), so on 2 cores two workers beat one: measured in tests/perf
 * folder-overview.perf (see docs/architecture.md, "The folder overview").
 */
export function defaultSummaryWorkers(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(4, cores));
}

export interface SummaryRun {
  /** Stops the run: its workers end and no further result is reported. */
  cancel(): void;
}

export class FolderSummarizer {
  private readonly createWorker: () => SummaryWorkerPort;
  private readonly workerCount: number;

  constructor(
    createWorker: () => SummaryWorkerPort = createSummaryWorker,
    workers = defaultSummaryWorkers(),
  ) {
    this.createWorker = createWorker;
    this.workerCount = Math.max(1, workers);
  }

  /**
   * Summarizes `entries` (each once, in order of start), calling `onResult` with each entry's index
   * as results come (not in order), and `onDone` after the last.
   */
  run(
    entries: readonly FolderEntry[],
    onResult: (index: number, result: SummaryResult) => void,
    onDone: () => void = () => undefined,
  ): SummaryRun {
    let next = 0;
    /** Files a dead worker had queued but not started: read again first, one by one. */
    const retry: number[] = [];
    let remaining = entries.length;
    let stopped = false;
    let nextId = 1;
    let batchesSent = 0;
    /** Per worker: each file it holds (by id: its index and its message), and its messages' files left. */
    type Slot = {
      worker: SummaryWorkerPort;
      held: Map<number, { index: number; message: number }>;
      messages: Map<number, number>;
    };
    const slots: Slot[] = [];

    const finish = (index: number, result: SummaryResult) => {
      if (stopped) return;
      onResult(index, result);
      remaining -= 1;
      if (remaining === 0) {
        stopped = true;
        slots.forEach((slot) => slot.worker.terminate());
        onDone();
      }
    };

    /** Marks file `id` answered; true when it was held (and not, say, lost with a dead worker). */
    const release = (slot: Slot, id: number): number | undefined => {
      const held = slot.held.get(id);
      if (!held) return undefined;
      slot.held.delete(id);
      const left = (slot.messages.get(held.message) ?? 1) - 1;
      if (left > 0) slot.messages.set(held.message, left);
      else slot.messages.delete(held.message);
      return held.index;
    };

    const feed = (slot: Slot) => {
      while (
        !stopped &&
        slot.messages.size < IN_FLIGHT_PER_WORKER &&
        (retry.length > 0 || next < entries.length)
      ) {
        const message = nextId;
        const retried = retry.shift();
        const first = retried ?? next;
        const share = (entries.length - next) / (this.workerCount * IN_FLIGHT_PER_WORKER);
        const length = retried === undefined ? batchLength(entries, first, batchesSent, share) : 1;
        if (retried === undefined) next += length;
        const ids: Array<{ id: number; path: string }> = [];
        for (let index = first; index < first + length; index++) {
          const id = nextId++;
          slot.held.set(id, { index, message });
          ids.push({ id, path: entries[index]!.path });
        }
        slot.messages.set(message, length);
        const entry = entries[first]!;
        const source = entry.source;
        if (isBatchPart(source)) {
          // One fetch for the run: local-batch.ts on the server, runBatchJob in the worker.
          batchesSent += 1;
          const job: BatchRequest = { url: batchUrl(source, length), parts: ids };
          slot.worker.postMessage(job);
          continue;
        }
        const { id } = ids[0]!;
        if (source !== undefined) {
          // The worker reads it: nothing of the file passes through this thread.
          const job: SourceRequest = { id, path: entry.path, source };
          slot.worker.postMessage(job);
          continue;
        }
        entry.read().then(
          (bytes) => {
            if (stopped || !slot.held.has(id)) return;
            const request: SummaryRequest = { id, path: entry.path, bytes };
            const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
            slot.worker.postMessage(request, whole ? [bytes.buffer] : []);
          },
          (error: unknown) => {
            const index = release(slot, id);
            if (index === undefined) return;
            finish(index, { ok: false, failure: unreadable(entry.path, error) });
            feed(slot);
          },
        );
      }
    };

    const start = (): Slot => {
      const slot: Slot = { worker: this.createWorker(), held: new Map(), messages: new Map() };
      slot.worker.onmessage = (event) => {
        const response = event.data;
        const index = release(slot, response.id);
        if (index === undefined) return;
        finish(
          index,
          response.ok ? { ok: true, facts: response.facts } : { ok: false, failure: response.failure },
        );
        feed(slot);
      };
      // A worker that died (out of memory on a huge file, a bug): the file it was reading (the
      // first it holds: a worker reads its messages, and a batch's files, in order) fails with the
      // reason, the files queued behind it are read again, and a new worker takes over
      // (https://html.spec.whatwg.org/multipage/workers.html#runtime-script-errors).
      slot.worker.onerror = (event) => {
        event.preventDefault();
        slot.worker.terminate();
        const [lost, ...queued] = [...slot.held.values()].map((held) => held.index);
        slot.held.clear();
        slot.messages.clear();
        // Back to the front of the queue, in order; one by one (no spread: src/lib/arrays.ts).
        for (let i = queued.length - 1; i >= 0; i--) retry.unshift(queued[i]!);
        const position = slots.indexOf(slot);
        if (!stopped && position >= 0) slots[position] = start();
        for (const index of lost === undefined ? [] : [lost])
          finish(index, {
            ok: false,
            failure: {
              fileName: entries[index]!.path,
              message: `The reader stopped unexpectedly${event.message ? ` (${event.message})` : ''}. The file may be too large for this tab.`,
              attempts: [],
            },
          });
        if (position >= 0 && slots[position]) feed(slots[position]);
      };
      return slot;
    };

    if (entries.length === 0) {
      stopped = true;
      queueMicrotask(onDone);
    } else {
      const count = Math.min(this.workerCount, entries.length);
      for (let i = 0; i < count; i++) slots.push(start());
      slots.forEach(feed);
    }
    return {
      cancel: () => {
        stopped = true;
        slots.forEach((slot) => slot.worker.terminate());
      },
    };
  }
}
