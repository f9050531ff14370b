/**
 * The installed command, run the way a user runs it: `node bin/cassette-viewer.mjs …` in a child
 * process, against a freshly built bundle (scripts/build-cli.mjs). Covers issue 2's acceptance
 * numbers for the sample and issue 8's "never a stack trace".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(root, 'bin', 'cassette-viewer.mjs');
const CORPUS = join(root, 'tests', 'fixtures', 'corpus');
const SEED = join(CORPUS, 'seed', 'multi_tool_streaming_kimi-k2_together.yaml');

/** One fixture of each on-disk format (issue 3's list), relative to the corpus. */
const ONE_OF_EACH_FORMAT: [string, string][] = [
  ['go-vcr-v1', 'go-vcr-v1/go-vcr/example-iana-reserved-domains.yaml'],
  ['go-vcr-v2', 'go-vcr-v2/envoy-ai-gateway/chat-streaming.yaml'],
  ['vcrpy', 'vcrpy/pydantic-ai/test_openai__test_multiple_agent_tool_calls.yaml'],
  ['ruby-vcr', 'ruby-vcr/ruby-openai/gpt-3_5-turbo_streamed_chat.yml'],
  ['polly', 'polly/cody/defaultClient_631904893.recording.har'],
];

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/cassette-viewer.mjs', () => {
  let scratch: string;
  beforeAll(() => {
    // Build from the current sources so the test never runs a stale bundle.
    execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs')], { cwd: root, stdio: 'pipe' });
    scratch = mkdtempSync(join(tmpdir(), 'cassette-viewer-bin-'));
  }, 120_000);

  it('inspect --json on the sample prints the issue 2 acceptance numbers', () => {
    const { code, stdout, stderr } = run('inspect', SEED, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.file).toBe('multi_tool_streaming_kimi-k2_together.yaml');
    expect(report.interaction_count).toBe(2);
    const [first, second] = report.interactions;
    expect(first.tool_calls).toEqual(['add', 'multiply']);
    expect(second.tool_calls).toEqual([]);
    expect(first.finish_reason).toBe('tool_calls');
    expect(second.finish_reason).toBe('stop');
    expect(first.usage).toEqual({ input_tokens: 218, output_tokens: 55 });
    expect(second.usage).toEqual({ input_tokens: 392, output_tokens: 30 });
    expect(first.stream_events).toBe(24);
    expect(second.stream_events).toBe(32);
    expect(first.duration_ms).toBeCloseTo(1004.536333, 6);
    expect(second.duration_ms).toBeCloseTo(966.797458, 6);
  });

  it('prints a table without --json', () => {
    const { code, stdout } = run('inspect', SEED);
    expect(code).toBe(0);
    expect(stdout).toMatch(/go-vcr-v2 {2}2 interactions/);
  });

  it('answers --help and --version', () => {
    expect(run('--help').stdout).toMatch(/inspect FILE/);
    expect(run('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    ['malformed YAML', 'bad.yaml', 'interactions:\n- request:\n    url: [unclosed\n  response: {\n'],
    ['an empty file', 'empty.yaml', ''],
    ['random bytes', 'random.bin', '\u0000\u00ff\u0013\u0001garbage'],
    ['a JSON nested 100,000 levels deep', 'deep.json', '['.repeat(100_000)],
  ])('%s: exit 1, one line on stderr, no stack trace', (_label, name, content) => {
    const path = join(scratch, name);
    writeFileSync(path, content);
    const { code, stdout, stderr } = run('inspect', path, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^cassette-viewer: [^\n]+\n$/);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it.each(ONE_OF_EACH_FORMAT)('reads a %s cassette as one JSON object', (format, file) => {
    const { code, stdout, stderr } = run('inspect', join(CORPUS, file), '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).format).toBe(format);
  });

  it('reads a gzip-compressed cassette the same as the plain one', () => {
    const path = join(scratch, 'seed.yaml.gz');
    writeFileSync(path, gzipSync(readFileSync(SEED)));
    const gz = run('inspect', path, '--json');
    expect(gz.code).toBe(0);
    const plain = JSON.parse(run('inspect', SEED, '--json').stdout);
    expect({ ...JSON.parse(gz.stdout), file: plain.file }).toEqual(plain);
  });

  // Issue 8's hostile fixtures run through this same bin in tests/hostile/cli.test.ts.

  it('a path that does not exist, and a directory: exit 1, one line', () => {
    for (const path of [join(scratch, 'missing.yaml'), scratch]) {
      const { code, stderr } = run('inspect', path, '--json');
      expect(code).toBe(1);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
