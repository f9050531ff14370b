/**
 * The original bytes of each open file, kept as a Blob so "Share" can mask and encode the file as
 * it was written (the loaded model alone cannot be written back in its own format). The load path
 * transfers its buffer to the worker, so the opener hands a copy here first. A Blob lets the
 * browser keep large files out of the JS heap (https://w3c.github.io/FileAPI/#blob-section).
 */
const sources = new Map<string, Blob>();

/** Keeps a copy (the Blob constructor copies at once) and returns the bytes, for use in a `.then`. */
export function rememberSource(fileId: string, bytes: Uint8Array): Uint8Array {
  sources.set(fileId, new Blob([bytes as Uint8Array<ArrayBuffer>]));
  return bytes;
}

export function forgetSource(fileId: string): void {
  sources.delete(fileId);
}

export async function sourceBytes(fileId: string): Promise<Uint8Array | null> {
  const blob = sources.get(fileId);
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}
