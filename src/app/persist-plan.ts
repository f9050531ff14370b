/**
 * What the page keeps of its open files across a reload (issue 17, "Files that survive a
 * reload"), as pure decisions the storage hook (use-persisted-files.ts) carries out:
 *
 * - which files are kept: every file the user brought in (picked, dropped, pasted, the sample, a
 *   file opened from a folder), not files that came from a link. A `#url=`, `#c=` or `#local=`
 *   link is still in the address bar after a reload and opens its file again by itself, fresh
 *   (`#url=` fetches the current version, `#local=` reads the disk through the CLI's server);
 *   keeping a copy as well would show it twice, and a stale copy at that.
 * - when a file's bytes are written: when it finishes loading (again, after "Reload from disk"),
 *   so a file that is not a cassette is not kept, and a file being re-read keeps its last good
 *   bytes until the new ones have loaded.
 * - the order of the list and which file was shown, in one small manifest record.
 */
import type { FileOrigin } from './app-state';

/** Origins whose bytes are kept. `link` (share links, `#url=`, the CLI's `#local=`) is not. */
export function keepsOrigin(origin: FileOrigin): boolean {
  return origin !== 'link';
}

/** What the page shows of a file, as far as keeping it goes. */
export interface OpenFileView {
  id: string;
  origin: FileOrigin;
  status: 'loading' | 'loaded' | 'failed';
}

/** The manifest: the kept files in list order (by storage key) and the one that was shown. */
export interface PersistManifest {
  order: string[];
  active: string | null;
}

/** The writes that bring the store in line with the page. */
export interface PersistSteps {
  /** Page ids whose bytes to write (they loaded, or loaded again). */
  store: string[];
  /** Page ids that were closed: their records go. */
  remove: string[];
}

/**
 * Compares two states of the page's files. A file is written when it becomes `loaded` (from
 * loading, or new); a file that disappeared is removed; a file whose bytes were just restored
 * from the store (`restored`) is not written back.
 */
export function persistSteps(
  previous: readonly OpenFileView[],
  next: readonly OpenFileView[],
  restored: ReadonlySet<string>,
): PersistSteps {
  const before = new Map(previous.map((file) => [file.id, file]));
  const store: string[] = [];
  for (const file of next) {
    if (file.status !== 'loaded' || !keepsOrigin(file.origin) || restored.has(file.id)) continue;
    if (before.get(file.id)?.status !== 'loaded') store.push(file.id);
  }
  const still = new Set(next.map((file) => file.id));
  const remove = previous.filter((file) => !still.has(file.id)).map((file) => file.id);
  return { store, remove };
}

/**
 * The manifest for the page's list: the kept files in list order, by their storage keys
 * (`keyOf` is undefined for a file not written yet, which is left out until it is).
 */
export function manifestFor(
  files: readonly OpenFileView[],
  selectedId: string | null,
  keyOf: (id: string) => string | undefined,
): PersistManifest {
  const order: string[] = [];
  for (const file of files) {
    const key = keyOf(file.id);
    if (key !== undefined) order.push(key);
  }
  const active = selectedId === null ? null : (keyOf(selectedId) ?? null);
  return { order, active };
}

export function sameManifest(a: PersistManifest, b: PersistManifest): boolean {
  return (
    a.active === b.active &&
    a.order.length === b.order.length &&
    a.order.every((key, i) => key === b.order[i])
  );
}

/**
 * The stored files in the order to open them again: the manifest's order first, then any record
 * the manifest does not list (written by another tab, or before the manifest was), oldest first.
 * The active key is kept only if its record is there; otherwise the last file is shown, as after
 * opening them one by one.
 */
export function restoreOrder<T extends { key: string; savedAt: number }>(
  manifest: PersistManifest | undefined,
  records: readonly T[],
): { files: T[]; active: string | null } {
  const byKey = new Map(records.map((record) => [record.key, record]));
  const files: T[] = [];
  for (const key of manifest?.order ?? []) {
    const record = byKey.get(key);
    if (record) {
      files.push(record);
      byKey.delete(key);
    }
  }
  const rest = [...byKey.values()].sort((a, b) => a.savedAt - b.savedAt);
  for (const record of rest) files.push(record);
  const wanted = manifest?.active ?? null;
  const active = files.some((file) => file.key === wanted) ? wanted : (files.at(-1)?.key ?? null);
  return { files, active };
}

/**
 * True when the address opens a file by itself (`#c=` share link, `#url=`, the CLI's `#local=`):
 * that file takes the screen, and the restored files wait in the list.
 */
export function hashOpensLink(hash: string): boolean {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return ['c', 'url', 'local'].some((key) => (params.get(key) ?? '') !== '');
}
