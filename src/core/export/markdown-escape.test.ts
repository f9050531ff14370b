import { describe, expect, it } from 'vitest';
import { embedModelMarkdown, escapeInline, escapeMarkdownText, fenced, inlineCode } from './markdown-escape';

describe('escapeMarkdownText', () => {
  it('escapes inline syntax so it reads as typed', () => {
    expect(escapeMarkdownText('use *args and <script> & [x](y)')).toBe(
      'use \\*args and \\<script\\> &amp; \\[x\\](y)',
    );
  });
  it('escapes block starts: headings, lists, ordered lists, setext lines', () => {
    expect(escapeMarkdownText('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdownText('- item')).toBe('\\- item');
    expect(escapeMarkdownText('1. one')).toBe('1\\. one');
    expect(escapeMarkdownText('===')).toBe('\\===');
  });
  it('keeps line breaks as hard breaks and blank lines as paragraphs', () => {
    expect(escapeMarkdownText('a\nb\n\nc')).toBe('a\\\nb\n\nc');
  });
  it('keeps leading spaces without making an indented code block', () => {
    expect(escapeMarkdownText('    code?')).toBe('&#32;&#32;&#32;&#32;code?');
  });
  it('escapeInline keeps one line', () => {
    expect(escapeInline('a\nb_c')).toBe('a b\\_c');
  });
});

describe('embedModelMarkdown', () => {
  it('keeps markdown but shows raw HTML as text, outside code only', () => {
    expect(embedModelMarkdown('**bold** <img src=x> `<b>`')).toBe('**bold** &lt;img src=x> `<b>`');
    expect(embedModelMarkdown('```html\n<b>\n```')).toBe('```html\n<b>\n```');
  });
  it('closes a fence the model left open, so it cannot swallow the transcript', () => {
    expect(embedModelMarkdown('```js\nlet a')).toBe('```js\nlet a\n```');
  });
});

describe('code', () => {
  it('fences with more backticks than the text holds', () => {
    expect(fenced('a ``` b', 'json')).toBe('````json\na ``` b\n````');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`a')).toBe('`` `a ``');
  });
});
