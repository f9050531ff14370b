import { describe, expect, it } from 'vitest';
import { CHANGES, request } from '../requests.test-support';
import { pythonQuery, vcrpyProfile } from './vcrpy';

const base = request();
const matches = (spec: object, on: readonly string[] = vcrpyProfile.defaults) =>
  vcrpyProfile.compare(request(spec), base, on, {}).every((result) => result.ok);

describe('vcrpy default match_on (method, scheme, host, port, path, query)', () => {
  it('matches an equal request', () => expect(matches({})).toBe(true));
  it.each([
    ['method', false],
    ['host', false],
    ['port', false],
    ['path', false],
    // sorted(parse_qsl(query)): order does not matter.
    ['query order', true],
    ['header', true],
    ['body field', true],
    ['JSON key order', true],
  ])('a changed %s: match %s', (change, expected) => expect(matches(CHANGES[change]!)).toBe(expected));

  it('fills in the default port and lower-cases the host, as urlparse does', () => {
    expect(matches({ url: 'https://API.example.com:443/v1/chat?b=2&a=1' })).toBe(true);
    expect(matches({ url: 'http://api.example.com/v1/chat?b=2&a=1' })).toBe(false);
  });

  it('drops blank query values, as parse_qsl does', () => {
    expect(pythonQuery('https://h/p?b=2&empty=&a=1&a=0')).toEqual([
      ['a', '0'],
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});

describe('vcrpy body, raw_body and headers', () => {
  it('body parses application/json on both sides, so key order does not matter', () => {
    expect(matches(CHANGES['JSON key order']!, ['body'])).toBe(true);
    expect(matches(CHANGES['body field']!, ['body'])).toBe(false);
  });
  it('raw_body compares bytes', () => {
    expect(matches(CHANGES['JSON key order']!, ['raw_body'])).toBe(false);
    expect(matches({}, ['raw_body'])).toBe(true);
  });
  it('body compares bytes when the requests do not share a transformer', () => {
    const plain = { headers: { 'Content-Type': 'text/plain' }, body: CHANGES['JSON key order']!.body };
    expect(
      vcrpyProfile.compare(
        request(plain),
        request({ headers: { 'Content-Type': 'text/plain' } }),
        ['body'],
        {},
      )[0]!.ok,
    ).toBe(false);
  });
  it('body parses form bodies with parse_qs', () => {
    const form = (body: string) =>
      request({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect(vcrpyProfile.compare(form('a=1&b=2'), form('b=2&a=1'), ['body'], {})[0]!.ok).toBe(true);
  });
  it('headers are a case-insensitive dict', () => {
    expect(
      matches({ headers: { 'content-type': 'application/json', 'user-agent': 'test/1.0' } }, ['headers']),
    ).toBe(true);
    expect(matches(CHANGES.header!, ['headers'])).toBe(false);
  });
});
