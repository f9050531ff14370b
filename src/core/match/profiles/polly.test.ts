import { describe, expect, it } from 'vitest';
import { CHANGES, request } from '../requests.test-support';
import { pollyProfile, pollyUrlParts } from './polly';

const base = request();
const matches = (spec: object, on: readonly string[] = pollyProfile.defaults, options = {}) =>
  pollyProfile.compare(request(spec), base, on, options).every((result) => result.ok);

describe('Polly default matchRequestsBy', () => {
  it('matches an equal request', () => expect(matches({})).toBe(true));
  it.each([
    ['method', false],
    ['host', false],
    ['port', false],
    ['path', false],
    // normalize-request.js sorts the query parameters.
    ['query order', true],
    ['header', false],
    ['body field', false],
    // The body identifier is the serialized text.
    ['JSON key order', false],
  ])('a changed %s: match %s', (change, expected) => expect(matches(CHANGES[change]!)).toBe(expected));

  it('ignores the hash unless url.hash is on, and drops the default port', () => {
    expect(matches({ url: 'https://api.example.com:443/v1/chat?b=2&a=1#x' })).toBe(true);
    expect(
      matches({ url: 'https://api.example.com/v1/chat?b=2&a=1#x' }, [...pollyProfile.defaults, 'url.hash']),
    ).toBe(false);
  });

  it('lower-cases header names and honours headers.exclude', () => {
    expect(matches({ headers: { 'content-type': 'application/json', 'user-agent': 'test/1.0' } })).toBe(true);
    expect(matches(CHANGES.header!, pollyProfile.defaults, { ignoreHeaders: ['User-Agent'] })).toBe(true);
  });

  it('turns url parts on and off', () => {
    expect(pollyUrlParts(['url'])).not.toContain('hash');
    expect(pollyUrlParts(['url', '-url.query'])).not.toContain('query');
    expect(pollyUrlParts(['url.pathname'])).toEqual(['pathname']);
  });
});
