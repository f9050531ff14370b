/**
 * Every way a cassette enters the app ends here: bytes and a name go to the load worker, and the
 * reducer hears about each step, so each file shows its own loading state, result or failure.
 * Nothing thrown escapes: reading a file, fetching the sample, or the worker failing all become a
 * LoadFailure on that file (issue 8: never a blank page or a console-only error).
 */
import { startTransition, useCallback, useMemo, useRef, type Dispatch } from 'react';
import type { LoadFailure } from '../core/model/errors';
import type { AppAction, FileOrigin } from './app-state';
import type { OpenFileEvents } from './open-file';
import type { OpenFiles } from './open-files';
import { canPickWithHandle, pickFilesWithHandles } from './persist-disk';

/** The bundled founding cassette (public/samples, from charmbracelet/fantasy, Apache-2.0; see ATTRIBUTION.md). */
export const SAMPLE_FILE_NAME = 'multi_tool_streaming_kimi-k2_together.yaml';
const SAMPLE_PATH = `samples/${SAMPLE_FILE_NAME}`;

export interface FileOpener {
  openBytes: (name: string, bytes: Uint8Array, origin: FileOrigin) => void;
  /** `handle`: the file on disk, when a drop gave one ("Reload from disk" reads it again). */
  openFiles: (
    files: Array<{ file: File; path: string; handle?: FileSystemFileHandle | null }>,
    origin: FileOrigin,
  ) => void;
  /**
   * "Open file" (the button, Ctrl/Cmd+O): the browser's File System Access picker where there is
   * one, so each file keeps a handle and its first "Reload from disk" needs no pick (issue 17);
   * else, or when the picker refuses, `askWithInput` (click the page's file input). Cancelling does
   * nothing.
   */
  pickFiles: (askWithInput: () => void) => void;
  openText: (text: string) => void;
  openSample: () => void;
  /** Opens bytes that arrive later (a `#url=` fetch, a `#c=` link); a rejection becomes the file's failure. */
  openLater: (name: string, origin: FileOrigin, bytes: () => Promise<Uint8Array>) => void;
  /**
   * Opens bytes kept from an earlier visit (issue 17, use-persisted-files.ts) and returns the
   * file's id; `background` adds it to the list without selecting it.
   */
  openStored: (
    name: string,
    bytes: Blob,
    origin: FileOrigin,
    options: { background: boolean; handle: FileSystemFileHandle | null },
  ) => string;
}

