/**
 * The line reader (fast-yaml-lines.ts) against the safe reader, on generated cassette-shaped
 * documents: block mappings and sequences at any indentation, plain values that look typed, quoted
 * values with escapes, literal and folded block scalars with every chomping and blank or
 * more-indented lines around them. Then the same documents mutated line by line. Whenever the line
 * reader answers, its answer must be the slow path's (differential), and it must answer most of the
 * unmutated documents, or the property would pass by declining.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../tests/support/property-runs';
import { differential, ROOT, tierAnswers } from './fast-yaml-differential.test-support';
import { edit, mutate, STRUCTURE_EDITS } from './fast-yaml-arbitraries.test-support';
import { readYamlLines } from './fast-yaml-lines';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const key = fc.constantFrom('id', 'body', 'url', 'Content-Type', 'x_y.z', 'a/b', '200', 'true', 'null', 'k-');
const plain = fc.constantFrom(
  'POST',
  'HTTP/1.1',
  '-1',
  '0x1F',
  '0o17',
  '1e3',
  '.inf',
  '-.Inf',
  '.nan',
  '~',
  'null',
  'True',
  'false',
  '2026-01-02T03:04:05Z',
  'https://api.example.com/v1/chat?x=1#frag',
  'a:b',
  'a # b',
  'a: b',
  'ends:',
  'trailing ',
  '-',
  '- x',
  '%x',
  '@x',
  'é ü',
);
const quoted = fc.oneof(
  fc.constantFrom(
    `'it''s'`,
    `''`,
    `'a"b'`,
    `"a\\"b"`,
    `"\\u00e9\\n\\t"`,
    `""`,
    `"a'b"`,
    `'x' `,
    `"x" # c`,
    `"\\`,
  ),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);
const blockLine = fc.constantFrom('data: {"a":1}', '', '  more', 'x', '   ', '# not a comment', 'k: v');
const blockScalar = fc.record({
  header: fc.constantFrom('|', '|-', '|+', '>', '>-', '>+', '|2', '| # c'),
  lines: fc.array(blockLine, { minLength: 0, maxLength: 5 }),
  extra: fc.constantFrom(0, 1, 2, 4),
});

type Collection = { kind: 'map' | 'seq'; items: Array<[string, Node]> };
type Node = Collection | Leaf;
type Leaf =
  | { kind: 'plain' | 'quoted' | 'flow'; text: string }
  | { kind: 'block'; header: string; lines: string[]; extra: number };

const leaf: fc.Arbitrary<Leaf> = fc.oneof(
  plain.map((text) => ({ kind: 'plain' as const, text })),
  quoted.map((text) => ({ kind: 'quoted' as const, text })),
  fc.constantFrom('{}', '[]', '{ }').map((text) => ({ kind: 'flow' as const, text })),
  blockScalar.map((b) => ({ kind: 'block' as const, ...b })),
);
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constantFrom('map' as const, 'seq' as const),
      items: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }),
    }),
  ),
}));

/** Writes a node as block YAML, the way recorders do, with `step` spaces per level. */
const isCollection = (value: Node): value is Collection => value.kind === 'map' || value.kind === 'seq';

function write(value: Node, indent: number, step: number, out: string[], lead: string): void {
  if (isCollection(value)) {
    value.items.forEach(([name, child], k) => {
      const prefix = k === 0 ? lead : ' '.repeat(indent);
      const head = value.kind === 'map' ? `${prefix}${name}:` : `${prefix}-`;
      if (isCollection(child)) {
        if (value.kind === 'seq' && child.kind === 'map') write(child, indent + 2, step, out, `${prefix}- `);
        else {
          out.push(head);
          write(child, indent + step, step, out, ' '.repeat(indent + step));
        }
      } else out.push(...leafLines(head, child, indent + step));
    });
    return;
  }
  out.push(...leafLines(lead.trimEnd(), value, indent + step));
}

