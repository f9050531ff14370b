import { describe, expect, it } from 'vitest';
import { splitMarkdownBlocks } from './markdown-blocks';

describe('splitMarkdownBlocks', () => {
  it('splits paragraphs at blank lines and loses no character', () => {
    const text = 'First para\nstill first\n\nSecond\n\n\nThird';
    const blocks = splitMarkdownBlocks(text);
    expect(blocks).toHaveLength(3);
    expect(blocks.join('\n')).toBe(text);
  });

  it('keeps a fenced code block with blank lines whole, even while the fence is still open', () => {
    const text = 'Intro\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter';
    expect(splitMarkdownBlocks(text)).toEqual([
      'Intro\n',
      '```js\nconst a = 1;\n\nconst b = 2;\n```\n',
      'After',
    ]);
    const open = 'Intro\n\n```\nx\n\ny';
    expect(splitMarkdownBlocks(open)).toEqual(['Intro\n', '```\nx\n\ny']);
  });

  it('keeps indented continuation of a list item in the same block', () => {
    const text = '- item\n\n  more of the item\n- next';
    expect(splitMarkdownBlocks(text)).toEqual([text]);
  });

  it('returns the growing tail as the last block, earlier blocks unchanged', () => {
    const full = 'Para one.\n\nPara two grows';
    const earlier = splitMarkdownBlocks('Para one.\n\nPara');
    const later = splitMarkdownBlocks(full);
    expect(later[0]).toBe(earlier[0]);
    expect(later[1]).toBe('Para two grows');
  });
});
