/**
 * Open files that survive a reload (issue 17). At start, the files kept in IndexedDB
 * (persist-store.ts) open again through the normal load path (`opener.openStored`), in their
 * order, the one that was shown selected, so the URL's `#i=…&view=…` puts it back at the same call
 * and tab. Afterwards each file that loads is written, each file closed is removed, and the
 * manifest follows the list (persist-plan.ts decides; this hook carries it out).
 *
 * "Forget files" closes every file and clears the store, so the next reload starts empty.
 * "Reload from disk" reads a file again in place (OpenFile.reload, same id: the call and tab stay).
 */
import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import type { AppAction, AppState } from './app-state';
import type { OpenFiles } from './open-files';
import type { FileOpener } from './use-file-opener';
import { DEFAULT_URL_STATE } from './url-state';
import {
  hashOpensLink,
  manifestFor,
  persistSteps,
  restoreOrder,
  sameManifest,
  type OpenFileView,
} from './persist-plan';
import { describeStorageError, PersistStore, type StoredFile } from './persist-store';
import { readHandle } from './persist-disk';

export interface PersistedFiles {
  /** The kept files have been read and opened again (or there were none). */
  ready: boolean;
  /** What went wrong keeping or restoring files (quota, a private window), for the page; or null. */
  notice: string | null;
  dismissNotice: () => void;
  /** Closes every file, clears what is kept and the URL's call and tab. */
  forget: () => void;
  /** Whether the file can be read again without asking (it has a handle to its file on disk). */
  hasDiskHandle: (id: string) => boolean;
  /**
   * Reads the file again from its handle; false when there is none or it cannot be read (the
   * caller then asks for the file, `reloadWith`).
   */
  reloadFromHandle: (id: string) => Promise<boolean>;
  /** Reads the file again from a File the user gave (the fallback), keeping its handle if any. */
  reloadWith: (id: string, file: File, handle?: FileSystemFileHandle | null) => void;
}

function views(state: AppState): OpenFileView[] {
  return state.files.map(({ id, origin, status }) => ({ id, origin, status }));
}

function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function usePersistedFiles(
  state: AppState,
  dispatch: Dispatch<AppAction>,
  opener: FileOpener,
  openFiles: OpenFiles,
): PersistedFiles {
  const [store] = useState(() => (typeof indexedDB === 'undefined' ? null : new PersistStore()));
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // Page id → storage key, and the ids whose stored bytes are what they show (not to write back).
  const keys = useRef(new Map<string, string>());
  const restored = useRef(new Set<string>());
  const previous = useRef<OpenFileView[]>([]);
  const lastManifest = useRef({ order: [] as string[], active: null as string | null });
  const stateRef = useRef(state);
  stateRef.current = state;
  const openerRef = useRef(opener);
  openerRef.current = opener;

  // Restore once (StrictMode runs effects twice; the ref survives).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!store) return setReady(true);
    store
      .read()
      .then(({ manifest, files }) => {
        const { files: ordered, active } = restoreOrder(manifest, files);
        // A file the user opened meanwhile, or a link in the address bar, keeps the screen.
        const quiet = stateRef.current.files.length > 0 || hashOpensLink(window.location.hash);
        for (const file of ordered) restoreFile(file, quiet || file.key !== active);
        if (manifest) lastManifest.current = manifest;
      })
      .catch((error: unknown) =>
        setNotice(`The files of your last visit could not be read: ${describeStorageError(error)}.`),
      )
      .finally(() => setReady(true));

    function restoreFile(file: StoredFile, background: boolean): void {
      const id = openerRef.current.openStored(file.name, file.bytes, file.origin, {
        background,
        handle: file.handle ?? null,
      });
      keys.current.set(id, file.key);
      restored.current.add(id);
    }
  }, [store]);

  // Keep the store in line with the page, once the restore has read it.
  useEffect(() => {
    if (!ready || !store) return;
    const next = views(state);
    const steps = persistSteps(previous.current, next, restored.current);
    previous.current = next;
    for (const id of steps.remove) {
      const key = keys.current.get(id);
      keys.current.delete(id);
      restored.current.delete(id);
      if (key !== undefined) void store.removeFile(key).catch(() => undefined);
    }
    for (const id of steps.store) {
      const open = openFiles.get(id);
      const entry = state.files.find((file) => file.id === id);
      const bytes = open?.sourceBlob;
      if (!open || !entry || !bytes) continue;
      const key = keys.current.get(id) ?? newKey();
      const record: StoredFile = { key, name: entry.name, origin: entry.origin, bytes, savedAt: Date.now() };
      if (open.diskHandle) record.handle = open.diskHandle;
      keys.current.set(id, key);
      store.putFile(record).catch((error: unknown) => {
        // This file alone is not kept; the others and the page go on.
        if (keys.current.get(id) === key) keys.current.delete(id);
        setNotice(`${entry.name} will not come back after a reload: ${describeStorageError(error)}.`);
      });
    }
    const manifest = manifestFor(next, state.selectedFileId, (id) => keys.current.get(id));
    if (sameManifest(manifest, lastManifest.current)) return;
    lastManifest.current = manifest;
    store.putManifest(manifest).catch(() => undefined);
  }, [ready, store, state, openFiles]);

  const forget = useCallback(() => {
    for (const file of stateRef.current.files) {
      openFiles.close(file.id);
      dispatch({ type: 'file-closed', id: file.id });
    }
    keys.current.clear();
    restored.current.clear();
    // The call and tab in the address bar belonged to those files (and a link would open its file again).
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}`,
    );
    dispatch({ type: 'url-restored', url: DEFAULT_URL_STATE });
    setNotice(null);
    store
      ?.forget()
      .catch((error: unknown) =>
        setNotice(`The kept files could not be cleared: ${describeStorageError(error)}.`),
      );
  }, [dispatch, openFiles, store]);

  const hasDiskHandle = useCallback((id: string) => Boolean(openFiles.get(id)?.diskHandle), [openFiles]);

  const reloadWith = useCallback(
    (id: string, file: File, handle?: FileSystemFileHandle | null) => {
      const open = openFiles.get(id);
      if (!open) return;
      if (handle) open.diskHandle = handle;
      // New bytes: written again once they have loaded.
      restored.current.delete(id);
      setNotice(null);
      open.reload(file);
    },
    [openFiles],
  );

  const reloadFromHandle = useCallback(
    async (id: string) => {
      const handle = openFiles.get(id)?.diskHandle;
      if (!handle) return false;
      const read = await readHandle(handle);
      if (!read.ok) {
        setNotice(`Could not reload from disk: ${read.reason}. Choose the file instead.`);
        return false;
      }
      reloadWith(id, read.file);
      return true;
    },
    [openFiles, reloadWith],
  );

  return {
    ready,
    notice,
    dismissNotice: useCallback(() => setNotice(null), []),
    forget,
    hasDiskHandle,
    reloadFromHandle,
    reloadWith,
  };
}
