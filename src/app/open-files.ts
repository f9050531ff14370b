/**
 * The open files of one page, by id (issue 15): made once by the App with the page's FileLoader.
 * Kept beside the reducer rather than in it: an OpenFile owns workers and bytes, which are not
 * state to compare or replay.
 */
import type { AnalyzedCassette } from '../core/model/analysis';
import type { LoadFailure } from '../core/model/errors';
import type { FileLoader } from './file-loader';
import { OpenFile, type OpenFileEvents } from './open-file';

export class OpenFiles {
  readonly loader: FileLoader;
  private readonly files = new Map<string, OpenFile>();
  private nextId = 1;

  constructor(loader: FileLoader) {
    this.loader = loader;
  }

  /** A new open file, not loading yet (`load` it once its bytes are there). */
  open(name: string, events: (id: string) => OpenFileEvents): OpenFile {
    const id = `file-${this.nextId++}`;
    const file = new OpenFile(id, name, this.loader, events(id));
    this.files.set(id, file);
    return file;
  }

  get(id: string): OpenFile | null {
    return this.files.get(id) ?? null;
  }

  /** Closes the file: its worker ends and its bytes are dropped. */
  close(id: string): void {
    this.files.get(id)?.close();
    this.files.delete(id);
  }

  /**
   * Reads a file that is not kept open (the other side of a Compare): loaded through the same
   * worker path as every file (never parsed on the page), taken whole, and closed.
   */
  async readOnce(
    name: string,
    bytes: Uint8Array | Blob,
  ): Promise<{ ok: true; analyzed: AnalyzedCassette } | { ok: false; failure: LoadFailure }> {
    let settle!: (failure: LoadFailure | null) => void;
    const settled = new Promise<LoadFailure | null>((resolve) => (settle = resolve));
    const file = new OpenFile(`once-${this.nextId++}`, name, this.loader, {
      stage: () => undefined,
      batch: () => undefined,
      reloading: () => undefined,
      loaded: () => settle(null),
      failed: (failure) => settle(failure),
    });
    file.load(bytes);
    try {
      const failure = await settled;
      return failure ? { ok: false, failure } : { ok: true, analyzed: await file.analyzed() };
    } finally {
      file.close();
    }
  }
}
