import { describe, expect, it } from 'vitest';
import { readYaml } from './yaml-reader';
import { BinaryValue } from './raw-values';

function read(text: string) {
  const result = readYaml(text);
  if (!result.ok) throw new Error(`unexpected syntax error: ${result.error.message}`);
  return result.result;
}

describe('readYaml tags', () => {
  it('decodes !!binary and Ruby !binary as bytes', () => {
    const { root } = read('a: !!binary aGVsbG8=\nb: !binary |-\n  aGVs\n  bG8=\n');
    const { a, b } = root as { a: BinaryValue; b: BinaryValue };
    expect(a).toBeInstanceOf(BinaryValue);
    expect(new TextDecoder().decode(a.bytes)).toBe('hello');
    expect(a.via).toBe('yaml !!binary');
    expect(new TextDecoder().decode(b.bytes)).toBe('hello');
    expect(b.via).toBe('yaml !binary');
  });

  it('reads the Python tags vcrpy accepts as plain data, without warnings', () => {
    const { root, warnings } = read(`s: !!python/str hi
u: !!python/unicode "héllo"
t: !!python/tuple [1, 2]
io: !!python/object/new:_io.BytesIO
  state: !!python/tuple
  - !!binary aGk=
  - 0
  - null
it: !!python/object/apply:builtins.iter
- - !!binary YQ==
  - !!binary Yg==
headers:
  ? !!python/object/new:multidict._multidict.istr
  - Content-Type
  : - application/json
  ? !!python/object/apply:multidict._multidict.istr
  - Accept
  : - '*/*'
`);
    const r = root as Record<string, unknown>;
    expect(r.s).toBe('hi');
    expect(r.u).toBe('héllo');
    expect(r.t).toEqual([1, 2]);
    expect(new TextDecoder().decode((r.io as BinaryValue).bytes)).toBe('hi');
    expect((r.it as BinaryValue[]).map((b) => new TextDecoder().decode(b.bytes))).toEqual(['a', 'b']);
    expect(Object.keys(r.headers as object)).toEqual(['Content-Type', 'Accept']);
    expect(warnings).toEqual([]);
  });

  it('never constructs unsafe tags: plain value kept, warning with line, rest loads', () => {
    const { root, warnings } = read(`ok: 1
evil: !!python/object/apply:os.system ["touch /tmp/pwned"]
rb: !ruby/object:Gem::Installer {a: 1}
after: 2
`);
    const r = root as Record<string, unknown>;
    expect(r.evil).toEqual(['touch /tmp/pwned']);
    expect(r.after).toBe(2);
    expect(warnings.map((w) => w.message)).toEqual([
      'unsafe tag, not constructed: !!python/object/apply:os.system',
      'unsafe tag, not constructed: !ruby/object:Gem::Installer',
    ]);
    expect(warnings[0]!.line).toBe(2);
  });

  it("names the tag's own line for a tagged block collection, not the line of its content", () => {
    const text = [
      'request:',
      '  headers:',
      '    X-Evil: !ruby/object:Gem::Installer',
      '      i: x',
      '    X-Other: &a !ruby/hash-with-ivars # note',
      '      elements: {}',
      '',
    ].join('\n');
    const { warnings } = read(text);
    expect(
      warnings.map((w) => [w.message.replace('unsafe tag, not constructed: ', ''), w.line, w.column]),
    ).toEqual([
      ['!ruby/object:Gem::Installer', 3, 13],
      ['!ruby/hash-with-ivars', 5, 17],
    ]);
  });
});

describe('readYaml safety', () => {
  it('keeps __proto__, constructor and prototype keys as data (no prototype pollution)', () => {
    const { root } = read(
      '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\nprototype: x\n',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const r = root as Record<string, unknown>;
    expect(Object.getPrototypeOf(r)).toBeNull();
    expect(Object.keys(r)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect((r['__proto__'] as Record<string, unknown>).polluted).toBe('yes');
  });

  it('bounds alias expansion (billion laughs) with a warning', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    // Unbounded, this expands to 9^9 strings and never returns (the time bound is in
    // yaml-reader.perf.test.ts).
    const { warnings } = read(levels.join('\n'));
    expect(warnings.some((w) => /alias expansion stopped/.test(w.message))).toBe(true);
  });

  it('cuts very deep nesting with a warning instead of overflowing the stack', () => {
    const depth = 300;
    const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}a:`);
    const { root, warnings } = read(`${lines.join('\n')} 1\n`);
    expect(Object.keys(root as object)).toEqual(['a']);
    expect(warnings.some((w) => /nested deeper/.test(w.message))).toBe(true);
  });

  it('turns nesting too deep for the parser into an error, not a crash', () => {
    const depth = 100_000;
    const result = readYaml(`key: ${'['.repeat(depth)}1${']'.repeat(depth)}`);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        message: expect.stringMatching(/nested too deeply/),
        line: 1,
        column: 134,
      });
    // Brackets inside quoted and block scalars are text, not nesting.
    const quoted = readYaml(`a: '${'['.repeat(1000)}'\nb: |\n  ${'{'.repeat(1000)}\n`);
    expect(quoted.ok).toBe(true);
  });

  it('reports syntax errors with line and column', () => {
    const result = readYaml('version: 2\ninteractions:\n  - request: {url: "unterminated\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.line).toBeGreaterThanOrEqual(3);
      expect(result.error.column).toBeGreaterThan(0);
    }
  });

  it('remembers the line of interaction mappings', () => {
    const { root, lineOf } = read('version: 2\ninteractions:\n- id: 0\n- id: 1\n');
    const items = (root as { interactions: object[] }).interactions;
    expect(items.map((item) => lineOf(item))).toEqual([3, 4]);
  });
});

describe('readYaml documents', () => {
  it('reads the first of several documents with a warning', () => {
    const result = readYaml('a: 1\n---\nb: 2\n');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.result.root).toEqual(Object.assign(Object.create(null), { a: 1 }));
      expect(result.result.warnings.map((w) => w.message)).toEqual([
        'the file holds more than one YAML document; only the first is read',
      ]);
      expect(result.result.warnings[0]!.line).toBe(2);
    }
  });
});

describe('readYaml large scalars', () => {
  it('reads a multi-megabyte double-quoted line exactly', () => {
    const value = 'ab "c" '.repeat(300_000).replace(/"/g, 'x');
    const result = readYaml(`a: "${value}"\nb: "tail \\u00e9"\n`);
    expect(result.ok).toBe(true);
    if (result.ok) {
      const root = result.result.root as Record<string, string>;
      expect(root.a).toBe(value);
      expect(root.b).toBe('tail é');
    }
  });
});
