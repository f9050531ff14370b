import { describe, expect, it } from 'vitest';
import { folderFromFiles } from './folder-source';

const file = (name: string, text = 'x') => new File([text], name);

describe('folderFromFiles', () => {
  it('names the folder after the first segment its paths share, and keeps the rest as paths', async () => {
    const folder = folderFromFiles(
      [
        { file: file('a.yaml', 'hello'), path: 'cassettes/a.yaml' },
        { file: file('c.json'), path: 'cassettes/b/c.json' },
      ],
      'Dropped items',
    );
    expect(folder.name).toBe('cassettes');
    expect(folder.entries.map((entry) => [entry.path, entry.size])).toEqual([
      ['a.yaml', 5],
      ['b/c.json', 1],
    ]);
    expect(new TextDecoder().decode(await folder.entries[0]!.read())).toBe('hello');
  });

  it('keeps the paths and takes the fallback name when nothing is shared', () => {
    const folder = folderFromFiles(
      [
        { file: file('a.yaml'), path: 'one/a.yaml' },
        { file: file('b.yaml'), path: 'b.yaml' },
      ],
      'Dropped items',
    );
    expect(folder.name).toBe('Dropped items');
    expect(folder.entries.map((entry) => entry.path)).toEqual(['one/a.yaml', 'b.yaml']);
  });
});
