import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { runCli } from './main';

const SAMPLE = 'public/samples/multi_tool_streaming_kimi-k2_together.yaml';

function capture(files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => {
      if (path in files) return new TextEncoder().encode(files[path]);
      return new Uint8Array(readFileSync(path));
    },
  };
  return { io, out };
}

describe('cassette-viewer export', () => {
  it('prints a markdown transcript', async () => {
    const { io, out } = capture();
    expect(await runCli(['export', SAMPLE, '--to', 'md'], io)).toBe(0);
    expect(out.stdout).toMatch(/^# Transcript of multi\\_tool/);
    expect(out.stderr).toBe('');
  });
  it('writes a HAR 1.2 archive to -o OUT', async () => {
    const { io, out } = capture();
    const target = join(mkdtempSync(join(tmpdir(), 'export-')), 'out.har');
    expect(await runCli(['export', SAMPLE, '--to', 'har', '-o', target], io)).toBe(0);
    expect(out.stdout).toBe('');
    const har = JSON.parse(readFileSync(target, 'utf8')) as { log: { version: string; entries: unknown[] } };
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(2);
  });
  it('has help, listed in the main help too', async () => {
    const { io, out } = capture();
    expect(await runCli(['export', '--help'], io)).toBe(0);
    expect(out.stdout).toMatch(/usage: cassette-viewer export FILE --to md\|har/);
    expect(out.stdout).toMatch(/--no-mask/);
    const main = capture();
    await runCli(['--help'], main.io);
    expect(main.out.stdout).toMatch(/export FILE --to md\|har/);
  });
  it.each([
    [['export', SAMPLE], /needs --to md or --to har \(got none\)/],
    [['export', SAMPLE, '--to', 'pdf'], /got "pdf"/],
    [['export', '--to', 'md'], /exactly one FILE \(got 0\)/],
    [['export', SAMPLE, '--to', 'md', '--bogus'], /Unknown option '--bogus'/],
  ])('misuse %j exits 2 with one line', async (argv, message) => {
    const { io, out } = capture();
    expect(await runCli(argv, io)).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a bad file exits 1 with one line naming the file and the line', async () => {
    const { io, out } = capture({ 'bad.yaml': 'interactions:\n  - request: [\n' });
    expect(await runCli(['export', 'bad.yaml', '--to', 'har'], io)).toBe(1);
    expect(out.stderr).toMatch(/^cassette-viewer: cannot read bad\.yaml: .*line \d+/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stdout).toBe('');
  });
  it('a missing file exits 1', async () => {
    const { io, out } = capture();
    expect(await runCli(['export', 'no/such.yaml', '--to', 'md'], io)).toBe(1);
    expect(out.stderr).toBe('cassette-viewer: cannot open no/such.yaml: no such file\n');
  });
});
