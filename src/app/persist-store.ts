/**
 * The open files kept in this browser's IndexedDB (issue 17): nothing leaves the machine. One
 * object store holds one record per kept file (`file:KEY`) and the manifest (`manifest`: list order
 * and the file shown). Built on idb-keyval (createStore, get/set/del/clear/values): the store needs
 * nothing but keyed records, and idb-keyval gives that in ~1 KB with its request and transaction
 * plumbing tested across browsers.
 *
 * The bytes are kept as a Blob: IndexedDB stores a Blob by reference and writes its bytes to disk
 * off the page's thread, and reads give back a Blob whose bytes are read only when the load
 * worker asks for them (https://w3c.github.io/IndexedDB/#clone-value; the HTML structured
 * serialization of Blob). A large file therefore costs the main thread no copy in either
 * direction, unlike an ArrayBuffer, which `put` serializes synchronously.
 *
 * Each file is its own `set`, in its own transaction, so a file refused for quota fails alone.
 */
import { clear, createStore, del, get, set, values, type UseStore } from 'idb-keyval';
import type { FileOrigin } from './app-state';
import type { PersistManifest } from './persist-plan';

const DB_NAME = 'cassette-viewer';
const STORE_NAME = 'open-files';
const MANIFEST_KEY = 'manifest';
const FILE_PREFIX = 'file:';

/** Where a kept file can be read again ("Reload from disk"): a File System Access handle, when one was given. */
export type DiskHandle = FileSystemFileHandle;

export interface StoredFile {
  key: string;
  name: string;
  origin: FileOrigin;
  bytes: Blob;
  /** When this record was first written (orders records that the manifest does not list). */
  savedAt: number;
  /** The file on disk it was read from, if the browser gave a handle (a drop, or a picker). */
  handle?: DiskHandle;
}

export interface StoredState {
  manifest: PersistManifest | undefined;
  files: StoredFile[];
}

function isStoredFile(value: unknown): value is StoredFile {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<StoredFile>;
  return typeof record.key === 'string' && typeof record.name === 'string' && record.bytes instanceof Blob;
}

function isManifest(value: unknown): value is PersistManifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Partial<PersistManifest>;
  return Array.isArray(manifest.order) && (manifest.active === null || typeof manifest.active === 'string');
}

/** A storage failure in words for the page (quota, a private window, a blocked database). */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError')
    return 'the browser has no more room for it (storage quota); close other files or free space';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError')
    return 'this browser does not allow the page to store files here (private window or site settings)';
  return error instanceof Error ? error.message : String(error);
}

export class PersistStore {
  private readonly store: UseStore;

  /** Tests give each case its own database name; idb-keyval opens the global `indexedDB` on first use. */
  constructor(dbName = DB_NAME) {
    this.store = createStore(dbName, STORE_NAME);
  }

  /** Everything kept; records that are not well formed (an older version's, a damaged one) are skipped. */
  async read(): Promise<StoredState> {
    const all: unknown[] = await values(this.store);
    const files = all.filter(isStoredFile);
    const manifest: unknown = await get(MANIFEST_KEY, this.store);
    return { manifest: isManifest(manifest) ? manifest : undefined, files };
  }

  async putFile(file: StoredFile): Promise<void> {
    await set(FILE_PREFIX + file.key, file, this.store);
  }

  async getFile(key: string): Promise<StoredFile | undefined> {
    const value: unknown = await get(FILE_PREFIX + key, this.store);
    return isStoredFile(value) ? value : undefined;
  }

  async removeFile(key: string): Promise<void> {
    await del(FILE_PREFIX + key, this.store);
  }

  async putManifest(manifest: PersistManifest): Promise<void> {
    await set(MANIFEST_KEY, manifest, this.store);
  }

  /** "Forget files": every record and the manifest go. */
  async forget(): Promise<void> {
    await clear(this.store);
  }
}
