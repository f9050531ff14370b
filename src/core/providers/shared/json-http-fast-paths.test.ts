import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../../tests/support/property-runs';
import { urlParts } from './http';
import { couldBeJson, parseJson } from './json';

/** What parseJson gave before the precheck: trim, then JSON.parse. */
function parsedTheOldWay(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

describe('couldBeJson', () => {
  it('never turns away text that JSON.parse accepts after trimming', () => {
    const jsonText = fc.jsonValue().map((value) => JSON.stringify(value));
    const padding = fc.constantFrom('', ' ', '\n', '\t\r\n', '\uFEFF', '\u00A0', '\u2028');
    fc.assert(
      fc.property(padding, jsonText, padding, (before, text, after) => {
        const padded = `${before}${text}${after}`;
        expect(couldBeJson(padded)).toBe(true);
        expect(parseJson(padded)).toEqual(parsedTheOldWay(padded));
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('gives parseJson the old answer on any text, streamed bodies included', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('data: {"a":1}\n\n', 'event: ping\ndata: {}\n\n', ': keep-alive\n', '  \n'),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(parseJson(value)).toEqual(parsedTheOldWay(value));
      }),
      { numRuns: propertyRuns(5000) },
    );
    expect(couldBeJson('data: {"choices":[]}\n\n')).toBe(false);
  });
});

describe('urlParts', () => {
  it('answers a repeated URL from its cache with the same parts, and a new URL afresh', () => {
    const first = urlParts('https://API.example.com/v1/chat?x=1');
    expect(urlParts('https://API.example.com/v1/chat?x=1')).toBe(first);
    expect(first).toEqual({ host: 'api.example.com', path: '/v1/chat', query: '?x=1' });
    expect(Object.isFrozen(first)).toBe(true);
    expect(urlParts('not a url/at all?q')).toEqual({ host: '', path: 'not a url/at all', query: '?q' });
    expect(urlParts('https://API.example.com/v1/chat?x=1')).toEqual(first);
  });
});
