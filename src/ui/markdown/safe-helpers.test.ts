import { describe, expect, it } from 'vitest';
import { classifyUrl, toInlineImageUrl } from './safe-url';
import { escapeBidiControls, escapeInvisible, hasInvisible } from './escape-invisible';
import { formatJsonText, stringifyValue } from './format-json';

describe('classifyUrl', () => {
  it('classifies by scheme', () => {
    expect(classifyUrl('https://a.example/x').kind).toBe('remote');
    expect(classifyUrl('https://a.example/x').host).toBe('a.example');
    expect(classifyUrl('mailto:a@b.c').kind).toBe('mail');
    expect(classifyUrl(' javascript:alert(1)').kind).toBe('inert');
    expect(classifyUrl('vbscript:x').kind).toBe('inert');
    expect(classifyUrl('data:text/html;base64,PGI+').kind).toBe('inert');
    expect(classifyUrl('data:image/svg+xml;base64,PHN2Zy8+').kind).toBe('inert');
    expect(classifyUrl('data:image/png;base64,iVBO').kind).toBe('inline-image');
    expect(classifyUrl('/relative').kind).toBe('inert');
  });

  it('builds inline image URLs only for raster types and base64 text', () => {
    expect(toInlineImageUrl('image/png', 'iVBO')).toBe('data:image/png;base64,iVBO');
    expect(toInlineImageUrl('image/svg+xml', 'PHN2Zy8+')).toBeNull();
    expect(toInlineImageUrl('image/png', 'a" onerror="x')).toBeNull();
  });
});

describe('escapeInvisible', () => {
  it('marks bidi, zero-width and control characters', () => {
    expect(escapeInvisible('a\u202Eb\u200Bc\u0007d')).toBe('a⟨U+202E⟩b⟨U+200B⟩c⟨U+0007⟩d');
    expect(escapeInvisible('tab\tand\nnewline')).toBe('tab\tand\nnewline');
    expect(escapeInvisible('x\uFEFF')).toBe('x⟨U+FEFF⟩');
  });

  it('marks lone surrogates but keeps valid pairs', () => {
    expect(escapeInvisible('\uD83D\uDE00')).toBe('\uD83D\uDE00');
    expect(escapeInvisible('a\uD800b')).toBe('a⟨U+D800⟩b');
  });

  it('only touches bidi controls in the message variant', () => {
    expect(escapeBidiControls('\u200D\u2066x')).toBe('\u200D⟨U+2066⟩x');
    expect(hasInvisible('plain')).toBe(false);
    expect(hasInvisible('a\u200Fb')).toBe(true);
  });
});

describe('formatJsonText', () => {
  it('matches JSON.stringify layout for ordinary JSON', () => {
    const value = { a: [1, 2, { b: 'x,y:{' }], c: {}, d: [], e: null, f: 'q"\\' };
    const result = formatJsonText(JSON.stringify(value));
    expect(result.text).toBe(JSON.stringify(value, null, 2));
    expect(result.valid).toBe(true);
  });

  it('folds 100,000 levels of nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = formatJsonText(deep, 10);
    expect(result.depthTruncated).toBe(true);
    expect(result.valid).toBe(true);
    expect(result.text.length).toBeLessThan(1000);
    expect(result.text).toContain('more levels');
  });

  it('reports invalid text', () => {
    expect(formatJsonText('{"a": 1').valid).toBe(false);
    expect(formatJsonText('{"a": nope}').valid).toBe(false);
    expect(formatJsonText('{"a": "unterminated').valid).toBe(false);
  });
});

describe('stringifyValue', () => {
  it('renders like JSON.stringify for plain data', () => {
    const value = { x: [1, 'two', { y: true }] };
    expect(stringifyValue(value)).toBe(JSON.stringify(value, null, 2));
  });

  it('bounds depth and size', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(stringifyValue(deep, { maxDepth: 5 })).toContain('[ … ]');
    expect(stringifyValue('x'.repeat(1000), { maxChars: 100 })).toContain('(truncated)');
    const bare = Object.create(null) as Record<string, unknown>;
    bare['__proto__'] = 1;
    expect(stringifyValue(bare)).toContain('"__proto__": 1');
  });
});
