import { describe, expect, it } from 'vitest';
import { CHANGES, request } from '../requests.test-support';
import { rubyVcrProfile } from './ruby-vcr';

const base = request();
const matches = (spec: object, on: readonly string[] = rubyVcrProfile.defaults) =>
  rubyVcrProfile.compare(request(spec), base, on, {}).every((result) => result.ok);

describe('Ruby VCR default match_requests_on (method, uri)', () => {
  it('matches an equal request', () => expect(matches({})).toBe(true));
  it.each([
    ['method', false],
    ['host', false],
    ['port', false],
    ['path', false],
    // parsed_uri == parsed_uri: the query string is one component, order included.
    ['query order', false],
    ['header', true],
    ['body field', true],
    ['JSON key order', true],
  ])('a changed %s: match %s', (change, expected) => expect(matches(CHANGES[change]!)).toBe(expected));

  it('URI#== normalizes scheme, host case and the default port', () => {
    expect(matches({ url: 'HTTPS://API.EXAMPLE.COM:443/v1/chat?b=2&a=1' })).toBe(true);
  });
});

describe('Ruby VCR optional matchers', () => {
  it(':query ignores parameter order; :host and :path look at one part', () => {
    expect(matches(CHANGES['query order']!, ['method', 'query'])).toBe(true);
    expect(matches(CHANGES.path!, ['method', 'host'])).toBe(true);
    expect(matches(CHANGES.host!, ['method', 'path'])).toBe(true);
    expect(matches(CHANGES.host!, ['host'])).toBe(false);
  });
  it(':body is string equality; :body_as_json parses', () => {
    expect(matches(CHANGES['JSON key order']!, ['body'])).toBe(false);
    expect(matches(CHANGES['JSON key order']!, ['body_as_json'])).toBe(true);
    expect(matches(CHANGES['body field']!, ['body_as_json'])).toBe(false);
  });
  it(':headers compares names as recorded, so case matters', () => {
    expect(matches(CHANGES.header!, ['headers'])).toBe(false);
    expect(
      matches({ headers: { 'content-type': 'application/json', 'user-agent': 'test/1.0' } }, ['headers']),
    ).toBe(false);
  });
});
