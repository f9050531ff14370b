import { describe, expect, it } from 'vitest';
import { CHANGES, request } from '../requests.test-support';
import { canonicalGoHeader, goVcrProfile, goVcrV4Profile } from './go-vcr';

const base = request();
const matches = (profile: typeof goVcrProfile, spec: object, options = {}, on = profile.defaults) =>
  profile.compare(request(spec), base, on, options).every((result) => result.ok);

describe('go-vcr v1–v3 DefaultMatcher: method and URL string', () => {
  it('matches an equal request', () => expect(matches(goVcrProfile, {})).toBe(true));
  it.each([
    ['method', false],
    ['host', false],
    ['port', false],
    ['path', false],
    // r.URL.String() != i.URL: the query is part of the string, order included.
    ['query order', false],
    ['header', true],
    ['body field', true],
    ['JSON key order', true],
  ])('a changed %s: match %s', (change, expected) =>
    expect(matches(goVcrProfile, CHANGES[change]!)).toBe(expected),
  );
});

describe('go-vcr v4 NewDefaultMatcher', () => {
  it('matches an equal request', () => expect(matches(goVcrV4Profile, {})).toBe(true));
  it.each([
    ['method', false],
    ['host', false],
    ['port', false],
    ['path', false],
    ['query order', false],
    ['header', false],
    ['body field', false],
    // The body is compared byte for byte (buffer.String() != i.Body).
    ['JSON key order', false],
  ])('a changed %s: match %s', (change, expected) =>
    expect(matches(goVcrV4Profile, CHANGES[change]!)).toBe(expected),
  );

  it('WithIgnoreUserAgent / WithIgnoreHeaders leave those headers out', () => {
    expect(matches(goVcrV4Profile, CHANGES.header!, { ignoreHeaders: ['User-Agent'] })).toBe(true);
  });

  it('compares header names canonically, as http.Header does', () => {
    expect(canonicalGoHeader('content-type')).toBe('Content-Type');
    expect(canonicalGoHeader('x-api-key')).toBe('X-Api-Key');
    expect(
      matches(goVcrV4Profile, { headers: { 'content-type': 'application/json', 'user-agent': 'test/1.0' } }),
    ).toBe(true);
  });

  it('says where the body differs, as a JSON path', () => {
    const body = goVcrV4Profile
      .compare(request(CHANGES['body field']!), base, goVcrV4Profile.defaults, {})
      .find((result) => result.name === 'body');
    expect(body?.difference?.summary).toBe('$.messages[0].content: "hi" ≠ "bye"');
  });

  it('calls a header that differs only by a mask so', () => {
    const recorded = request({
      headers: { 'Content-Type': 'application/json', Authorization: '**REDACTED**' },
    });
    const incoming = request({
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk-live-abcdefghijkl' },
    });
    const headers = goVcrV4Profile.compare(incoming, recorded, ['headers'], {})[0]!;
    expect(headers.ok).toBe(false);
    expect(headers.difference).toMatchObject({ maskedOnly: true, headers: ['Authorization'] });
    expect(headers.difference?.summary).toContain('only masking');
    expect(headers.difference?.summary).not.toContain('abcdefghijkl');
  });

  it('does not compare the protocol when a side does not record it', () => {
    const proto = goVcrV4Profile.compare(request({ protocol: null }), base, ['proto'], {})[0]!;
    expect(proto).toMatchObject({ ok: true, skipped: expect.stringContaining('not compared') as string });
    expect(goVcrV4Profile.compare(request({ protocol: 'HTTP/2.0' }), base, ['proto'], {})[0]!.ok).toBe(false);
  });
});
