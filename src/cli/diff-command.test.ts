import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { runCli } from './main';

const seedPath = new URL(
  '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml',
  import.meta.url,
).pathname;
const seed = readFileSync(seedPath);

function io(files: Record<string, Uint8Array | string>) {
  const out = { stdout: '', stderr: '' };
  const fake: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: async (path) => {
      const file = files[path];
      if (file === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return typeof file === 'string' ? new TextEncoder().encode(file) : file;
    },
  };
  return { out, fake };
}

describe('cassette-viewer diff', () => {
  it('exits 0 for the same cassette', async () => {
    const { out, fake } = io({ a: seed, b: seed });
    expect(await runCli(['diff', 'a', 'b'], fake)).toBe(0);
    expect(out.stdout).toMatch(/2 identical/);
  });

  it('exits 0 when only wording changed', async () => {
    const changed = seed.toString('utf8').replace('"content":" numbers"', '"content":" values"');
    const { fake } = io({ a: seed, b: changed });
    expect(await runCli(['diff', 'a', 'b'], fake)).toBe(0);
  });

  it('exits 1 when behaviour changed, and says why in JSON', async () => {
    const changed = seed.toString('utf8').replace('"finish_reason":"stop"', '"finish_reason":"length"');
    const { out, fake } = io({ a: seed, b: changed });
    expect(await runCli(['diff', 'a', 'b', '--json'], fake)).toBe(1);
    const report = JSON.parse(out.stdout) as {
      behaviour_changed: boolean;
      interactions: { verdict: string }[];
    };
    expect(report.behaviour_changed).toBe(true);
    expect(report.interactions.map((i) => i.verdict)).toEqual(['identical', 'behaviour-changed']);
  });

  it('says "request changed" beside the response verdict, with the same words as the page', async () => {
    const changed = seed
      .toString('utf8')
      .replaceAll(
        'Add and multiply the number 2 and 3',
        'Add and multiply the number 2 and 3. Show your work.',
      );
    const { out, fake } = io({ a: seed, b: changed });
    expect(await runCli(['diff', 'a', 'b'], fake)).toBe(0);
    expect(out.stdout).toMatch(
      /1 → 1 +request changed, same response +POST openrouter\.ai\/api\/v1\/chat\/completions/,
    );
    expect(out.stdout).toMatch(/request: the messages changed/);
    expect(out.stdout).toMatch(/same behaviour · 2 requests changed/);
    const json = io({ a: seed, b: changed });
    await runCli(['diff', 'a', 'b', '--json'], json.fake);
    const report = JSON.parse(json.out.stdout) as {
      requests_changed: number;
      interactions: { verdict: string; request_changed: boolean; request_reasons: string[] }[];
    };
    expect(report.requests_changed).toBe(2);
    expect(report.interactions[0]).toMatchObject({
      verdict: 'identical',
      request_changed: true,
      request_reasons: ['the messages changed'],
    });
  });

  it('exits 2 with one line when a file cannot be read', async () => {
    const { out, fake } = io({ a: seed, b: 'interactions: [unclosed' });
    expect(await runCli(['diff', 'a', 'b'], fake)).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    const missing = io({ a: seed });
    expect(await runCli(['diff', 'a', 'nope'], missing.fake)).toBe(2);
    expect(await runCli(['diff', 'a'], missing.fake)).toBe(2);
  });
});
