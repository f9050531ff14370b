/**
 * Turns a drop into a flat list of files, walking dropped folders. Uses the File and Directory
 * Entries API (https://wicg.github.io/entries-api/): `DataTransferItem.webkitGetAsEntry()` and
 * `FileSystemDirectoryReader.readEntries()`, which returns entries in batches until it returns
 * an empty array.
 *
 * The entries must be taken synchronously inside the drop event (the item list is emptied when
 * the handler returns), so `entriesFromDrop` runs in the handler and `filesFromEntries` later.
 */

import { appendAll } from '../../lib/arrays';

/** Skip hidden files and OS litter when a whole folder is dropped. */
const IGNORED_NAMES = /^(\.|Thumbs\.db$|desktop\.ini$)/i;

/**
 * A folder of cassettes is a few hundred to a few thousand files (VCR Inspector's users browse
 * about 1,940; the folder overview reads them in workers and keeps one row each, issue 19); stop
 * at a bound so a dropped home folder cannot hang the tab.
 */
const MAX_FILES_FROM_FOLDERS = 5000;

export interface DroppedFile {
  file: File;
  /** Path inside the dropped folder (`suite/a.yaml`), or the bare name. */
  path: string;
  /**
   * A File System Access handle to the file on disk, for a file dropped on its own where the
   * browser gives one: "Reload from disk" reads it again in one click (issue 17).
   */
  handle?: FileSystemFileHandle | null;
}

interface HandleItem {
  /** https://wicg.github.io/file-system-access/#dom-datatransferitem-getasfilesystemhandle (not in TS's DOM lib). */
  getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}

/**
 * Starts taking a handle for each file item of a drop, by name. Like `entriesFromDrop` it must
 * run inside the drop event; the promise settles later. Empty where the browser has no
 * `getAsFileSystemHandle` (Firefox, Safari) or for a synthesized drop; folders are left out.
 */
export function handlesFromDrop(dataTransfer: DataTransfer): Promise<Map<string, FileSystemFileHandle>> {
  const pending: Array<Promise<FileSystemHandle | null>> = [];
  for (const item of Array.from(dataTransfer.items ?? [])) {
    const getHandle = (item as DataTransferItem & HandleItem).getAsFileSystemHandle;
    if (item.kind !== 'file' || typeof getHandle !== 'function') continue;
    pending.push(getHandle.call(item).catch(() => null));
  }
  return Promise.all(pending).then((handles) => {
    const byName = new Map<string, FileSystemFileHandle>();
    for (const handle of handles)
      if (handle?.kind === 'file') byName.set(handle.name, handle as FileSystemFileHandle);
    return byName;
  });
}

export function entriesFromDrop(dataTransfer: DataTransfer): Array<FileSystemEntry | File> {
  const out: Array<FileSystemEntry | File> = [];
  const items = Array.from(dataTransfer.items ?? []);
  for (const item of items) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) out.push(entry);
    else {
      const file = item.getAsFile();
      if (file) out.push(file);
    }
  }
  // Some synthesized or older drops carry files only.
  if (out.length === 0) appendAll(out, Array.from(dataTransfer.files ?? []));
  return out;
}

function isDirectory(entry: FileSystemEntry): entry is FileSystemDirectoryEntry {
  return entry.isDirectory;
}

function isFile(entry: FileSystemEntry): entry is FileSystemFileEntry {
  return entry.isFile;
}

function readBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: DroppedFile[]): Promise<void> {
  if (out.length >= MAX_FILES_FROM_FOLDERS) return;
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (isFile(entry)) {
    if (prefix && IGNORED_NAMES.test(entry.name)) return;
    out.push({ file: await fileOf(entry), path });
    return;
  }
  if (!isDirectory(entry)) return;
  const reader = entry.createReader();
  const children: FileSystemEntry[] = [];
  for (;;) {
    const batch = await readBatch(reader);
    if (batch.length === 0) break;
    appendAll(children, batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  for (const child of children) await walk(child, path, out);
}

/** Reads the files out of dropped entries, in name order inside folders. Unreadable entries are skipped. */
export async function filesFromEntries(entries: Array<FileSystemEntry | File>): Promise<DroppedFile[]> {
  const out: DroppedFile[] = [];
  for (const entry of entries) {
    if (entry instanceof File) {
      out.push({ file: entry, path: entry.name });
      continue;
    }
    try {
      await walk(entry, '', out);
    } catch {
      // A file the browser will not read (permissions, vanished) is skipped; the rest still open.
    }
  }
  return out.slice(0, MAX_FILES_FROM_FOLDERS);
}
