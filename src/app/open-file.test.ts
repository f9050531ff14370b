import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../core/analyze';
import { loadCassette } from '../core/cassette';
import type { AnalyzedExchange } from '../core/model/analysis';
import type { LoadFailure } from '../core/model/errors';
import type { CassetteOverview } from '../core/model/overview';
import { answerQuery } from '../workers/exchange-transfer';
import { runLoadJob, type LoadWorkerMessage, type PageToLoadWorker } from '../workers/load-protocol';
import { defaultParseWorkers, FileLoader, type LoadWorkerPort } from './file-loader';
import { OpenFiles } from './open-files';
import type { OpenFileEvents } from './open-file';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../tests/fixtures/corpus/${path}`, import.meta.url)));
const CHAT = 'go-vcr-v2/envoy-ai-gateway/chat-tools.yaml';
const OTHER = 'go-vcr-v2/envoy-ai-gateway/chat-bad-request.yaml';

/** A load worker that runs the worker's own whole-file job and answers queries, each a tick later. */
class FakeLoadWorker implements LoadWorkerPort {
  onmessage: LoadWorkerPort['onmessage'] = null;
  onerror: LoadWorkerPort['onerror'] = null;
  onmessageerror: LoadWorkerPort['onmessageerror'] = null;
  terminated = false;
  /** Holds the next load until `release()` (to close a file mid-load). */
  hold = false;
  private held: AnalyzedExchange[] | null = null;
  private release_: (() => void) | null = null;

  postMessage(message: PageToLoadWorker): void {
    setTimeout(() => void this.handle(message), 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  release(): void {
    this.release_?.();
  }

  private post = (message: LoadWorkerMessage) =>
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: message } as MessageEvent<LoadWorkerMessage>);
    }, 0);

  private async handle(message: PageToLoadWorker): Promise<void> {
    if (this.terminated || message.kind === 'prewarm' || message.kind === 'search') return;
    if (message.kind === 'load') {
      if (this.hold) await new Promise<void>((resolve) => (this.release_ = resolve));
      const bytes = 'bytes' in message ? message.bytes : new Uint8Array(await message.file.arrayBuffer());
      this.held = runLoadJob({ ...message, bytes }, { loadCassette }, this.post);
      // As load-worker.ts does after a File's load: a copy of its bytes for the page to keep.
      if (this.held && 'file' in message)
        this.post({ jobId: message.jobId, kind: 'snapshot', source: new Blob([bytes.slice()]) });
      return;
    }
    answerQuery(this.held, message, this.post);
  }
}

function setUp(maxParallel = 2) {
  const workers: FakeLoadWorker[] = [];
  const loader = new FileLoader(() => {
    const worker = new FakeLoadWorker();
    workers.push(worker);
    return worker;
  }, maxParallel);
  return { workers, files: new OpenFiles(loader) };
}

/** Records what a file tells the page; `next(kind)` waits for the next event of that kind. */
function recorder() {
  const seen: string[] = [];
  const waiters: Array<{ kind: string; resolve: (value: unknown) => void }> = [];
  const note = (kind: string, value?: unknown) => {
    seen.push(kind);
    const at = waiters.findIndex((w) => w.kind === kind);
    if (at >= 0) waiters.splice(at, 1)[0]!.resolve(value);
  };
  const events: OpenFileEvents = {
    stage: (stage) => note(stage),
    batch: () => note('batch'),
    loaded: (overview) => note('loaded', overview),
    failed: (failure) => note('failed', failure),
    reloading: (size) => note('reloading', size),
  };
  const next = <T>(kind: string) =>
    new Promise<T>((resolve) => waiters.push({ kind, resolve: resolve as (v: unknown) => void }));
  return { seen, events, next };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('OpenFile', () => {
  it('loads through the loader, then answers for its exchanges, its source and the whole cassette', async () => {
    const { files } = setUp();
    const { events, next, seen } = recorder();
    const file = files.open('chat.yaml', () => events);
    const bytes = fixture(CHAT);
    const loaded = next<CassetteOverview>('loaded');
    file.load(bytes.slice());
    const status = await loaded;
    // The status comes first, while the stream doctor still checks; its findings follow (issue 15).
    expect(seen).toEqual(['parsing', 'analyzing', 'loaded']);
    expect(status.doctorChecking).toBe(true);
    const overview = await next<CassetteOverview>('loaded');
    const expected = analyzeCassette(loadCassette(fixture(CHAT), 'chat.yaml'));
    expect(overview.doctorChecking).toBeUndefined();
    expect(overview.anomalies).toEqual(expected.anomalies);
    expect(overview.exchanges).toHaveLength(expected.exchanges.length);
    expect(file.overview).toBe(overview);
    expect(await file.exchanges!.get(0)).toStrictEqual(expected.exchanges[0]);
    expect(await file.readSource()).toEqual(bytes);
    const whole = await file.analyzed();
    expect(whole.exchanges).toStrictEqual(expected.exchanges);
    expect(whole.cassette.exchanges).toStrictEqual(expected.cassette.exchanges);
  });

  it('keeps a picked File until the worker sends a copy of the bytes it read, then keeps the copy', async () => {
    const { files } = setUp();
    const { events, next } = recorder();
    const file = files.open('chat.yaml', () => events);
    const bytes = fixture(CHAT);
    const picked = new File([bytes.slice()], 'chat.yaml');
    const loaded = next('loaded');
    file.load(picked);
    await loaded;
    await next('loaded'); // the doctor's findings; the snapshot comes after them
    await tick();
    const kept = (file as unknown as { source: Blob }).source;
    expect(kept).not.toBe(picked);
    expect(kept).not.toBeInstanceOf(File);
    expect(await file.readSource()).toEqual(bytes);
  });

  it('closes in one call: the worker ends, the source goes, nothing answers afterwards', async () => {
    const { files, workers } = setUp();
    const { events, next } = recorder();
    const file = files.open('chat.yaml', () => events);
    const loaded = next('loaded');
    file.load(fixture(CHAT));
    await loaded;
    const store = file.exchanges!;
    files.close(file.id);
    expect(workers[0]!.terminated).toBe(true);
    expect(file.exchanges).toBeNull();
    expect(files.get(file.id)).toBeNull();
    expect(await file.readSource()).toBeNull();
    await expect(store.get(0)).rejects.toThrow('closed');
    await expect(file.analyzed()).rejects.toThrow('chat.yaml is closed');
  });

  it('closed while loading: its worker ends at once and the next file gets the slot', async () => {
    const { files, workers } = setUp(1);
    const first = recorder();
    const second = recorder();
    const a = files.open('a.yaml', () => first.events);
    const b = files.open('b.yaml', () => second.events);
    a.load(fixture(CHAT));
    // The worker is made at once; its load waits until released (never, here).
    workers[0]!.hold = true;
    b.load(fixture(OTHER));
    await tick();
    // One load at a time: b waits for a's slot.
    expect(workers).toHaveLength(1);
    const bLoaded = second.next('loaded');
    files.close(a.id);
    expect(workers[0]!.terminated).toBe(true);
    await bLoaded;
    expect(first.seen).not.toContain('loaded');
    expect(first.seen).not.toContain('failed');
    expect(workers).toHaveLength(2);
  });

  it('closed before its queued load started: the load never starts', async () => {
    const { files, workers } = setUp(1);
    const first = recorder();
    const second = recorder();
    const a = files.open('a.yaml', () => first.events);
    const b = files.open('b.yaml', () => second.events);
    const aLoaded = first.next('loaded');
    a.load(fixture(CHAT));
    b.load(fixture(OTHER));
    files.close(b.id);
    await aLoaded;
    await tick();
    expect(workers).toHaveLength(1);
    expect(second.seen).toEqual([]);
  });

  it('reload reads new bytes in a new worker and ends the old one', async () => {
    const { files, workers } = setUp();
    const { events, next, seen } = recorder();
    const file = files.open('chat.yaml', () => events);
    const first = next<CassetteOverview>('loaded');
    file.load(fixture(CHAT));
    const before = await first;
    const again = next<CassetteOverview>('loaded');
    const replacement = fixture(OTHER);
    file.reload(replacement);
    expect(workers[0]!.terminated).toBe(true);
    expect(file.exchanges).toBeNull();
    const after = await again;
    expect(seen.filter((kind) => kind === 'reloading')).toHaveLength(1);
    expect(after.exchanges.map((e) => e.url)).toEqual(
      analyzeCassette(loadCassette(fixture(OTHER), 'x')).exchanges.map((e) => e.http.request.url),
    );
    expect(after).not.toEqual(before);
    expect(await file.readSource()).toEqual(fixture(OTHER));
    expect(workers[1]!.terminated).toBe(false);
  });

  it('a reload while the first load still runs drops the first one', async () => {
    const { files, workers } = setUp();
    const { events, next, seen } = recorder();
    const file = files.open('chat.yaml', () => events);
    file.load(fixture(CHAT));
    const loaded = next<CassetteOverview>('loaded');
    file.reload(fixture(OTHER));
    const overview = await loaded;
    await tick();
    // Once with the status, once with the doctor's findings: both from the second load only.
    expect(seen.filter((kind) => kind === 'loaded')).toHaveLength(2);
    expect(file.overview?.doctorChecking).toBeUndefined();
    expect(overview.cassette.fileName).toBe('chat.yaml');
    expect(overview.exchanges).toHaveLength(loadCassette(fixture(OTHER), 'x').exchanges.length);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a worker that dies during the load fails the file with a message', async () => {
    const { files, workers } = setUp();
    const { events, next } = recorder();
    const file = files.open('chat.yaml', () => events);
    const failed = next<LoadFailure>('failed');
    workers.length = 0;
    file.load(fixture(CHAT));
    workers[0]!.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
    expect((await failed).message).toContain('The loader stopped unexpectedly (out of memory)');
    expect(file.exchanges).toBeNull();
  });

  it('readOnce loads a file for Compare and lets its worker go', async () => {
    const { files, workers } = setUp();
    const outcome = await files.readOnce('other.yaml', new Blob([fixture(OTHER)]));
    expect(outcome.ok).toBe(true);
    if (outcome.ok)
      expect(outcome.analyzed.exchanges).toStrictEqual(
        analyzeCassette(loadCassette(fixture(OTHER), 'other.yaml')).exchanges,
      );
    expect(workers.every((worker) => worker.terminated)).toBe(true);
    const bad = await files.readOnce('bad.yaml', new TextEncoder().encode('interactions: [\n'));
    expect(bad.ok).toBe(false);
  });
});

describe('defaultParseWorkers', () => {
  it('uses no pool on two cores or fewer, and one parse worker per core beside the page above that', () => {
    expect([1, 2, 4, 8, 16].map((cores) => defaultParseWorkers(cores))).toEqual([0, 0, 3, 7, 8]);
  });
});