function leafLines(head: string, value: Leaf, indent: number): string[] {
  if (value.kind !== 'block') return [`${head} ${value.text}`];
  const pad = ' '.repeat(indent + value.extra);
  return [`${head} ${value.header}`, ...value.lines.map((line) => (line === '' ? '' : pad + line))];
}

const document = fc
  .record({
    root: node,
    step: fc.constantFrom(2, 4),
    indent: fc.constantFrom(0, 2),
    head: fc.constantFrom('', '---\n'),
  })
  .map(({ root, step, indent, head }) => {
    const out: string[] = [];
    const top: Node = isCollection(root) ? root : { kind: 'map', items: [['k', root]] };
    write(top, indent, step, out, ' '.repeat(indent));
    return head + out.join('\n') + '\n';
  });

describe('fast YAML line reader: generated cassette-shaped documents', () => {
  it('answers as the slow path does, and answers most of them', () => {
    const runs = propertyRuns(3000);
    let lines = 0;
    fc.assert(
      fc.property(document, (text) => {
        const before = tierAnswers.lines;
        differential(text, JSON.stringify(text));
        if (tierAnswers.lines > before) lines++;
      }),
      { numRuns: runs },
    );
    expect(lines).toBeGreaterThan(runs / 4);
  });

  it('answers as the slow path does on mutated documents', () => {
    const mutation = edit([...STRUCTURE_EDITS, "'", '"', '|', '>', '{}', '\\', '---\n', '\t', '\r']);
    fc.assert(
      fc.property(document, fc.array(mutation, { minLength: 1, maxLength: 3 }), (text, mutations) => {
        let mutated = text;
        for (const m of mutations) mutated = mutate(mutated, m);
        differential(mutated, JSON.stringify(mutated));
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  it('places the mappings after block scalars whose trailing blank lines are cut or kept', () => {
    for (const header of ['|', '|-', '|+', '>', '>-', '>+']) {
      for (const tail of ['', '\n', '\n\n', '\n   \n', '\n      \n\n']) {
        const text = `a:\n  body: ${header}\n    x\n\n    y\n${tail}  next:\n    k: v\nb:\n  c: 1\n`;
        const before = tierAnswers.lines;
        expect(differential(text, JSON.stringify(text))).toBe('fast');
        expect(tierAnswers.lines, JSON.stringify(text)).toBe(before + 1);
      }
    }
  });

  it('reads `|+` bodies by the same rules whichever way it cuts them', () => {
    // The line reader cuts a `|+` body whose first line has content itself; blank lines indented
    // less than the content (but not zero), leading blank lines and a body of only spaces go on to
    // literalBlockString and yaml's own resolution. Each must read as yaml reads it.
    const bodies = [
      '    data: 1\n\n    data: 2\n\n',
      '    data: 1\n  \n    data: 2\n',
      '    data: 1\n      \n    data: 2\n\n\n',
      '    data: 1\n        more\n    data: 2',
      '\n    data: 1\n',
      '      \n    data: 1\n',
      '    ',
      '    x\n   ',
      '    x\n     ',
    ];
    for (const body of bodies) {
      for (const after of ['', 'next: 1\n']) {
        const text = `body: |+\n${body}${body.endsWith('\n') || after === '' ? '' : '\n'}${after}`;
        const before = tierAnswers.lines;
        // Throws when a tier that answers reads it otherwise than yaml does.
        differential(text, JSON.stringify(text));
        if (body === bodies[0]) expect(tierAnswers.lines, JSON.stringify(text)).toBe(before + 1);
      }
    }
  });

  it('reads every interaction of the founding sample as a split load cuts them', () => {
    const sample = readFileSync(
      join(ROOT, 'tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml'),
      'utf8',
    );
    // Each `  - id: N` item up to the next one (or the root keys after the list).
    const pieces = sample
      .split(/(?=^ {2}- id: )/m)
      .slice(1)
      .map((piece) => piece.replace(/\n\S[\s\S]*$/, '\n'));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(readYamlLines(piece)).not.toBeNull();
      expect(differential(piece, 'sample piece')).toBe('fast');
    }
    expect(readYamlLines(sample)).not.toBeNull();
  });
});
