import { describe, expect, it } from 'vitest';
import type { TextChange } from '../../core/model/diff';
import { changeStats, chunkChanges } from './diff-chunks';

const joined = (chunks: TextChange[][]) =>
  chunks
    .flat()
    .map((change) => change.text)
    .join('');

describe('chunkChanges', () => {
  it('keeps a short diff as one block', () => {
    const changes: TextChange[] = [
      { op: 'same', text: 'Hello ' },
      { op: 'removed', text: 'world' },
      { op: 'added', text: 'there' },
    ];
    expect(chunkChanges(changes, 100)).toEqual([changes]);
  });

  it('splits a long diff at line breaks without losing or reordering a character', () => {
    const lines = Array.from({ length: 500 }, (_, index) => `line ${index} of the answer\n`);
    const changes: TextChange[] = [
      { op: 'same', text: lines.slice(0, 200).join('') },
      { op: 'added', text: lines.slice(200, 300).join('') },
      { op: 'same', text: lines.slice(300).join('') },
    ];
    const chunks = chunkChanges(changes, 1000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(joined(chunks)).toBe(lines.join(''));
    for (const chunk of chunks.slice(0, -1)) expect(chunk.at(-1)?.text.endsWith('\n')).toBe(true);
    // The ops survive the split.
    expect(
      chunks
        .flat()
        .filter((change) => change.op === 'added')
        .map((c) => c.text)
        .join(''),
    ).toBe(lines.slice(200, 300).join(''));
  });

  it('splits one huge line hard', () => {
    const text = 'x'.repeat(10_000);
    const chunks = chunkChanges([{ op: 'removed', text }], 1000);
    expect(chunks.length).toBe(10);
    expect(joined(chunks)).toBe(text);
  });

  it('counts added and removed characters', () => {
    expect(
      changeStats([
        { op: 'same', text: 'abc' },
        { op: 'added', text: 'de' },
        { op: 'removed', text: 'f' },
      ]),
    ).toEqual({ added: 2, removed: 1 });
  });
});
