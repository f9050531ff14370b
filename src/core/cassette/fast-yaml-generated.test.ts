/**
 * The fast YAML path against the slow one (fast-yaml-differential.ts): generated documents (property tests).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../tests/support/property-runs';
import { differential } from './fast-yaml-differential.test-support';
import {
  edit,
  STRUCTURE_EDITS,
  framing,
  jsonLike,
  mutate,
  render,
  stringifyOptions,
} from './fast-yaml-arbitraries.test-support';
describe('fast YAML path: generated documents', () => {
  it('matches the slow path on stringify output under many options', () => {
    let fast = 0;
    let total = 0;
    fc.assert(
      fc.property(jsonLike, stringifyOptions, framing, (value, options, frame) => {
        const text = render(value, options, frame);
        if (text === null) return;
        total++;
        if (differential(text, JSON.stringify(text)) === 'fast') fast++;
      }),
      { numRuns: propertyRuns(2000) },
    );
    // The property must not pass by declining everything.
    expect(fast / total).toBeGreaterThan(0.4);
  });

  it('matches the slow path on mutated documents', () => {
    const mutation = edit([
      ...STRUCTURE_EDITS,
      '\t',
      '?',
      '!',
      '&a ',
      '*a',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '|',
      '>',
      '|2',
      '---\n',
      '...\n',
      'k: v\n',
      '\r',
    ]);
    let fast = 0;
    const runs = propertyRuns(2000);
    fc.assert(
      fc.property(
        jsonLike,
        stringifyOptions,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (value, options, mutations) => {
          let text = render(value, options, { head: '', tail: '', crlf: false });
          if (text === null) return;
          for (const m of mutations) text = mutate(text, m);
          if (differential(text, JSON.stringify(text)) === 'fast') fast++;
        },
      ),
      { numRuns: runs },
    );
    // The fast path still answers some mutated documents (about one in ten; one in twenty at least).
    expect(fast).toBeGreaterThan(runs / 20);
  });
});
