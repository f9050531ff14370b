/**
 * fast-check arbitraries for the fast YAML path's property tests: tricky strings and keys,
 * JSON-like trees, yaml `stringify` options and framing (fast-yaml-generated.test.ts).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { ToStringOptions } from 'yaml';

/** Strings that stress quoting, folding, block scalars and core-schema typing. */
export const trickyChar = fc.constantFrom(
  ...'abcxyzABC019 _-.:#?!&*|>%@`\'"\\{}[],~=+/'.split(''),
  '\n',
  '\n',
  '\t',
  '\r',
  '\r\n',
  'é',
  '€',
  '😀',
  '\u0085',
  '\u2028',
  '\ufeff',
  '\u0000',
);
export const typedLooking = fc.constantFrom(
  'null',
  'Null',
  'NULL',
  '~',
  '',
  'true',
  'False',
  'TRUE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  '0',
  '-0',
  '+1',
  '007',
  '0012',
  '0o17',
  '0o8',
  '0x1F',
  '0X1F',
  '0b101',
  '1_000',
  '12345678901234567890',
  '1.0',
  '.5',
  '-.5',
  '1.',
  '1e3',
  '1E-3',
  '+.5e+3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'nan',
  'inf',
  '2001-12-14',
  '12:30:45',
  '1:20',
  '0.1.2',
  '- a',
  'a: b',
  '# c',
  'key:',
  '---',
  '...',
  '<<',
  '=',
);
export const trickyString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: trickyChar, maxLength: 24 }) },
  { weight: 2, arbitrary: typedLooking },
  {
    weight: 2,
    // Leading spaces, trailing line breaks and blank lines: what forces `|2+`, `>-` and friends.
    arbitrary: fc
      .tuple(
        fc.constantFrom('', ' ', '  ', '\n', '\n\n'),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#', '"'), maxLength: 12 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom('', '\n', '\n\n', ' ', '  \n', '\n \n'),
      )
      .map(([head, lines, tail]) => head + lines.join('\n') + tail),
  },
);
export const key = fc.oneof(
  trickyString,
  fc.constantFrom('__proto__', 'constructor', 'toString', 'id', 'body'),
);

export const { root: jsonLike } = fc.letrec<{
  value: unknown;
  seq: unknown[];
  map: Map<string, unknown>;
  root: unknown;
}>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    trickyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    tie('seq'),
    tie('map'),
  ),
  seq: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((entries) => new Map(entries)),
  // Cassettes are mappings (old vcrpy ones sequences); a root scalar is left to the slow path.
  root: fc.oneof({ weight: 4, arbitrary: tie('map') }, tie('seq'), tie('value')),
}));

export const stringifyOptions: fc.Arbitrary<ToStringOptions> = fc.record(
  {
    indent: fc.constantFrom(2, 4, 3),
    indentSeq: fc.boolean(),
    defaultStringType: fc.constantFrom(
      'PLAIN',
      'QUOTE_DOUBLE',
      'QUOTE_SINGLE',
      'BLOCK_LITERAL',
      'BLOCK_FOLDED',
    ),
    defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
    blockQuote: fc.constantFrom(true, false, 'literal', 'folded'),
    lineWidth: fc.constantFrom(0, 12, 20, 40, 80),
    minContentWidth: fc.constantFrom(0, 5, 20),
    doubleQuotedAsJSON: fc.boolean(),
    doubleQuotedMinMultiLineLength: fc.constantFrom(0, 10, 40),
    flowCollectionPadding: fc.boolean(),
    collectionStyle: fc.constantFrom('any', 'any', 'block', 'flow'),
    nullStr: fc.constantFrom('null', '~', ''),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<ToStringOptions>;

/** Ways the same document is framed in real files. */
export const framing = fc.record({
  head: fc.constantFrom('', '', '', '---\n', '--- # c\n', '# comment\n\n', '%YAML 1.2\n---\n'),
  tail: fc.constantFrom('', '', '...\n', '\n\n', '# end\n', '...'),
  crlf: fc.boolean(),
});

export function render(
  value: unknown,
  options: ToStringOptions,
  frame: { head: string; tail: string; crlf: boolean },
) {
  let text: string;
  try {
    text = stringify(value, options);
  } catch {
    return null;
  }
  text = frame.head + text + frame.tail;
  return frame.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Texts every mutation property inserts: indentation, entries, keys, comments, line breaks. */
export const STRUCTURE_EDITS = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', '\n'] as const;

/** One edit at a random place: delete, insert one of `texts`, duplicate, indent or dedent a line. */
export function edit(texts: readonly string[]) {
  return fc.record({
    at: fc.nat(),
    op: fc.constantFrom('delete', 'insert', 'dupline', 'indent', 'dedent'),
    text: fc.constantFrom(...texts),
  });
}

/** Applies one edit to a document (the mutated-document properties). */
export function mutate(text: string, m: { at: number; op: string; text: string }): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd === -1) lineEnd = text.length;
  switch (m.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'dupline':
      return text.slice(0, lineEnd) + '\n' + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
    case 'indent':
      return text.slice(0, lineStart) + ' ' + text.slice(lineStart);
    default:
      return text[lineStart] === ' ' ? text.slice(0, lineStart) + text.slice(lineStart + 1) : text;
  }
}
