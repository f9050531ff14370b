/**
 * `cassette-viewer FILE… | DIR…` (also `cassette-viewer open …`): serve the built app and the named
 * cassettes on 127.0.0.1 (local-server.ts), print the page's address and open it in the default
 * browser, as `speedscope FILE` does. Runs until Ctrl+C (SIGINT) or SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findCassetteFiles, PathProblem } from './cassette-files';
import { EXIT, oneLine, type CliIo } from './cli-io';
import { startLocalServer, type LocalServer } from './local-server';

export const OPEN_USAGE = 'usage: cassette-viewer [open] FILE… | DIR… [--no-open] [--port N]';

export const OPEN_HELP = `${OPEN_USAGE}

Open cassettes in the viewer: serves the built page and the named files on 127.0.0.1 (a free
port, or --port), prints the address and opens it in the default browser (--no-open only prints
it). A folder opens the folder overview with every cassette inside it (hidden files, symbolic
links and node_modules skipped).

What the server answers: the viewer's own files, and the named cassettes only to requests
carrying the random token in the printed address. Nothing outside them (no other file, no
directory listing, no symbolic link leading out of a named folder, nothing that is not a regular
file, nothing over the size limit), and only on 127.0.0.1. Nothing is uploaded anywhere: the page
reads the files in your browser. Ctrl+C stops the server.
`;

/** Where the built app is: beside the bundle (dist-cli/ → dist/) or, from the sources, at the root. */
export function findAppDir(from = dirname(fileURLToPath(import.meta.url))): string | null {
  for (const candidate of [join(from, '..', 'dist'), join(from, '..', '..', 'dist')])
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  return null;
}

/** The platform's "open this with the default app" command (no shell, the URL is one argument). */
function browserCommand(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is a window title, hence the empty one.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

function openBrowser(url: string, io: CliIo): void {
  const [command, args] = browserCommand(url);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () =>
      io.stderr(`cassette-viewer: could not start ${command}; open the address yourself\n`),
    );
    child.unref();
  } catch {
    io.stderr(`cassette-viewer: could not start ${command}; open the address yourself\n`);
  }
}

/** Resolves when the process is asked to stop (Ctrl+C or SIGTERM). */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export interface OpenDeps {
  /** Resolves when the server should stop; the real one waits for SIGINT/SIGTERM. */
  stopped?: () => Promise<unknown>;
  appDir?: string | null;
  /** Called once the server listens (tests read the URL from here). */
  onListening?: (server: LocalServer) => void;
}

export async function runOpen(argv: string[], io: CliIo, deps: OpenDeps = {}): Promise<number> {
  let paths: string[];
  let open: boolean;
  let port: number | undefined;
  try {
    const parsed = parseArgs({
      args: argv,
      options: {
        'no-open': { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.values.help) {
      io.stdout(OPEN_HELP);
      return EXIT.ok;
    }
    paths = parsed.positionals;
    open = parsed.values['no-open'] !== true;
    if (parsed.values.port !== undefined) {
      port = Number(parsed.values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new Error(`--port ${parsed.values.port}`);
    }
  } catch (error) {
    io.stderr(
      `cassette-viewer: ${oneLine(error instanceof Error ? error.message : String(error))}; ${OPEN_USAGE}\n`,
    );
    return EXIT.usage;
  }
  if (paths.length === 0) {
    io.stderr(`cassette-viewer: name at least one FILE or DIR; ${OPEN_USAGE}\n`);
    return EXIT.usage;
  }
  let server: LocalServer;
  try {
    // The user's paths are checked before the built page: a typo in a path is the problem they
    // can act on, whatever the state of dist/ (and the unit tests run without a build).
    const found = await findCassetteFiles(paths);
    if (found.files.length === 0) {
      io.stderr(`cassette-viewer: no cassette files in ${oneLine(paths.join(', '))}\n`);
      return EXIT.failed;
    }
    const appDir = deps.appDir === undefined ? findAppDir() : deps.appDir;
    if (!appDir) {
      io.stderr('cassette-viewer: the built page is missing (dist/); run `npm run build` in a clone\n');
      return EXIT.failed;
    }
    server = await startLocalServer({ appDir, found, readFile: io.readFile, port });
    io.stdout(
      `Serving ${found.files.length} file${found.files.length === 1 ? '' : 's'} from ${oneLine(found.root)}\n` +
        `${server.url}\nPress Ctrl+C to stop.\n`,
    );
  } catch (error) {
    const message = error instanceof PathProblem || error instanceof Error ? error.message : String(error);
    io.stderr(`cassette-viewer: ${oneLine(message)}\n`);
    return EXIT.failed;
  }
  deps.onListening?.(server);
  if (open) openBrowser(server.url, io);
  await (deps.stopped ?? untilStopped)();
  await server.close();
  return EXIT.ok;
}
