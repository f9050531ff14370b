/**
 * The command dispatcher of `cassette-viewer`. Each command is loaded on demand from a table, so
 * `--help` stays instant and a command whose module is missing or broken fails alone, with one
 * line, instead of taking the whole tool down.
 *
 * `diff` lives in `./diff-command` (issue 7) and exports `runDiff(argv, io): Promise<number>`.
 */
import { EXIT, oneLine, type CliCommand, type CliIo } from './cli-io';

declare const __CASSETTE_VIEWER_VERSION__: string | undefined;

/** Set by the bundler from package.json (scripts/build-cli.mjs `define`). */
export const VERSION =
  typeof __CASSETTE_VIEWER_VERSION__ === 'string' ? __CASSETTE_VIEWER_VERSION__ : '0.0.0-dev';

interface CommandEntry {
  summary: string;
  load: () => Promise<CliCommand>;
}

const COMMANDS = new Map<string, CommandEntry>([
  [
    'inspect',
    {
      summary: 'inspect FILE [--json]   what a cassette holds, as a table or as JSON',
      load: async () => (await import('./inspect-command')).runInspect,
    },
  ],
  [
    'diff',
    {
      summary: 'diff A B [--json]        compare two recordings; exit status says if behaviour changed',
      load: async () => {
        const module = await import('./diff-command');
        return (argv, io) => module.runDiff(argv, io);
      },
    },
  ],
  [
    'open',
    {
      summary: 'open FILE… | DIR…         view cassettes in the browser (also: cassette-viewer FILE…)',
      load: async () => (await import('./open-command')).runOpen,
    },
  ],
  [
    'doctor',
    {
      summary: 'doctor PATH… [--json]     the stream doctor as a CI gate (exit 1 at --fail-on)',
      load: async () => (await import('./doctor-command')).runDoctor,
    },
  ],
  [
    'export',
    {
      summary: 'export FILE --to md|har   a masked markdown transcript or HAR 1.2 archive (-o OUT)',
      load: async () => (await import('./export-command')).runExport,
    },
  ],
  [
    'match',
    {
      summary: "match RECORDED NEW [...]  would NEW's requests replay from RECORDED? (exit 1 when not)",
      load: async () => (await import('./match-command')).runMatch,
    },
  ],
]);

export const HELP = [
  `cassette-viewer ${VERSION}: read HTTP cassettes of LLM API traffic as conversations`,
  '',
  'usage: cassette-viewer <command> [options]',
  '',
  'commands:',
  ...[...COMMANDS.values()].map((entry) => `  ${entry.summary}`),
  '',
  'options:',
  '  -h, --help      show this help',
  '  -v, --version   print the version',
  '',
  'cassette-viewer FILE… | DIR… serves the page and those files on 127.0.0.1 to the browser',
  '(run cassette-viewer open --help for what it answers); every other command reads files only.',
  '',
].join('\n');

/** Run one command line; resolves to the exit code and never rejects. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) {
      io.stderr(HELP);
      return EXIT.usage;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
      io.stdout(HELP);
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT.ok;
    }
    // `cassette-viewer FILE…`: a first word that names a file or folder is `open` (issue 19).
    const entry = COMMANDS.get(name) ?? (io.isPath?.(name) ? COMMANDS.get('open') : undefined);
    if (entry && !COMMANDS.has(name)) rest.unshift(name);
    if (!entry) {
      io.stderr(`cassette-viewer: unknown command "${oneLine(name, 80)}"; run cassette-viewer --help\n`);
      return EXIT.usage;
    }
    let command: CliCommand;
    try {
      command = await entry.load();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(`cassette-viewer: ${name} is not available in this build (${oneLine(reason, 200)})\n`);
      return EXIT.failed;
    }
    return await command(rest, io);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`cassette-viewer: internal error: ${oneLine(message, 300)}\n`);
    return EXIT.failed;
  }
}
