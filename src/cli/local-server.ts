/**
 * The server behind `cassette-viewer FILE… | DIR…`: the built app and the named files, on
 * 127.0.0.1 only, and nothing else.
 *
 * - The app: only the files that were in the build folder when the server started (a fixed list,
 *   so no request path ever reaches the file system); `/` is index.html.
 * - The cassettes: `/local/TOKEN/index.json` lists them, `/local/TOKEN/file/N` is the N-th, and
 *   `/local/TOKEN/files/A-B` the A-th to the (B-1)-th in one answer (local-batch.ts), which the
 *   folder overview asks for: one request per file cost more than reading most of them. The
 *   token is 24 random bytes (crypto.randomBytes), compared in constant time; a request without
 *   it gets 403 and learns nothing. Each file is checked again when asked for: still a regular
 *   file, still inside the named folder after resolving links (no symlink escape), and read
 *   through the CLI's own reader (its size cap).
 * - The Host header must name this server (127.0.0.1:PORT or localhost:PORT): a web page that
 *   rebinds its own DNS name to 127.0.0.1 cannot read anything (DNS rebinding,
 *   https://en.wikipedia.org/wiki/DNS_rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import type { FoundPaths } from './cassette-files';
import { parseBatchRange, readBatch } from './local-batch';

export interface LocalServerOptions {
  /** The built app (dist/): index.html and assets. */
  appDir: string;
  found: FoundPaths;
  /** Reads one file (the CLI's reader, with its size cap). */
  readFile: (path: string) => Promise<Uint8Array>;
  /** 0 (the default) asks the system for a free port. */
  port?: number;
  /** Fixed only in tests; otherwise random. */
  token?: string;
}

export interface LocalServer {
  /** The page to open: `http://127.0.0.1:PORT/#local=TOKEN`. */
  url: string;
  port: number;
  token: string;
  /** Stops listening and ends open connections (a browser keeps them alive). */
  close(): Promise<void>;
}

/** The manifest the page reads (features/local-server/local-manifest.ts). */
export interface LocalManifest {
  kind: 'files' | 'folder';
  root: string;
  files: Array<{ path: string; size: number; url: string }>;
  /** `batch + 'A-B'` answers files A to B-1 at once (local-batch.ts). */
  batch: string;
}

const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.json', 'application/json'],
  ['.md', 'text/plain; charset=utf-8'],
  ['.yaml', 'text/plain; charset=utf-8'],
  ['.png', 'image/png'],
  ['.woff2', 'font/woff2'],
]);

/** Every regular file under `dir`, as URL paths (`/assets/index.js`) → absolute paths. */
async function listApp(
  dir: string,
  prefix = '',
  out = new Map<string, string>(),
): Promise<Map<string, string>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await listApp(path, `${prefix}/${entry.name}`, out);
    else if (entry.isFile()) out.set(`${prefix}/${encodeURIComponent(entry.name)}`, path);
  }
  return out;
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const app = await listApp(options.appDir);
  if (!app.has('/index.html')) throw new Error(`the built app is missing (${options.appDir}/index.html)`);
  const token = options.token ?? randomBytes(24).toString('hex');
  const { found } = options;
  let port = 0;

  const manifest = (): LocalManifest => ({
    kind: found.kind,
    root: found.root,
    files: found.files.map((file, index) => ({
      path: file.shown,
      size: file.size,
      url: `/local/${token}/file/${index}`,
    })),
    batch: `/local/${token}/files/`,
  });

  /** The N-th named file, checked again now: it may have changed since the walk. */
  const readNamed = async (index: number): Promise<Uint8Array> => {
    const file = found.files[index]!;
    const real = await realpath(file.absolute);
    if (found.kind === 'folder') {
      const inside = relative(found.root, real);
      if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || inside.startsWith(sep))
        throw new Error('outside the folder');
    }
    if (!(await lstat(real)).isFile()) throw new Error('not a regular file');
    return options.readFile(real);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const send = (status: number, body: string | Uint8Array, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Length': Buffer.byteLength(body),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(403, 'Forbidden\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'Method not allowed\n');
    const path = (request.url ?? '/').split('?')[0]!;
    if (path.startsWith('/local/')) {
      const [, , given = '', what = '', index = ''] = path.split('/');
      if (!sameToken(given, token)) return send(403, 'Forbidden\n');
      if (what === 'index.json' && index === '' && path.split('/').length === 4)
        return send(200, JSON.stringify(manifest()), 'application/json');
      if (what === 'files' && path.split('/').length === 5) {
        const range = parseBatchRange(index, found.files.length);
        if (!range) return send(404, 'Not found\n');
        const shown = (n: number) => found.files[n]!.shown;
        return send(200, await readBatch(range, readNamed, shown), 'application/octet-stream');
      }
      const n = /^(0|[1-9]\d{0,8})$/.test(index) ? Number(index) : -1;
      if (what !== 'file' || n < 0 || n >= found.files.length || path.split('/').length !== 5)
        return send(404, 'Not found\n');
      let bytes: Uint8Array;
      try {
        bytes = await readNamed(n);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return send(410, `Cannot read ${found.files[n]!.shown}: ${reason}\n`);
      }
      return send(200, bytes, 'application/octet-stream');
    }
    const file = app.get(path === '/' ? '/index.html' : path);
    if (!file) return send(404, 'Not found\n');
    return send(200, await readFile(file), CONTENT_TYPES.get(extname(file)) ?? 'application/octet-stream');
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#local=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
