/**
 * The fast YAML path against the slow one (fast-yaml-differential.ts): hand-written snippets and mutated cassette shapes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../tests/support/property-runs';
import { readYamlFast } from './fast-yaml';
import { BinaryValue } from './raw-values';
import { FAST_MAX_DEPTH } from './fast-yaml-tree';
import { MAX_DEPTH, readYaml } from './yaml-reader';
import { differential, expectSameResult, ROOT } from './fast-yaml-differential.test-support';
import { edit, mutate, STRUCTURE_EDITS, trickyChar } from './fast-yaml-arbitraries.test-support';
const SNIPPETS: Record<string, string> = {
  'keys with colons and hashes':
    'url: http://x/a#b\n"a: b": 1\n\'c #d\': 2\nk: v # comment\nh: "#not a comment"\n',
  'trailing spaces': "a: 1   \nb:   two  \t\nc: 'q'  \n- x\n",
  'trailing spaces only': "a: 1   \nb:   two  \nc: 'q'  \n",
  'CRLF line ends': 'a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\nc: |\r\n  l1\r\n  l2\r\n',
  'empty document': '',
  'only comments': '# one\n\n# two\n',
  'lone ---': '---\n',
  'lone --- without newline': '---',
  '--- then ...': '---\n...\n',
  'document end then comment': 'a: 1\n...\n# trailing\n',
  'two documents': 'a: 1\n---\nb: 2\n',
  'block scalars with more-indented and blank lines':
    'a: |\n  x\n    more\n\n  y\n\n\nb: >\n  f1\n  f2\n\n    indented\n  f3\nc: |-\n  s\n\n',
  '|+ at end of file': 'a: 1\nb: |+\n  x\n\n\n',
  '|+ at end of file without newline': 'b: |+\n  x\n  y',
  'explicit indentation indicators':
    'a: |2\n    two more\n  base\nb: >1-\n  x\n  y\nseq:\n- |1\n  z\n- |+2\n    w\n',
  'indentation indicator too small': 'a: |1\n  x\n y\n',
  'leading blank more-indented line': 'a: |\n    \n  x\n',
  'trailing more-indented blank line': 'a: |\n  x\n    \nb: 2\n',
  'block scalar at column 0': 'a: |\nx\n',
  'sequences under keys, indented or not':
    'a:\n- 1\n- 2\nb:\n  - 3\n  -   4\nc:\n    - k: v\n      l: w\n    - - nested\n      - seq\nd: end\n',
  'four-space indentation':
    "version: 2\ninteractions:\n    - id: 0\n      request:\n          body: 'x'\n          headers:\n              A:\n                  - b\n",
  'empty values': 'a:\nb: ~\nc: null\nd: ""\ne:\n  -\n  - \n  -\nf:\n',
  'flow collections':
    'a: []\nb: {}\nc: [x, "y", \'z\', 1, null]\nd: {k: 1, "q": [a, {b: c}]}\ne: {"json":true,"n":[1,2.5]}\nf: [\n  multi, # c\n  line\n  ]\n',
  'flow end at the key indentation': 'f: [\n  multi,\n  line\n]\n',
  'comment lines in flow collections': '{\n"a": 1\n# c\n}\n',
  'indented comment lines in flow collections': '{\n"a": [1,\n  # c\n  2]\n  # d\n}\n',
  'root flow collection': '{\n"a": [1, 2],\n  "b": {"c": null}\n}\n',
  'flow edge cases': 'a: [a, ]\n',
  'flow pair in sequence': 'a: [k: v]\n',
  'flow key without value': 'a: {k, j: 1}\n',
  'flow after dash': '- [1, 2]\n- {a: b}\n- []\n',
  'flow less indented': 'a:\n  b: [1,\n2]\n',
  'duplicate keys': 'a: 1\nb: 2\na: 3\nc:\n  x: 1\nc: 4\n',
  'prototype keys': '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nprototype: x\n',
  'typed keys': '1: a\n0x10: b\n~: c\nnull: d\ntrue: e\n1.50: f\n.inf: g\n',
  'core schema values':
    'a: [null, ~, true, False, yes, 0, -0, +1, 0012, 0o17, 0x1F, 1_000, .5, 1e3, -.inf, .NaN, 12345678901234567890, 1.50, 0.]\n',
  'multi-line plain and quoted': 'a: one\n  two\n\n  three\nb: "x\n  y \\\n  z\\t"\nc: \'p\n\n  q\'\n',
  'double-quoted escapes':
    'a: "\\u00e9\\x41\\U0001F600\\n\\"\\\\\\/\\0\\a\\b\\e\\f\\r\\t\\v\\N\\_\\L\\P\\ "\nb: "bad \\q"\n',
  'tabs in indentation': 'a:\n\tb: 1\n',
  'tab after value': 'a: b\t# c\n',
  'binary tags':
    'a: !!binary aGVsbG8=\nb: !binary |-\n  aGVs\n  bG8=\nc: !binary "not base64!"\nd: !!binary aGk\ne: !!binary "-_8="\n',
  'other tags': 'a: !!str 1\nb: !!python/str x\n',
  'anchors and aliases': 'a: &x 1\nb: *x\n',
  'explicit keys': '? a\n: 1\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'byte order mark': '\ufeffa: 1\n',
  'root scalar': 'just text\n',
  'root sequence': '- a\n- b: c\n  d: e\n',
  'root indented': '  a: 1\n  b:\n    - c\n',
  'key too long': `${'k'.repeat(1100)}: v\n`,
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'compact nested map': 'a: b: c\n',
  'seq on key line': 'a: - b\n',
  'value on next line': 'a:\n  text\n',
  'comment lines at odd indents': 'a:\n# c0\n      # c6\n  b: 1\n # c1\n  c: 2\n',
  'comment between key and nested map': 'a: # c\n  b: 1\n',
  'lone carriage return': 'a: b\rc\nd: 1\n',
  'reserved indicators': 'a: @x\nb: `y\n',
  'unterminated quote': 'a: "x\n',
  'unicode line separators': 'a: "x\u2028y"\nb: |\n  p\u2028q\n  r\u0085s\n',
  'empty block scalars': 'a: |\nb: >-\nc: |+\n\nd: 1\ne: |',
  'comment line after a block scalar': 'a: |\n  x\n# c\nb: >\n  y\n  # not a comment\n #c\nc: 1\n',
  'block scalar header comment': 'a: | # c\n  x\nb: >+ #d\n  y\n',
  'go-vcr v2 shape': `---
version: 2
interactions:
    - id: 0
      request:
        proto: HTTP/1.1
        content_length: 0
        transfer_encoding: []
        trailer: {}
        host: api.openai.com
        remote_addr: ""
        body: '{"a":"it''s"}'
        form: {}
        headers:
            Content-Type:
                - application/json
        url: https://api.openai.com/v1/chat/completions
        method: POST
      response:
        proto: HTTP/2.0
        content_length: -1
        uncompressed: false
        body: |+
            data: {"x":1}

            data: [DONE]

        headers: {}
        status: 200 OK
        code: 200
        duration: 2.086618375s
`,
  'vcrpy shape': `interactions:
- request:
    body: null
    headers:
      Content-Type:
      - application/json
    method: POST
    uri: https://api.openai.com/v1/chat/completions
  response:
    body:
      string: "{\\n  \\"id\\": \\"x\\"\\n}"
    headers: {}
    status:
      code: 200
      message: OK
version: 1
`,
};

describe('fast YAML path: hand-written snippets', () => {
  const snippets = SNIPPETS;

  it.each(Object.keys(snippets))('%s', (name) => {
    differential(snippets[name]!, name);
  });

  it('takes the fast path for the shapes it is meant for', () => {
    const expectFast = [
      'keys with colons and hashes',
      'trailing spaces only',
      'CRLF line ends',
      'empty document',
      'only comments',
      'lone ---',
      '--- then ...',
      'document end then comment',
      'block scalars with more-indented and blank lines',
      '|+ at end of file',
      '|+ at end of file without newline',
      'explicit indentation indicators',
      'sequences under keys, indented or not',
      'four-space indentation',
      'empty values',
      'flow collections',
      'flow after dash',
      'root flow collection',
      'indented comment lines in flow collections',
      'duplicate keys',
      'prototype keys',
      'typed keys',
      'core schema values',
      'multi-line plain and quoted',
      'root sequence',
      'root indented',
      'comment lines at odd indents',
      'comment between key and nested map',
      'comment line after a block scalar',
      'go-vcr v2 shape',
      'vcrpy shape',
    ];
    const declined = expectFast.filter((name) => readYamlFast(snippets[name]!) === null);
    expect(declined).toEqual([]);
    // And these must go to the slow path (errors, warnings or features it does not handle).
    const expectSlow = [
      'two documents',
      'tabs in indentation',
      'anchors and aliases',
      'explicit keys',
      'directive',
      'byte order mark',
      'key too long',
      'bad indentation',
      'compact nested map',
      'seq on key line',
      'unterminated quote',
      'other tags',
    ];
    expect(expectSlow.filter((name) => readYamlFast(snippets[name]!) !== null)).toEqual([]);
  });

  it('types plain scalars like the slow path (core schema) and lets the last duplicate key win', () => {
    const values = (readYamlFast(snippets['core schema values']!)!.root as { a: unknown[] }).a;
    expect(values).toEqual([
      ...[null, null, true, false, 'yes', 0, -0, 1, 12, 15, 31, '1_000', 0.5, 1000, -Infinity, NaN],
      ...[Number('12345678901234567890'), 1.5, 0],
    ]);
    expect(Object.is(values[6], -0)).toBe(true);
    const dup = readYamlFast(snippets['duplicate keys']!)!.root as Record<string, unknown>;
    expect(Object.entries(dup)).toEqual([
      ['a', 3],
      ['b', 2],
      ['c', 4],
    ]);
  });

  it('is what readYaml answers with when it can, and readYaml falls back when it cannot', () => {
    const text = snippets['go-vcr v2 shape']!;
    const read = readYaml(text);
    expect(read.ok).toBe(true);
    if (read.ok) expectSameResult(read.result, readYamlFast(text)!, 'readYaml');
    const slowOnly = readYaml(snippets['two documents']!);
    expect(slowOnly.ok && slowOnly.result.warnings.map((w) => w.message)).toEqual([
      'the file holds more than one YAML document; only the first is read',
    ]);
    expect(readYaml(snippets['unterminated quote']!).ok).toBe(false);
  });

  it('keeps mappings prototype-less and __proto__ as data', () => {
    const fast = readYamlFast(snippets['prototype keys']!)!;
    const root = fast.root as Record<string, unknown>;
    expect(Object.getPrototypeOf(root)).toBeNull();
    expect(Object.keys(root)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads !binary like the slow path, warning included', () => {
    const text = 'a: !binary |-\n  aGVs\n  bG8=\nb: !binary "not base64!"\nc: !!binary aGVsbG8=\n';
    const fast = readYamlFast(text)!;
    expect(fast).not.toBeNull();
    const root = fast.root as Record<string, unknown>;
    expect(root.a).toEqual(new BinaryValue(new TextEncoder().encode('hello'), 'yaml !binary'));
    expect(root.b).toBe('not base64!');
    expect(root.c).toEqual(new BinaryValue(new TextEncoder().encode('hello'), 'yaml !!binary'));
    expect(fast.warnings).toMatchObject([{ line: 4, column: 12 }]);
    differential(text, 'binary');
  });

  it('leaves the depth cut and its warning to the slow path', () => {
    expect(FAST_MAX_DEPTH).toBe(MAX_DEPTH);
    const deep = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    expect(readYamlFast(deep(200))).not.toBeNull();
    differential(deep(200), 'deep 200');
    expect(readYamlFast(deep(300))).toBeNull();
    const read = readYaml(deep(300));
    expect(read.ok && read.result.warnings.some((w) => /nested deeper/.test(w.message))).toBe(true);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: trickyChar, maxLength: 80 }), (text) => {
        expect(() => readYamlFast(text)).not.toThrow();
        differential(text, JSON.stringify(text));
      }),
      { numRuns: propertyRuns(1000) },
    );
  });
});

describe('fast YAML path: mutated cassette shapes', () => {
  it('matches the slow path after random edits of real shapes', () => {
    const seed = readFileSync(
      join(ROOT, 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml'),
      'utf8',
    );
    const shapes = [
      seed.split('\n').slice(0, 40).join('\n') + '\n',
      ...Object.values(SNIPPETS).filter((text) => readYamlFast(text) !== null),
    ];
    const anEdit = edit([
      ...STRUCTURE_EDITS,
      '"',
      "'",
      '|',
      '|-',
      '>',
      '|2',
      '[',
      '{}',
      ',',
      'k: v\n',
      '\r\n',
      '...\n',
      '\t',
      '!!binary ',
      '!binary ',
      '&a ',
      '? ',
      '\n# c\n',
      '\n  # c\n',
      '\\',
    ]);
    fc.assert(
      fc.property(
        fc.constantFrom(...shapes),
        fc.array(anEdit, { minLength: 1, maxLength: 3 }),
        (shape, edits) => {
          let text = shape;
          for (const e of edits) text = mutate(text, e);
          differential(text, JSON.stringify(text));
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });
});
