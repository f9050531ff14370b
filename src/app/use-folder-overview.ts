/**
 * The folder overview's state (issue 19): which folder is open, each of its cassettes' rows as
 * they come from the summary workers, and whether the list or one opened cassette is on screen.
 *
 * History: opening a folder marks the current entry as the list (`replaceState`); opening one of
 * its cassettes pushes an entry marked as a file, so the browser's Back returns to the list, and
 * the visible "Back to folder" button goes back the same way. The interaction entries the URL sync
 * pushes afterwards keep the file's mark (use-url-sync.ts writes `history.state` through), so Back
 * walks them first (https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-history-pushstate).
 */
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { looksLikeCassettePath } from '../core/folder/cassette-path';
import type { FolderFile } from '../core/folder/folder-row';
import type { FolderEntry, OpenFolder } from './folder-source';
import { FolderSummarizer, type SummaryResult } from './folder-summarizer';

export interface OpenedFolder {
  /** Bumped for each folder opened, so views keyed on it start fresh. */
  key: number;
  name: string;
  origin: string;
  /** The files read as cassettes, in the folder's order. */
  files: FolderFile[];
  /** Files that are not cassettes by name (code, images, notes): counted, not read. */
  skipped: number;
  done: number;
}

export interface FolderOverviewState {
  folder: OpenedFolder | null;
  /** 'list' shows the overview; 'file' the cassette opened from it (or any other file). */
  view: 'list' | 'file';
  openFolder: OpenFolder;
  /** Opens one of the folder's cassettes (`onOpenPath` decides how) and leaves the list in history. */
  openPath: (path: string) => void;
  /** Shows the file view (another file was opened or selected) and leaves the list in history. */
  showFile: () => void;
  /** Back to the list: through history when the list is the entry before, else directly. */
  backToList: () => void;
  closeFolder: () => void;
}

const MARK = 'cassetteViewerFolder';
/** The least time between two batches of rows while the folder loads: often enough to look live. */
const FLUSH_MS = 150;
/** The most: the progress bar still moves. */
const MAX_FLUSH_MS = 1000;
/** A batch waits this many times as long as the last one took to render (rendering ≤ ~1/4 of the time). */
const RENDER_SHARE = 3;

function markOf(state: unknown): 'list' | 'file' | null {
  if (typeof state !== 'object' || state === null) return null;
  const mark = (state as Record<string, unknown>)[MARK];
  return mark === 'list' || mark === 'file' ? mark : null;
}

function withMark(mark: 'list' | 'file'): Record<string, unknown> {
  const state = window.history.state as unknown;
  const base = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
  return { ...base, [MARK]: mark };
}

/** `onOpenPath(path, read)` opens one cassette as any file opens (app/use-file-opener.ts). */
export function useFolderOverview(
  onOpenPath: (path: string, read: () => Promise<Uint8Array>) => void,
  summarizer?: FolderSummarizer,
): FolderOverviewState {
  const [folder, setFolder] = useState<OpenedFolder | null>(null);
  const [view, setView] = useState<'list' | 'file'>('list');
  const [reader] = useState(() => summarizer ?? new FolderSummarizer());
  const entries = useRef(new Map<string, FolderEntry>());
  const cancelRun = useRef<() => void>(() => undefined);
  const folderKey = useRef(0);
  /** Called once each new folder state is committed (openFolder sets it: the next batch may go). */
  const committed = useRef<() => void>(() => undefined);

  useEffect(() => () => cancelRun.current(), []);
  useEffect(() => committed.current(), [folder]);

  const openFolder = useCallback<OpenFolder>(
    (name, all, origin) => {
      cancelRun.current();
      const cassettes = all.filter((entry) => looksLikeCassettePath(entry.path));
      entries.current = new Map(cassettes.map((entry) => [entry.path, entry]));
      const key = ++folderKey.current;
      const files: FolderFile[] = cassettes.map((entry) => ({
        path: entry.path,
        size: entry.size,
        status: 'pending',
      }));
      setFolder({ key, name, origin, files, skipped: all.length - cassettes.length, done: 0 });
      setView('list');
      window.history.replaceState(withMark('list'), '');

      // Results gather here and reach React state in batches, as a transition (rendered in slices
      // that yield to input: https://react.dev/reference/react/startTransition). The next batch
      // waits until the last one is on screen, and a while longer the longer it took: each render
      // sorts and lays out every row so far, and a transition interrupted by a newer update starts
      // over, so batches coming faster than they render would spend the folder's time re-rendering
      // the table (measured on 2,000 files: the page's thread busy throughout, the workers idle).
      const arrived: Array<[number, SummaryResult]> = [];
      let timer: ReturnType<typeof setTimeout> | null = null;
      let renderingSince: number | null = null;
      let gap = FLUSH_MS;
      const schedule = () => {
        if (timer !== null || renderingSince !== null || arrived.length === 0) return;
        timer = setTimeout(flush, gap);
      };
      const flush = () => {
        timer = null;
        const batch = arrived.splice(0);
        if (batch.length === 0) return;
        renderingSince = performance.now();
        startTransition(() =>
          setFolder((current) => {
            if (!current || current.key !== key) return current;
            const next = current.files.slice();
            for (const [index, result] of batch) {
              const { path, size } = next[index]!;
              next[index] = result.ok
                ? { path, size, status: 'loaded', facts: result.facts }
                : { path, size, status: 'failed', failure: result.failure };
            }
            return { ...current, files: next, done: current.done + batch.length };
          }),
        );
      };
      committed.current = () => {
        if (renderingSince === null) return;
        gap = Math.min(MAX_FLUSH_MS, Math.max(FLUSH_MS, RENDER_SHARE * (performance.now() - renderingSince)));
        renderingSince = null;
        schedule();
      };
      const run = reader.run(
        cassettes,
        (index, result) => {
          arrived.push([index, result]);
          schedule();
        },
        () => {
          if (timer) clearTimeout(timer);
          flush();
        },
      );
      cancelRun.current = () => {
        run.cancel();
        if (timer) clearTimeout(timer);
        committed.current = () => undefined;
      };
    },
    [reader],
  );

  // The history length right after the list's entry was left, to tell whether Back leads to it.
  const leftListAt = useRef<number | null>(null);
  const showFile = useCallback(() => {
    if (markOf(window.history.state) === 'list') {
      window.history.pushState(withMark('file'), '');
      leftListAt.current = window.history.length;
    }
    setView('file');
  }, []);

  const openPath = useCallback(
    (path: string) => {
      const entry = entries.current.get(path);
      if (!entry) return;
      showFile();
      onOpenPath(path, () => entry.read());
    },
    [onOpenPath, showFile],
  );

  const backToList = useCallback(() => {
    // One step back is the list when nothing was pushed since leaving it; otherwise push the list
    // again rather than walk back through the interactions visited since.
    if (markOf(window.history.state) === 'file' && leftListAt.current === window.history.length)
      window.history.back();
    else {
      window.history.pushState(withMark('list'), '');
      setView('list');
    }
  }, []);

  const closeFolder = useCallback(() => {
    cancelRun.current();
    entries.current = new Map();
    setFolder(null);
    setView('file');
  }, []);

  useEffect(() => {
    const restore = () => {
      const mark = markOf(window.history.state);
      if (mark) setView(mark);
    };
    window.addEventListener('popstate', restore);
    return () => window.removeEventListener('popstate', restore);
  }, []);

  return useMemo(
    () => ({ folder, view, openFolder, openPath, showFile, backToList, closeFolder }),
    [folder, view, openFolder, openPath, showFile, backToList, closeFolder],
  );
}
