/**
 * Issue 8, "the CLI never crashes": every hostile fixture through the built bin, run as a user runs
 * it (`node bin/cassette-viewer.mjs inspect FILE --json` in a child process). Either one JSON
 * object on stdout with exit 0, or exactly one line on stderr with exit 1; never a stack trace,
 * never a signal or a timeout. The outcome must also agree with the core (tests/hostile/catalog.ts).
 * Replaces the placeholder hook that src/cli/bin.test.ts kept until this suite existed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ensureHostileFixtures,
  hostilePath,
  HOSTILE_FIXTURES,
  ROOT,
  RUBY_TAGS,
  type HostileFixture,
} from './catalog';

const BIN = join(ROOT, 'bin', 'cassette-viewer.mjs');
/** A V8 stack frame: "    at fn (file.js:12:34)". */
const STACK_FRAME = /^\s*at .+:\d+:\d+\)?$/m;

interface CliResult {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function inspect(path: string): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, 'inspect', path, '--json'],
      { cwd: ROOT, encoding: 'utf8', timeout: 90_000, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, signal: error?.signal ?? null, stdout, stderr, ms: performance.now() - started });
      },
    );
  });
}

describe('cassette-viewer inspect --json on hostile fixtures (issue 8)', () => {
  beforeAll(() => {
    ensureHostileFixtures();
    // Build from the current sources so the test never runs a stale bundle.
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
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
