/**
 * The fast YAML path against the slow one (fast-yaml-differential.ts): scalars: literal block scalars and plain scalar typing (YAML 1.2 core schema).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../tests/support/property-runs';
import { CST, Document } from 'yaml';
import type { ScalarTag } from 'yaml';
import { CORE_FIRST_CHARS, literalBlockString } from './fast-yaml-scalars';
import { differential } from './fast-yaml-differential.test-support';
import { typedLooking } from './fast-yaml-arbitraries.test-support';

describe('fast YAML path: literal block scalars', () => {
  /** What yaml's own resolver makes of a block scalar token, or 'error'. */
  function library(header: string, body: string, indent: number): string {
    let failed = false;
    const token: CST.BlockScalar = {
      type: 'block-scalar',
      offset: 0,
      indent,
      props: [{ type: 'block-scalar-header', offset: 0, indent, source: header }],
      source: body,
    };
    const { value } = CST.resolveAsScalar(token, false, () => (failed = true));
    return failed ? 'error' : value;
  }

  it('resolves exactly like CST.resolveAsScalar, or leaves the case to it', () => {
    const RUNS = propertyRuns(3000);
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', 'a', 'b', 'c', ' ', '\t', '#', ':', '\r', '\u2028'),
      minLength: 1,
      maxLength: 6,
    });
    /** [kind, extra indent, text]: mostly well-formed lines relative to a base indentation. */
    const line = fc.oneof(
      { weight: 5, arbitrary: fc.tuple(fc.constant('content'), fc.constantFrom(0, 0, 0, 1, 2, -1), text) },
      {
        weight: 3,
        arbitrary: fc.tuple(fc.constant('blank'), fc.constantFrom(-99, 0, 1, -1, 2), fc.constant('')),
      },
      { weight: 1, arbitrary: fc.tuple(fc.constant('wild'), fc.integer({ min: 0, max: 7 }), text) },
    );
    let shortcut = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('|', '|-', '|+', '|', '|-', '|+', '>', '|2'),
        fc.integer({ min: 1, max: 5 }),
        fc.array(line, { maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        (header, base, lines, finalNewline, indent) => {
          const body =
            lines
              .map(([kind, n, chars]) => ' '.repeat(Math.max(0, kind === 'wild' ? n : base + n)) + chars)
              .join('\n') + (finalNewline ? '\n' : '');
          const mine = literalBlockString(header, body, indent);
          if (mine === null) return;
          shortcut++;
          expect(mine).toBe(library(header, body, indent));
        },
      ),
      { numRuns: RUNS },
    );
    // About a third of the cases are well-formed enough for the fast path to answer.
    expect(shortcut).toBeGreaterThan(RUNS / 10);
  });
});

describe('fast YAML path: plain scalar typing (YAML 1.2 core schema)', () => {
  const coreTags = new Document(null, { schema: 'core' }).schema.tags.filter(
    (tag): tag is ScalarTag => tag.default === true && tag.test instanceof RegExp,
  );

  it('types every value exactly as the slow path does', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          typedLooking.filter((s) => s !== '' && !/^[-#?:&*!|>%@`'"[\]{},]|: | #|^\.\.\.$|^---$|\s$/.test(s)),
          fc.stringMatching(
            /^[-+]?(0|[1-9][0-9]{0,25}|0x[0-9a-fA-F]{1,20}|0o[0-7]{1,12}|[0-9]*\.[0-9]*([eE][-+]?[0-9]{1,3})?)$/,
          ),
          fc.string({
            unit: fc.constantFrom(...'0123456789.+-eExXoO_abfnrtuNTF~'.split('')),
            minLength: 1,
            maxLength: 8,
          }),
        ),
        (plain) => {
          const text = `v: ${plain}\n`;
          differential(text, text);
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('only values starting with one of CORE_FIRST_CHARS can be anything but a string', () => {
    const suffixes = [
      '',
      '1',
      '0',
      'ull',
      'ULL',
      'rue',
      'alse',
      'x1F',
      'o17',
      'inf',
      'nan',
      '.5',
      'e3',
      '5',
      '.',
    ];
    // One expect over the collected matches, not one per case: 12,288 × 15 × the tags made
    // hundreds of thousands of expect() calls, 35 s on a busy machine.
    const typed: string[] = [];
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      if (CORE_FIRST_CHARS.includes(ch)) continue;
      for (const suffix of suffixes)
        for (const tag of coreTags) if (tag.test!.test(ch + suffix)) typed.push(`${tag.tag} ${ch + suffix}`);
    }
    expect(typed).toEqual([]);
    // And the tests really start with those characters (so the list is not too short either).
    for (const sample of [
      '~',
      'null',
      'Null',
      'NULL',
      'true',
      'True',
      'FALSE',
      'false',
      '+1',
      '-1',
      '.5',
      '0x1',
    ])
      expect(
        coreTags.some((tag) => tag.test!.test(sample)),
        sample,
      ).toBe(true);
  });
});