function plainFailure(fileName: string, message: string): LoadFailure {
  return { fileName, message, attempts: [] };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Load results render as a transition, which React renders in slices that yield to the browser
 * (https://react.dev/reference/react/startTransition): a 4,000-row table and a long timeline then
 * do not become one long main-thread task (issue 9), and clicks and typing stay ahead of them.
 */
function inBackground(update: () => void): void {
  startTransition(update);
}

/** The reducer actions an open file's load turns into. */
function fileEvents(dispatch: Dispatch<AppAction>, id: string): OpenFileEvents {
  /** Whether the table shows rows of this load yet. */
  let showingRows = false;
  return {
    stage: (stage, progress) => inBackground(() => dispatch({ type: 'file-progress', id, stage, progress })),
    // First rows early (issue 9): the table shows the interactions so far while the rest loads.
    // The first rows are an urgent update: as a transition they waited behind the progress and the
    // later batches (each new transition restarts the render), 0.5 s on the bench file (issue 15).
    batch: (summariesSoFar) => {
      const first = !showingRows && summariesSoFar.length > 0;
      showingRows = summariesSoFar.length > 0;
      const update = () => dispatch({ type: 'file-batch', id, summariesSoFar });
      if (first) update();
      else inBackground(update);
    },
    loaded: (overview, loadMs) => inBackground(() => dispatch({ type: 'file-loaded', id, overview, loadMs })),
    failed: (failure) => dispatch({ type: 'file-failed', id, failure }),
    reloading: (sizeBytes) => dispatch({ type: 'file-reloading', id, sizeBytes }),
  };
}

export function useFileOpener(dispatch: Dispatch<AppAction>, files: OpenFiles): FileOpener {
  /** Registers the file at once (so it shows as loading), then resolves its bytes and loads them. */
  const start = useCallback(
    (
      name: string,
      sizeBytes: number,
      origin: FileOrigin,
      bytes: Uint8Array | Blob | (() => Promise<Uint8Array | Blob>),
      options: { background?: boolean; handle?: FileSystemFileHandle | null } = {},
    ): string => {
      const file = files.open(name, (id) => fileEvents(dispatch, id));
      file.diskHandle = options.handle ?? null;
      dispatch({ type: 'file-opened', id: file.id, name, sizeBytes, origin, background: options.background });
      // Bytes in hand go to the load worker now, in this task. React renders the dispatch in a
      // microtask (https://react.dev/blog/2022/03/29/react-v18#new-feature-automatic-batching);
      // loading from a `.then` queued after it made the worker wait for that render (10–15 ms of
      // the 43 MB bench file's status). Its events all come later, from the worker's messages.
      if (typeof bytes !== 'function') file.load(bytes);
      else
        bytes().then(
          (data) => file.load(data),
          (error: unknown) => file.fail(plainFailure(name, `Could not read the file: ${describe(error)}`)),
        );
      return file.id;
    },
    [dispatch, files],
  );

  const openBytes = useCallback(
    (name: string, bytes: Uint8Array, origin: FileOrigin) => start(name, bytes.byteLength, origin, bytes),
    [start],
  );

  const openFiles = useCallback(
    (
      files: Array<{ file: File; path: string; handle?: FileSystemFileHandle | null }>,
      origin: FileOrigin,
    ) => {
      for (const { file, path, handle } of files) {
        // The File itself: the load worker reads it (load-protocol.ts PageLoadRequest).
        start(path || file.name, file.size, origin, file, { handle });
      }
    },
    [start],
  );

  const pickFiles = useCallback(
    (askWithInput: () => void) => {
      // Decided before any await: the input must be clicked inside the user's click.
      if (!canPickWithHandle()) return askWithInput();
      void pickFilesWithHandles({ multiple: true }).then((pick) => {
        if (pick.kind === 'picked')
          openFiles(
            pick.files.map(({ file, handle }) => ({ file, path: file.name, handle })),
            'picked',
          );
        else if (pick.kind === 'use-input') askWithInput();
      });
    },
    [openFiles],
  );

  const pasteCount = useRef(0);
  const openText = useCallback(
    (text: string) => {
      pasteCount.current += 1;
      openBytes(`pasted-${pasteCount.current}`, new TextEncoder().encode(text), 'pasted');
    },
    [openBytes],
  );

  const openSample = useCallback(() => {
    // Relative to the page, so the build works under any base path (vite.config.ts `base: './'`).
    // Fetched before registering so the list shows its real size; it is 21 KB from our own origin.
    fetch(SAMPLE_PATH)
      .then(async (response) => {
        if (!response.ok) throw new Error(`the bundled sample answered HTTP ${response.status}`);
        openBytes(SAMPLE_FILE_NAME, new Uint8Array(await response.arrayBuffer()), 'sample');
      })
      .catch((error: unknown) => start(SAMPLE_FILE_NAME, 0, 'sample', () => Promise.reject(error)));
  }, [openBytes, start]);

  // Fetched before registering, as the sample is, so the list shows the real size.
  const openLater = useCallback(
    (name: string, origin: FileOrigin, bytes: () => Promise<Uint8Array>) => {
      bytes().then(
        (data) => openBytes(name, data, origin),
        (error: unknown) => start(name, 0, origin, () => Promise.reject(error)),
      );
    },
    [openBytes, start],
  );

  const openStored = useCallback(
    (
      name: string,
      bytes: Blob,
      origin: FileOrigin,
      options: { background: boolean; handle: FileSystemFileHandle | null },
    ) => start(name, bytes.size, origin, bytes, options),
    [start],
  );

  // One object while its functions stay the same, so what depends on the opener is not made anew
  // on each render (the shortcuts, "Open file").
  return useMemo(
    () => ({ openBytes, openFiles, pickFiles, openText, openSample, openLater, openStored }),
    [openBytes, openFiles, pickFiles, openText, openSample, openLater, openStored],
  );
}
