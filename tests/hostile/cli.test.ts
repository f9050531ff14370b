/* eslint-disable no-control-regex -- these tests look for control characters. */
/**
 * Issue 8, "the CLI never crashes": every hostile fixture through the built bin, run as a user runs
 * it (`node bin/cassette-viewer.mjs inspect FILE --json` in a child process). Either one JSON
 * object on stdout with exit 0, or exactly one line on stderr with exit 1; never a stack trace,
 * never a signal or a timeout. The outcome must also agree with the core (tests/hostile/catalog.ts).
 * Replaces the placeholder hook that src/cli/bin.test.ts kept until this suite existed.
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
import { buildCli, inspect, STACK_FRAME } from './run-cli';

describe('cassette-viewer inspect --json on hostile fixtures (issue 8)', () => {
  beforeAll(() => {
    ensureHostileFixtures();
    buildCli();
  }, 300_000);

  it.each(HOSTILE_FIXTURES.map((fixture) => [fixture.file, fixture] as [string, HostileFixture]))(
    '%s',
    async (_name, fixture) => {
      const result = await inspect(hostilePath(fixture));
      expect(result.signal, 'killed (timeout or crash)').toBeNull();
      expect(result.stderr).not.toMatch(STACK_FRAME);
      if (fixture.outcome === 'report') {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout) as { interaction_count: number; warnings: string[] };
        expect(report.interaction_count).toBeGreaterThan(0);
        if (fixture.message) expect(report.warnings.join('\n')).toMatch(fixture.message);
      } else {
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^cassette-viewer: [^\n]+\n$/);
        if (fixture.message) expect(result.stderr).toMatch(fixture.message);
      }
    },
    120_000,
  );

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
        'a FIFO with no writer',
        () => {
          const fifo = join(dir, 'pipe.yaml');
          execFileSync('mkfifo', [fifo]);
          return fifo;
        },
        /it is a FIFO \(named pipe\), not a regular file/,
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
    ])(
      '%s: exit 1 with one line',
      async (_name, make, message) => {
        const result = await inspect(make());
        expect(result.signal, 'killed (timeout or crash)').toBeNull();
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^cassette-viewer: cannot open [^\n]+\n$/);
        expect(result.stderr).toMatch(message);
      },
      60_000,
    );
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
      const table = await inspect(path, ['inspect', path]);
      expect(table.code).toBe(0);
      expect(table.stdout).not.toMatch(RAW);
      expect(table.stdout).toContain('\\u{1b}]52;c;aGk=\\u{7}');
      const json = await inspect(path);
      expect(json.code).toBe(0);
      expect(json.stdout).not.toMatch(RAW);
      expect(json.stdout).toContain('\\u009b');
      expect(json.stdout).toContain('\\u202e');
      expect((JSON.parse(json.stdout) as { file: string }).file).toBe(
        'a\u001b]52;c;aGk=\u0007\u009b31m\u202egnp.yaml',
      );
    }, 60_000);

    it('diff escapes them too, and a refused file is one escaped line', async () => {
      const path = hostileName();
      const diff = await inspect(path, ['diff', path, hostilePath('script-in-messages.yaml')]);
      expect(diff.signal).toBeNull();
      expect(diff.stdout.length).toBeGreaterThan(0);
      expect(diff.stdout).not.toMatch(RAW);
      const missing = await inspect(path, ['inspect', `${path}.missing`]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).not.toMatch(RAW);
      expect(missing.stderr).toMatch(/^cassette-viewer: [^\n]+\n$/);
    }, 60_000);
  });

  it('names every Ruby tag of unsafe-ruby-tag.yml it did not construct, and reads the call', async () => {
    const result = await inspect(hostilePath('unsafe-ruby-tag.yml'));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      format: string;
      warnings: string[];
      interactions: { text: string | null }[];
    };
    expect(report.format).toBe('ruby-vcr');
    for (const tag of RUBY_TAGS)
      expect(report.warnings).toContainEqual(expect.stringContaining(`unsafe tag, not constructed: ${tag}`));
    expect(report.interactions.map((interaction) => interaction.text)).toEqual(['the rest loaded']);
  }, 120_000);
});
