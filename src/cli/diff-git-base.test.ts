import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { changedCassettes } from './diff-git-base';
import { runCli } from './main';

const seed = readFileSync(
  new URL('../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml', import.meta.url),
  'utf8',
);
const readBytes = async (path: string) => new Uint8Array(await readFile(path));

function git(cwd: string, ...args: string[]) {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
    cwd,
    stdio: 'pipe',
  });
}

describe('diff --git-base', () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'cv-gitbase-'));
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'cassettes'));
    writeFileSync(join(repo, 'cassettes', 'same.yaml'), seed);
    writeFileSync(join(repo, 'cassettes', 'rerecorded.yaml'), seed);
    writeFileSync(join(repo, 'cassettes', 'gone.yaml'), seed);
    writeFileSync(join(repo, 'cassettes', 'notes.md'), 'before');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'base');
    // The re-record: one cassette changes behaviour, one is new, one is deleted, a note changes.
    writeFileSync(
      join(repo, 'cassettes', 'rerecorded.yaml'),
      seed.replace('"finish_reason":"tool_calls"', '"finish_reason":"stop"'),
    );
    writeFileSync(join(repo, 'cassettes', 'new.yaml'), seed);
    git(repo, 'add', 'cassettes/new.yaml');
    rmSync(join(repo, 'cassettes', 'gone.yaml'));
    writeFileSync(join(repo, 'cassettes', 'notes.md'), 'after');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('lists the changed cassettes with their old and new bytes, skipping other files', async () => {
    const changed = await changedCassettes('HEAD', [join(repo, 'cassettes')], readBytes);
    expect(changed.map((file) => [file.path, file.before !== null, file.after !== null])).toEqual([
      ['cassettes/gone.yaml', true, false],
      ['cassettes/new.yaml', false, true],
      ['cassettes/rerecorded.yaml', true, true],
    ]);
    expect(new TextDecoder().decode(changed[2]!.before!)).toBe(seed);
  });

  it('prints a markdown section per changed cassette and exits 1 when behaviour changed', async () => {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      readFile: readBytes,
    };
    expect(
      await runCli(['diff', '--git-base', 'HEAD', join(repo, 'cassettes'), '--format', 'markdown'], io),
    ).toBe(1);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^### Cassettes changed since `HEAD`: 3\n/);
    expect(out.stdout).toContain('#### `cassettes/gone.yaml`\n\nA deleted cassette.');
    expect(out.stdout).toContain('#### `cassettes/new.yaml`\n\nA new cassette.');
    expect(out.stdout).toMatch(/#### `cassettes\/rerecorded\.yaml`\n\n\*\*Behaviour changed\*\*/);
    expect(out.stdout).not.toContain('same.yaml');
  });

  it('refuses a revision that looks like an option, and says what git said', async () => {
    await expect(changedCassettes('--output=x', [repo], readBytes)).rejects.toThrow(/not a git revision/);
    await expect(changedCassettes('no-such-ref', [repo], readBytes)).rejects.toThrow(
      /no-such-ref|unknown revision|ambiguous/,
    );
  });
});
