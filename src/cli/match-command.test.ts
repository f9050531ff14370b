import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { runCli } from './main';
import { MATCH_EXIT } from './match-command';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));
const FILES = new Map<string, Uint8Array>([
  ['sample.yaml', fixture('public/samples/multi_tool_streaming_kimi-k2_together.yaml')],
  ['changed.yaml', fixture('tests/fixtures/match/kimi-k2-second-request-changed.yaml')],
  ['first.curl', fixture('tests/fixtures/match/kimi-k2-first-request.curl')],
  ['first.http', fixture('tests/fixtures/match/kimi-k2-first-request.http')],
  ['escape.http', new TextEncoder().encode('GET https://h/\u001b[31mred HTTP/1.1\n\n')],
  ['junk.txt', new TextEncoder().encode('hello: [unclosed')],
]);

async function run(...argv: string[]) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => {
      const bytes = FILES.get(path);
      if (bytes) return bytes;
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
  };
  const code = await runCli(['match', ...argv], io);
  return { code, ...out };
}

describe('cassette-viewer match', () => {
  it('go-vcr-v4: exit 1, request 2 nearest interaction 2, first difference in $.messages', async () => {
    const { code, stdout } = await run('sample.yaml', 'changed.yaml', '--matcher', 'go-vcr-v4');
    expect(code).toBe(MATCH_EXIT.misses);
    expect(stdout).toContain(
      'request 1  POST https://openrouter.ai/api/v1/chat/completions\n  ✓ replays interaction 1',
    );
    expect(stdout).toMatch(
      /request 2 .*\n {2}✗ no match\n {2}nearest: interaction 2 \(POST [^)]*\): 1 matcher failed/,
    );
    expect(stdout).toContain(
      '✗ body: $.messages[1].content: "Add and multiply the number 2 and 3" ≠ "Add and multiply the number 2 and 5"',
    );
    expect(stdout).toContain('1 of 2 requests would replay');
  });

  it('go-vcr (method and URL only): exit 0, both replay', async () => {
    const { code, stdout } = await run('sample.yaml', 'changed.yaml', '--matcher', 'go-vcr');
    expect(code).toBe(MATCH_EXIT.replays);
    expect(stdout).toContain('✓ replays interaction 2');
    expect(stdout).toContain("the recording's recorder suggests go-vcr-v4");
  });

  it('says the default profile comes from the recording', async () => {
    const { code, stdout } = await run('sample.yaml', 'sample.yaml');
    expect(code).toBe(0);
    expect(stdout).toMatch(/matcher: {2}go-vcr-v4 \(from the recording: a go-vcr version 2 file/);
  });

  it.each(['go-vcr', 'go-vcr-v4', 'vcrpy', 'ruby-vcr', 'polly'])(
    "a curl command and a raw request for the sample's first call replay interaction 1 under %s",
    async (matcher) => {
      for (const file of ['first.curl', 'first.http']) {
        const { code, stdout } = await run('sample.yaml', file, '--matcher', matcher);
        expect(code).toBe(0);
        expect(stdout).toContain('✓ replays interaction 1');
      }
    },
  );

  it('--json gives the verdicts with indexes from 0', async () => {
    const { code, stdout } = await run('sample.yaml', 'changed.yaml', '--matcher', 'go-vcr-v4', '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      all_replay: boolean;
      requests: Array<{
        interaction_index: number | null;
        nearest: Array<{
          interaction_index: number;
          matchers: Array<{ name: string; ok: boolean; json_path: string | null }>;
        }>;
      }>;
    };
    expect(report.all_replay).toBe(false);
    expect(report.requests.map((request) => request.interaction_index)).toEqual([0, null]);
    expect(report.requests[1]!.nearest[0]!.interaction_index).toBe(1);
    expect(report.requests[1]!.nearest[0]!.matchers.find((m) => !m.ok)?.json_path).toBe(
      '$.messages[1].content',
    );
  });

  it('--on picks matchers by the recorder’s names and refuses unknown ones', async () => {
    expect((await run('sample.yaml', 'changed.yaml', '--matcher', 'vcrpy', '--on', 'method,body')).code).toBe(
      1,
    );
    const bad = await run('sample.yaml', 'changed.yaml', '--matcher', 'vcrpy', '--on', 'method,json_body');
    expect(bad.code).toBe(MATCH_EXIT.trouble);
    expect(bad.stderr).toMatch(/vcrpy has no matcher "json_body"; it knows method, uri/);
  });

  it('escapes control characters from the files', async () => {
    const { stdout } = await run('sample.yaml', 'escape.http');
    expect(stdout).not.toContain('\u001b');
    expect(stdout).toContain('\\u{1b}[31mred');
  });

  it('reports trouble with exit 2: missing file, unreadable NEW, wrong arguments', async () => {
    expect((await run('sample.yaml', 'missing.yaml')).stderr).toMatch(
      /cannot open missing.yaml: no such file/,
    );
    const junk = await run('sample.yaml', 'junk.txt');
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/cannot read junk.txt.*one curl command or one raw HTTP request/);
    expect((await run('sample.yaml')).code).toBe(2);
    expect((await run('sample.yaml', 'changed.yaml', '--matcher', 'nope')).stderr).toMatch(
      /no matcher profile "nope"/,
    );
  });
});
