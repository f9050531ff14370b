/* eslint-disable no-control-regex -- these tests look for control characters. */
/**
 * Issue 8, "the CLI never crashes": every hostile fixture through `inspect FILE --json`, checked
 * by cli-checks.ts (one JSON object with exit 0, or one line on stderr with exit 1; never a stack
 * trace; the outcome agrees with the core, tests/hostile/catalog.ts).
 *
 * Issue 15: most cases run runCli in this process with the real file reader (run-cli.ts
 * runInProcess), where a child process would add only its start-up. The bin's own part (exit
 * status, the one line on the real stderr, JSON on the real stdout, a FIFO that must not block)
 * runs through `node bin/cassette-viewer.mjs` in "the bin itself". The heavy generated fixtures
 * and the literal alias-bytes.yaml go through the bin under a 2 GB heap in cli.perf.test.ts
 * (`npm run test:perf`): what they prove is a bound on time and memory (twins.ts).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureHostileFixtures,
  hostilePath,
  HOSTILE_FIXTURES,
  RUBY_TAGS,
  type HostileFixture,
} from './catalog';
import { expectCliOutcome } from './cli-checks';
import { buildCli, inspect, runInProcess } from './run-cli';
import { catalogEntry, HEAVY_ONCE, TWINNED, TWINS } from './twins';

const inspectJson = (path: string) => runInProcess(['inspect', path, '--json']);

describe('cassette-viewer inspect --json on hostile fixtures (issue 8)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'cv-hostile-cli-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const light = HOSTILE_FIXTURES.filter((f) => !HEAVY_ONCE.has(f.file) && !TWINNED.has(f.file));
  it.each(light.map((fixture) => [fixture.file, fixture] as [string, HostileFixture]))(
    '%s',
    async (_name, fixture) => expectCliOutcome(fixture, await inspectJson(hostilePath(fixture))),
  );

  it.each(TWINS.map((twin) => [twin.fixture.file, twin] as const))(
    '%s (a twin that crosses the same limit: twins.ts)',
    async (_name, { fixture, text }) => {
      const path = join(scratch, fixture.file.replace(/^generated\//, ''));
      writeFileSync(path, text());
      expectCliOutcome(fixture, await inspectJson(path));
    },
  );

  describe('the bin itself, in a child process', () => {
    beforeAll(() => buildCli(), 120_000);

    it('a refused file: exit 1, one line on stderr, nothing on stdout', async () => {
      expectCliOutcome(catalogEntry('truncated.yaml'), await inspect(hostilePath('truncated.yaml')));
    });

    it('names every Ruby tag of unsafe-ruby-tag.yml it did not construct, and reads the call', async () => {
      const result = await inspect(hostilePath('unsafe-ruby-tag.yml'));
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const report = JSON.parse(result.stdout) as {
        format: string;
        warnings: string[];
        interactions: { text: string | null }[];
      };
      expect(report.format).toBe('ruby-vcr');
      for (const tag of RUBY_TAGS)
        expect(report.warnings).toContainEqual(
          expect.stringContaining(`unsafe tag, not constructed: ${tag}`),
        );
      expect(report.interactions.map((interaction) => interaction.text)).toEqual(['the rest loaded']);
    });

    // Opened with O_NONBLOCK (read-regular-file.ts); in this process a regression would leave a
    // blocked thread behind, in a child it is killed by the timeout.
    it('a FIFO with no writer: exit 1 with one line', async () => {
      const fifo = join(scratch, 'pipe.yaml');
      execFileSync('mkfifo', [fifo]);
      const result = await inspect(fifo);
      expect(result.signal, 'killed (timeout or crash)').toBeNull();
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^cassette-viewer: cannot open [^\n]+ it is a FIFO \(named pipe\), not a regular file\n$/,
      );
    });
  });

  // Issue 14: the CLI reads only regular files, each checked with fstat before a byte is read.
  describe('paths that are not regular files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-hostile-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it.each([
      ['/dev/zero', () => '/dev/zero', /it is a device, not a regular file/],
      [
        'a symlink to /dev/zero',
        () => {
          const link = join(dir, 'zero.yaml');
          symlinkSync('/dev/zero', link);
          return link;
        },
        /it is a device, not a regular file/,
      ],
      [
        'a sparse file over the size cap',
        () => {
          const big = join(dir, 'big.yaml');
          writeFileSync(big, '');
          truncateSync(big, 600 * 1024 * 1024);
          return big;
        },
        /the file is 600 MiB, more than the limit of 512 MiB/,
      ],
    ])('%s: exit 1 with one line', async (_name, make, message) => {
      const result = await inspectJson(make());
      expect(result.signal, 'killed (timeout or crash)').toBeNull();
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^cassette-viewer: cannot open [^\n]+\n$/);
      expect(result.stderr).toMatch(message);
    });
  });

  // Issue 14: a file name is text from outside too. ESC ] 52 (OSC 52) would write the clipboard,
  // BEL ends it; U+009B is an 8-bit CSI; U+202E reverses what follows.
  describe('terminal output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cv-names-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    const hostileName = () => {
      const path = join(dir, 'a\u001b]52;c;aGk=\u0007\u009b31m\u202egnp.yaml');
      copyFileSync(hostilePath('bidi-zero-width.yaml'), path);
      return path;
    };

    it('inspect escapes control, C1 and bidi characters of the file name and the content', async () => {
      const path = hostileName();
      const table = await runInProcess(['inspect', path]);
      expect(table.code).toBe(0);
      expect(table.stdout).not.toMatch(RAW);
      expect(table.stdout).toContain('\\u{1b}]52;c;aGk=\\u{7}');
      const json = await inspectJson(path);
      expect(json.code).toBe(0);
      expect(json.stdout).not.toMatch(RAW);
      expect(json.stdout).toContain('\\u009b');
      expect(json.stdout).toContain('\\u202e');
      expect((JSON.parse(json.stdout) as { file: string }).file).toBe(
        'a\u001b]52;c;aGk=\u0007\u009b31m\u202egnp.yaml',
      );
    });

    it('diff escapes them too, and a refused file is one escaped line', async () => {
      const path = hostileName();
      const diff = await runInProcess(['diff', path, hostilePath('script-in-messages.yaml')]);
      expect(diff.signal).toBeNull();
      expect(diff.stdout.length).toBeGreaterThan(0);
      expect(diff.stdout).not.toMatch(RAW);
      const missing = await runInProcess(['inspect', `${path}.missing`]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).not.toMatch(RAW);
      expect(missing.stderr).toMatch(/^cassette-viewer: [^\n]+\n$/);
    });
  });
});
