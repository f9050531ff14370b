/**
 * Opens what `cassette-viewer FILE… | DIR…` serves (local-manifest.ts) when the page starts at
 * `#local=TOKEN`: the files go through the normal load path (`openLater`, the same as a drop), a
 * folder goes to the folder overview when the app offers one (`openFolder`), and the hook returns
 * where they came from, for the page to show ("from cassette-viewer on /path").
 * A server that has stopped (Ctrl+C) or refuses becomes a failed file with a message saying so.
 */
import { useEffect, useRef, useState } from 'react';
import { localTokenFromHash, manifestUrl, readLocalManifest, type LocalManifest } from './local-manifest';

/** Registers a file at once (shown as loading) and loads the bytes when they arrive. */
export type OpenLater = (name: string, bytes: () => Promise<Uint8Array>) => void;

/** The app's folder overview entry point (app/folder-source.ts `OpenFolder`), when it has one. */
export type OpenLocalFolder = (
  name: string,
  entries: ReadonlyArray<{
    path: string;
    size: number;
    read(): Promise<Uint8Array>;
    /** Where a folder worker fetches the file itself, off the page's thread (alone, or in a run). */
    source?: string | { batch: string; index: number };
  }>,
  origin: string,
) => void;

export interface LocalSource {
  kind: LocalManifest['kind'];
  root: string;
  count: number;
}

const STOPPED =
  'the cassette-viewer command that served this page is not answering (it stops with Ctrl+C); run it again';

async function fetchLocal(url: URL): Promise<Response> {
  let response: Response;
  try {
    // Same origin, no cache: a file edited on disk is read again on reload.
    response = await fetch(url, { cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new Error(STOPPED);
  }
  if (!response.ok) {
    const reason = (await response.text().catch(() => '')).trim().slice(0, 300);
    throw new Error(
      `the cassette-viewer server answered HTTP ${response.status}${reason ? `: ${reason}` : ''}`,
    );
  }
  return response;
}

export async function fetchLocalBytes(url: URL): Promise<Uint8Array> {
  return new Uint8Array(await (await fetchLocal(url)).arrayBuffer());
}

/** The folder's own name, the last segment of its path on disk. */
function folderName(root: string): string {
  return root.split(/[\\/]/).filter(Boolean).pop() ?? root;
}

export function useLocalLoader(openLater: OpenLater, openFolder?: OpenLocalFolder): LocalSource | null {
  const [source, setSource] = useState<LocalSource | null>(null);
  const opened = useRef<string | null>(null);
  useEffect(() => {
    const token = localTokenFromHash(window.location.hash);
    // Once per token: StrictMode runs effects twice, and the hash changes as the user selects calls.
    if (!token || opened.current === token) return;
    opened.current = token;
    const base = window.location.href;
    fetchLocal(manifestUrl(token, base))
      .then((response) => response.json())
      .then((json: unknown) => {
        const manifest = readLocalManifest(json, base);
        setSource({ kind: manifest.kind, root: manifest.root, count: manifest.files.length });
        if (manifest.kind === 'folder' && openFolder) {
          const { batch } = manifest;
          const entries = manifest.files.map((file, index) => ({
            path: file.path,
            size: file.size,
            read: () => fetchLocalBytes(file.url),
            source: batch ? { batch, index } : file.url.href,
          }));
          openFolder(folderName(manifest.root), entries, `from cassette-viewer on ${manifest.root}`);
          return;
        }
        for (const file of manifest.files) openLater(file.path, () => fetchLocalBytes(file.url));
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        openLater('cassette-viewer', () => Promise.reject(new Error(message)));
      });
  }, [openLater, openFolder]);
  return source;
}
