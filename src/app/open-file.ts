/**
 * One open file and everything it has (issue 15): its load (and with it the load worker), its
 * exchange store (the worker that holds the full exchanges once loaded), its original bytes for
 * Share, and the last overview it loaded. Closing the file is one call, `close()`, which ends its
 * worker and drops its bytes. `reload(bytes)` reads new bytes in place of the old ones under the
 * same id. The reducer (app-state.ts) holds what the page shows of the file; this object holds what
 * is not state: workers and bytes.
 */
import type { AnalyzedCassette } from '../core/model/analysis';
import type { LoadFailure } from '../core/model/errors';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type { LoadProgress, LoadStage } from '../workers/load-protocol';
import type { ExchangeStore } from './exchange-store';
import type { FileLoader, LoadJob } from './file-loader';

/** What an open file tells the page as its load goes (the opener turns these into reducer actions). */
export interface OpenFileEvents {
  stage(stage: LoadStage, progress?: LoadProgress): void;
  batch(summariesSoFar: ExchangeSummary[]): void;
  loaded(overview: CassetteOverview, loadMs: number): void;
  failed(failure: LoadFailure): void;
  /** `reload` started: the file is loading again, from bytes of this size. */
  reloading(sizeBytes: number): void;
}

export class OpenFile {
  readonly id: string;
  readonly name: string;
  private readonly loader: FileLoader;
  private readonly events: OpenFileEvents;
  private job: LoadJob | null = null;
  private store: ExchangeStore | null = null;
  private loadedOverview: CassetteOverview | null = null;
  /**
   * The original bytes, kept as a Blob so Share can mask and encode the file as it was written
   * (the loaded model alone cannot be written back in its own format). A Blob lets the browser keep
   * large files out of the JS heap (https://w3c.github.io/FileAPI/#blob-section).
   */
  private source: Blob | null = null;
  private closed = false;
  /**
   * The file on disk this one was read from, when the browser gave a File System Access handle
   * (a drop, or the picker of "Reload from disk"): "Reload from disk" reads it again in one click.
   */
  diskHandle: FileSystemFileHandle | null = null;
  /** Settles once the stream doctor has reported on the loaded overview. */
  private doctorDone: Promise<void> = Promise.resolve();
  private stopDoctorWait: () => void = () => {};
  /** Bumped by each load, so the answers of a load that was replaced are ignored. */
  private generation = 0;

  constructor(id: string, name: string, loader: FileLoader, events: OpenFileEvents) {
    this.id = id;
    this.name = name;
    this.loader = loader;
    this.events = events;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The full exchanges once loaded; null while loading, after a failure or once closed. */
  get exchanges(): ExchangeStore | null {
    return this.store;
  }

  /** The bytes this file was last loaded from (kept across a reload of the page, issue 17), or null once closed. */
  get sourceBlob(): Blob | null {
    return this.source;
  }

  /** The overview of the last successful load. */
  get overview(): CassetteOverview | null {
    return this.loadedOverview;
  }

  /**
   * Reads `bytes` (the first time, or after `reload`). A picked File is read by the worker.
   * `events.loaded` comes once, or twice when the status comes before the stream doctor's
   * findings: first with `doctorChecking`, then with the findings.
   */
  load(bytes: Uint8Array | Blob): void {
    if (this.closed) return;
    this.endLoad();
    this.keepSource(bytes);
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.closed;
    const job = this.loader.load(this.name, bytes, {
      onStage: (stage, progress) => current() && this.events.stage(stage, progress),
      onBatch: (summaries) => current() && this.events.batch(summaries),
      // The picked File gives way to a copy of its bytes made in the worker (see keepSource).
      onSnapshot: (copy) => {
        if (current() && this.source instanceof File) this.source = copy;
      },
    });
    this.job = job;
    void job.outcome.then((outcome) => {
      if (!current()) {
        if (outcome.ok) outcome.exchanges.close();
        return;
      }
      this.job = null;
      if (!outcome.ok) return this.events.failed(outcome.failure);
      this.store = outcome.exchanges;
      this.loadedOverview = outcome.overview;
      this.events.loaded(outcome.overview, outcome.loadMs);
      if (!outcome.overview.doctorChecking) return;
      // The status is shown; the stream doctor's findings follow (issue 15, decision 2).
      this.doctorDone = new Promise<void>((resolve) => {
        // A file closed or reloaded first waits for it no longer.
        this.stopDoctorWait = resolve;
        void outcome.doctor.then((anomalies) => {
          const overview = this.loadedOverview;
          resolve();
          if (!current() || !overview) return;
          const { doctorChecking: _checking, ...checked } = overview;
          this.loadedOverview = { ...checked, anomalies };
          this.events.loaded(this.loadedOverview, outcome.loadMs);
        });
      });
    });
  }

  /** Reads new bytes for this file in place of the old (a re-recorded cassette): one worker ends, one starts. */
  reload(bytes: Uint8Array | Blob): void {
    if (this.closed) return;
    this.events.reloading(bytes instanceof Blob ? bytes.size : bytes.byteLength);
    this.load(bytes);
  }

  /** The bytes could not be had (a failed fetch): the file shows why. */
  fail(failure: LoadFailure): void {
    if (this.closed) return;
    this.endLoad();
    this.events.failed(failure);
  }

  /** The file's original bytes for Share, or null once closed. Bound, so it can be passed as a prop. */
  readonly readSource = async (): Promise<Uint8Array | null> => {
    const blob = this.source;
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
  };

  /** The whole analyzed cassette, put back together from the overview and the full exchanges (Compare). */
  async analyzed(): Promise<AnalyzedCassette> {
    await this.doctorDone;
    const overview = this.loadedOverview;
    const store = this.store;
    if (!overview || !store) throw new Error(`${this.name} is ${this.closed ? 'closed' : 'not loaded'}.`);
    const exchanges = await store.all();
    return {
      cassette: { ...overview.cassette, exchanges: exchanges.map((exchange) => exchange.http) },
      exchanges,
      thread: overview.thread,
      anomalies: overview.anomalies,
    };
  }

  /** Ends the file's load or worker and drops its bytes. Nothing it started reports afterwards. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.endLoad();
    this.source = null;
  }

  private endLoad(): void {
    this.generation++;
    this.stopDoctorWait();
    this.job?.cancel();
    this.job = null;
    this.store?.close();
    this.store = null;
    this.loadedOverview = null;
  }

  /**
   * Bytes are copied (the Blob constructor copies at once; the load transfers the buffer to the
   * worker). A picked File is kept as it is at first, so opening a large file costs the main thread
   * no copy; once the file has loaded, the load worker sends a copy of the bytes it read
   * (`onSnapshot`, load-protocol.ts 'snapshot'), which replaces it, because a File on disk that
   * changes afterwards can no longer be read (https://w3c.github.io/FileAPI/#file-section,
   * "snapshot state").
   */
  private keepSource(bytes: Uint8Array | Blob): void {
    this.source = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
  }
}
