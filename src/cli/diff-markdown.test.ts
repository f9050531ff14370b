import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io';
import { changedWords, codeSpan, plainText } from './diff-markdown';
import { runCli } from './main';

const seed = readFileSync(
  new URL('../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml', import.meta.url),
  'utf8',
);

function fakeIo(files: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: async (path) => {
      if (!(path in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return new TextEncoder().encode(files[path]);
    },
  };
  return { io, out };
}

/** The table's body rows, split into cells (a `\|` inside a cell is not a separator). */
function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| calls') && !line.startsWith('| ---'))
    .map((line) => line.slice(2, -2).split(/ (?<!\\)\| /));
}

describe('diff --format markdown', () => {
  it('a reworded answer is one "Wording only" row with the changed words', async () => {
    const edited = seed.replace('"content":" results"', '"content":" answers"');
    const { io, out } = fakeIo({ 'before.yaml': seed, 'after.yaml': edited });
    expect(await runCli(['diff', 'before.yaml', 'after.yaml', '--format', 'markdown'], io)).toBe(0);
    expect(out.stdout).toMatch(
      /^#### `before\.yaml` → `after\.yaml`\n\nSame behaviour: 1 identical, 1 wording only\.\n/,
    );
    const rows = tableRows(out.stdout);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.slice(0, 3)).toEqual([
      '1 → 1',
      expect.stringMatching(/^`POST .*chat\/completions`$/),
      'Identical',
    ]);
    expect(rows[1]![2]).toBe('Wording only');
    expect(rows[1]![4]).toContain('−`results`');
    expect(rows[1]![4]).toContain('+`answers`');
  });

  it('a changed finish reason is a bold "Behaviour changed" row with its reason, and exit 1', async () => {
    const edited = seed.replace('"finish_reason":"tool_calls"', '"finish_reason":"stop"');
    const { io, out } = fakeIo({ 'before.yaml': seed, 'after.yaml': edited });
    expect(await runCli(['diff', 'before.yaml', 'after.yaml', '--format=markdown'], io)).toBe(1);
    expect(out.stdout).toContain('**Behaviour changed**: 1 identical, 1 behaviour changed.');
    const row = tableRows(out.stdout)[0]!;
    expect(row[2]).toBe('**Behaviour changed**');
    expect(row[3]).toMatch(/finish reason tool\\_calls → stop/);
  });

  it('untrusted text stays text: pipes, backticks, mentions, HTML and controls', () => {
    expect(codeSpan('a | b')).toBe('`a \\| b`');
    expect(codeSpan('x `y` z')).toBe('``x `y` z``');
    expect(codeSpan('`edge')).toBe('`` `edge ``');
    expect(codeSpan('ping @octocat')).toBe('`ping @\u200boctocat`');
    expect(codeSpan('line\nbreak\u001b[2J')).toBe('`line break\\u{1b}[2J`');
    expect(plainText('tool <img src=x> [link](http://e) @me | *b*')).toBe(
      'tool \\<img src\\=x\\> \\[link\\]\\(http\\:\\/\\/e\\) \\@\u200bme \\| \\*b\\*',
    );
    expect(
      changedWords([
        { op: 'same', text: 'kept' },
        { op: 'removed', text: 'old ' },
        { op: 'added', text: 'new' },
      ]),
    ).toBe('−`old` +`new`');
    const long = changedWords([
      { op: 'added', text: 'w '.repeat(400) },
      { op: 'removed', text: 'more' },
    ]);
    expect(long.length).toBeLessThan(300);
    expect(long.endsWith('…')).toBe(true);
  });

  it('refuses an unknown format and a --json that disagrees', async () => {
    for (const argv of [
      ['diff', 'a', 'b', '--format', 'html'],
      ['diff', 'a', 'b', '--json', '--format', 'markdown'],
    ]) {
      const { io, out } = fakeIo({});
      expect(await runCli(argv, io)).toBe(2);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
