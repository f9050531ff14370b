/**
 * The original bytes of each open file, kept as a Blob so "Share" can mask and encode the file as
 * it was written (the loaded model alone cannot be written back in its own format). The load path
 * transfers its buffer to the worker, so the opener hands a copy here first. A Blob lets the
 * browser keep large files out of the JS heap (https://w3c.github.io/FileAPI/#blob-section).
 */
const sources = new Map<string, Blob>();

/**
 * Keeps the file's bytes and returns what it was given, for use in a `.then`. Bytes are copied
 * (the Blob constructor copies at once). A picked File is kept as it is at first, so opening a
 * large file costs the main thread no copy; `snapshotSource` replaces it with a copy once the file
 * has loaded, because a File on disk that changes afterwards (a re-recorded cassette) can no
 * longer be read (https://w3c.github.io/FileAPI/#file-section, "snapshot state").
 */
export function rememberSource<T extends Uint8Array | Blob>(fileId: string, source: T): T {
  sources.set(fileId, source instanceof Blob ? source : new Blob([source as Uint8Array<ArrayBuffer>]));
  return source;
}

/** Copies a kept File into memory (see rememberSource); a no-op for bytes already copied. */
export async function snapshotSource(fileId: string): Promise<void> {
  const kept = sources.get(fileId);
  if (!(kept instanceof File)) return;
  try {
    const copy = new Blob([await kept.arrayBuffer()], { type: kept.type });
    if (sources.get(fileId) === kept) sources.set(fileId, copy);
  } catch {
    // The file changed or went away since it was opened: Share reports that when it reads it.
  }
}

export function forgetSource(fileId: string): void {
  sources.delete(fileId);
}

export async function sourceBytes(fileId: string): Promise<Uint8Array | null> {
  const blob = sources.get(fileId);
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}
