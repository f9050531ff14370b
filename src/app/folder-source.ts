/**
 * A folder of cassettes as the folder overview reads it (issue 19): a name, where it came from,
 * and its files, each read only when needed. Every way a folder comes in ends here: a dropped
 * folder, "Open folder…" (`<input webkitdirectory>`), and the CLI's `cassette-viewer DIR` (its
 * local-server page loader builds entries that fetch each file from the server with its token).
 *
 * Keep this small and stable: other code builds `FolderEntry` lists and calls `OpenFolder`.
 */

/** One file of the folder. `read` may be called more than once (the overview, then opening it). */
export interface FolderEntry {
  /** Path inside the folder, `/`-separated (`suite/a.yaml`). */
  path: string;
  /** Size in bytes, as listed (0 when unknown). */
  size: number;
  read(): Promise<Uint8Array>;
  /**
   * What a summary worker can read by itself, so the page's thread never touches the bytes: the
   * File of a drop or a pick (workers read Blobs), a same-origin URL, or a file of a server that
   * answers several at once (the CLI's). Absent: the summarizer calls `read` on the page and
   * transfers the bytes.
   */
  source?: Blob | string | BatchPart;
}

/**
 * The `index`-th file of a server that answers files A to B-1 at `batch + 'A-B'` (the CLI's
 * local-server.ts and local-batch.ts): the summarizer asks for runs of consecutive files at once.
 */
export interface BatchPart {
  batch: string;
  index: number;
}

/**
 * Opens the folder overview for `entries`. `name` is the folder's name as shown (`cassettes`);
 * `origin` says where it came from, shown beside the name ("dropped", "picked", "served by
 * cassette-viewer"). The App makes it (use-folder-overview.ts) and hands it to each source.
 */
export type OpenFolder = (name: string, entries: readonly FolderEntry[], origin: string) => void;

/**
 * A folder from files the browser gave us (a drop, a webkitdirectory pick), each read when asked.
 * Their paths start with the folder's name (`cassettes/a.yaml`, `cassettes/b/c.yaml`); that
 * shared first segment becomes the folder's name and the entries' paths are what follows it. When
 * the paths share none (several things dropped), `fallbackName` names the folder and the paths stay.
 */
export function folderFromFiles(
  files: ReadonlyArray<{ file: File; path: string }>,
  fallbackName: string,
): { name: string; entries: FolderEntry[] } {
  const paths = files.map(({ file, path }) => path || file.name);
  const first = paths[0]?.split('/')[0] ?? '';
  const shared = first !== '' && paths.every((path) => path.startsWith(`${first}/`));
  const entries = files.map(({ file }, index) => ({
    path: shared ? paths[index]!.slice(first.length + 1) : paths[index]!,
    size: file.size,
    read: async () => new Uint8Array(await file.arrayBuffer()),
    source: file,
  }));
  return { name: shared ? first : fallbackName, entries };
}
