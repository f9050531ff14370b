import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { CliIo } from './cli-io';
import { describeLoadFailure, oneLine } from './cli-io';
import { HELP, runCli } from './main';

const SEED = new URL(
  '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml',
  import.meta.url,
);

/** Captures output; files come from a Map so the tests need no disk writes. */
function fakeIo(files: Map<string, Uint8Array> = new Map()) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => {
      const bytes = files.get(path);
      if (bytes) return bytes;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
  };
  return { io, out };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('runCli', () => {
  it('prints help with --help and exits 0, names both commands', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(out.stdout).toBe(HELP);
    expect(out.stdout).toMatch(/inspect FILE \[--json\]/);
    expect(out.stdout).toMatch(/diff A B/);
  });

  it('prints the version', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(out.stdout).toMatch(/^\S+\n$/);
  });

  it('refuses an unknown command and no command with exit 2', async () => {
    const unknown = fakeIo();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.out.stderr).toMatch(/unknown command "frobnicate"/);
    const none = fakeIo();
    expect(await runCli([], none.io)).toBe(2);
    expect(none.out.stdout).toBe('');
  });

  it('a first word that names a path means open (cassette-viewer FILE…); --help says what the server answers', async () => {
    const { io, out } = fakeIo();
    const asPath: CliIo = { ...io, isPath: (path) => path === 'gone.yaml' };
    expect(await runCli(['gone.yaml', '--no-open'], asPath)).toBe(1);
    expect(out.stderr).toBe('cassette-viewer: gone.yaml: no such file or folder\n');
    expect(HELP).toMatch(/on 127\.0\.0\.1/);
  });

  it('inspect: a missing file is one line on stderr and exit 1', async () => {
    const { io, out } = fakeIo();
    expect(await runCli(['inspect', 'nope.yaml', '--json'], io)).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('cassette-viewer: cannot open nope.yaml: no such file\n');
  });

  it('inspect: usage errors exit 2 with one line', async () => {
    for (const argv of [['inspect'], ['inspect', 'a', 'b'], ['inspect', 'a', '--jsn']]) {
      const { io, out } = fakeIo();
      expect(await runCli(argv, io)).toBe(2);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('inspect --json prints exactly one JSON object for the sample', async () => {
    const { io, out } = fakeIo(new Map([['seed.yaml', new Uint8Array(readFileSync(SEED))]]));
    expect(await runCli(['inspect', 'seed.yaml', '--json'], io)).toBe(0);
    expect(out.stderr).toBe('');
    const report = JSON.parse(out.stdout);
    expect(report.file).toBe('seed.yaml');
    expect(report.interaction_count).toBe(2);
    expect(report.interactions[0].tool_calls).toEqual(['add', 'multiply']);
  });

  it('inspect --json names the event of a finding in anomalies and anomaly_details', async () => {
    const broken = readFileSync(SEED, 'utf8').replace('"finish_reason":"stop"', '"finish_reason":"length"');
    const { io, out } = fakeIo(new Map([['broken.yaml', text(broken)]]));
    expect(await runCli(['inspect', 'broken.yaml', '--json'], io)).toBe(0);
    const row = JSON.parse(out.stdout).interactions[1];
    // The seed's request set max_tokens, so the stop is information that names the cap (issue 16).
    expect(row.anomalies).toEqual([
      expect.stringMatching(
        /^stopped at max_tokens = 4000, as the request asked \(finish reason "length" in event \d+\)$/,
      ),
    ]);
    expect(row.anomaly_details).toEqual([
      {
        kind: 'stopped-at-cap',
        severity: 'info',
        event_index: expect.any(Number),
        message: row.anomalies[0],
      },
    ]);
  });

  it('inspect without --json labels a stop at the requested cap as information, not a problem', async () => {
    const broken = readFileSync(SEED, 'utf8').replace('"finish_reason":"stop"', '"finish_reason":"length"');
    const { io, out } = fakeIo(new Map([['broken.yaml', text(broken)]]));
    expect(await runCli(['inspect', 'broken.yaml'], io)).toBe(0);
    expect(out.stdout).toMatch(/^ {2}#1 info: stopped at max_tokens = 4000, as the request asked/m);
    expect(out.stdout).not.toContain('anomaly:');
    expect(out.stdout).toContain('doctor: 0 problems, 1 note');
  });

  it('inspect without --json prints the table', async () => {
    const { io, out } = fakeIo(new Map([['seed.yaml', new Uint8Array(readFileSync(SEED))]]));
    expect(await runCli(['inspect', 'seed.yaml'], io)).toBe(0);
    expect(out.stdout).toMatch(/^seed\.yaml {2}go-vcr-v2 {2}2 interactions\n/);
    expect(out.stdout).toMatch(/add,multiply/);
  });

  it.each([
    ['malformed YAML', 'interactions:\n  - request: {\n      url: "x\n'],
    ['an empty file', ''],
    ['only a document marker', '---\n'],
    ['YAML that is not a cassette', 'hello: world\n'],
    ['random bytes', '\u0000\u00ff\u0013garbage\u0001'],
  ])('inspect: %s gives one line on stderr and exit 1', async (_label, content) => {
    const { io, out } = fakeIo(new Map([['bad.yaml', text(content)]]));
    expect(await runCli(['inspect', 'bad.yaml', '--json'], io)).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^cassette-viewer: cannot read bad\.yaml: [^\n]+\n$/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it('inspect: a YAML syntax error names its line', async () => {
    const { io, out } = fakeIo(
      new Map([['bad.yaml', text('interactions:\n- request:\n    url: [unclosed\n  response: {\n')]]),
    );
    expect(await runCli(['inspect', 'bad.yaml', '--json'], io)).toBe(1);
    expect(out.stderr).toMatch(/line \d+/);
  });
});

describe('one-line messages', () => {
  it('flattens newlines and escapes terminal control characters', () => {
    expect(oneLine('a\n  b\u001b[2Jc\u202e')).toBe('a b\\u{1b}[2Jc\\u{202e}');
  });

  it('describes a load failure with location and formats tried', () => {
    const line = describeLoadFailure('x.yaml', {
      fileName: 'x.yaml',
      message: 'YAML syntax error: missing closing bracket',
      line: 3,
      column: 10,
      attempts: [
        { format: 'go-vcr-v2', reason: 'no interactions key' },
        { format: 'har', reason: 'no log.entries' },
      ],
    });
    expect(line).toBe(
      'cannot read x.yaml: YAML syntax error: missing closing bracket (line 3, column 10); tried go-vcr-v2 (no interactions key), har (no log.entries)',
    );
  });
});
