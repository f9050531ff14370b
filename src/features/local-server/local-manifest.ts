/**
 * The page side of `cassette-viewer FILE… | DIR…` (src/cli/local-server.ts): the page is opened at
 * `http://127.0.0.1:PORT/#local=TOKEN` and reads `local/TOKEN/index.json`, which lists the files
 * the command was given:
 *
 *   { kind: 'files' | 'folder', root: string, files: [{ path, size, url }] }
 *
 * Each file is then fetched from its `url` (`/local/TOKEN/file/N`) on the same origin, which the
 * page's CSP already allows (connect-src 'self'). The manifest is checked here before anything
 * is fetched: a URL that would leave the page's origin, or a shape that is not this one, is refused
 * with a message instead of being followed.
 */

export interface LocalFile {
  path: string;
  size: number;
  /** Absolute, same-origin. */
  url: URL;
}

export interface LocalManifest {
  kind: 'files' | 'folder';
  /** The folder (or the current folder, for files) on the machine running the command. */
  root: string;
  files: LocalFile[];
  /** Where the server answers files A to B-1 at once (`batch + 'A-B'`), when it says. */
  batch?: string;
}

/** The token of a `#local=TOKEN` fragment, or null. Tokens are hex (crypto.randomBytes). */
export function localTokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash).get('local');
  return token && /^[0-9a-f]{16,128}$/.test(token) ? token : null;
}

/** Where the page asks for the manifest. */
export function manifestUrl(token: string, base: string): URL {
  return new URL(`/local/${token}/index.json`, base);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the manifest's JSON; throws an Error saying what is wrong. */
export function readLocalManifest(json: unknown, base: string): LocalManifest {
  if (!isObject(json) || (json.kind !== 'files' && json.kind !== 'folder') || typeof json.root !== 'string')
    throw new Error('the local server sent a list this page does not understand');
  if (!Array.isArray(json.files)) throw new Error('the local server sent no list of files');
  const origin = new URL(base).origin;
  const files = json.files.map((entry: unknown, index): LocalFile => {
    if (!isObject(entry) || typeof entry.path !== 'string' || typeof entry.url !== 'string')
      throw new Error(`file ${index + 1} of the local server's list has no path or address`);
    const url = new URL(entry.url, base);
    if (url.origin !== origin || !url.pathname.startsWith('/local/'))
      throw new Error(`file ${index + 1} of the local server's list points elsewhere (${url.origin})`);
    const size = typeof entry.size === 'number' && Number.isFinite(entry.size) ? entry.size : 0;
    return { path: entry.path.slice(0, 1000), size, url };
  });
  // The batch address is kept only when it stays on this origin's /local/ (as the files' must).
  const batch = typeof json.batch === 'string' ? new URL(json.batch, base) : null;
  const sameOrigin = batch !== null && batch.origin === origin && batch.pathname.startsWith('/local/');
  return {
    kind: json.kind,
    root: json.root.slice(0, 1000),
    files,
    ...(sameOrigin ? { batch: batch.href } : {}),
  };
}
