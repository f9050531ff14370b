import { describe, expect, it } from 'vitest';
import { mediaFromUrl } from './content';
import { readProviderError } from './exchange';
import { header, hostIs, queryParam, urlParts } from './http';
import { field, omitParams, parseArguments, path, readJson } from './json';
import { firstNumber, toNumber } from './numbers';
import { addUsage, buildUsage, mergeUsage } from './usage';

const body = (text: string | null, structured?: unknown) => ({
  text,
  bytes: null,
  mimeType: 'application/json',
  sizeBytes: 0,
  decoding: [],
  structured,
});

describe('json helpers', () => {
  it('reads JSON bodies without throwing, preferring structured bodies', () => {
    expect(readJson(body('{"a":1}'))).toEqual({ a: 1 });
    expect(readJson(body('not json'))).toBeUndefined();
    expect(readJson(body(null, { b: 2 }))).toEqual({ b: 2 });
    expect(readJson(null)).toBeUndefined();
  });

  it('parses tool arguments, reporting why they are not JSON', () => {
    expect(parseArguments('{"a":2}')).toEqual({ arguments: { a: 2 } });
    expect(parseArguments('  ')).toEqual({ arguments: {} });
    expect(parseArguments('{"a":')).toHaveProperty('argumentsError');
  });

  it('reads only own keys and builds prototype-free records', () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true},"a":{"b":1}}') as unknown;
    expect(field(parsed, 'constructor')).toBeUndefined();
    expect(path(parsed, 'a', 'b')).toBe(1);
    const params = omitParams(parsed, ['a']);
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('http helpers', () => {
  it('looks headers up case-insensitively and splits odd URLs', () => {
    expect(header([{ name: 'Content-Type', value: 'text/plain' }], 'content-type')).toBe('text/plain');
    expect(urlParts('https://API.groq.com/openai/v1/chat/completions?x=1')).toEqual({
      host: 'api.groq.com',
      path: '/openai/v1/chat/completions',
      query: '?x=1',
    });
    expect(urlParts('<GPUSTACK_API_BASE>/chat/completions').path).toBe(
      '<GPUSTACK_API_BASE>/chat/completions',
    );
    expect(queryParam('https://x.test/a?alt=sse', 'alt')).toBe('sse');
    expect(hostIs('api.groq.com', 'groq.com')).toBe(true);
    expect(hostIs('notgroq.com', 'groq.com')).toBe(false);
  });
});

describe('numbers and usage', () => {
  it('coerces numbers and strings, never NaN', () => {
    expect(toNumber('12')).toBe(12);
    expect(toNumber('x')).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
    expect(firstNumber(undefined, '3', 4)).toBe(3);
  });

  it('builds, adds and merges usage', () => {
    expect(buildUsage({}, {})).toBeNull();
    const a = buildUsage({ input: 10, output: '5', costUsd: 0.5 }, null)!;
    const b = buildUsage({ input: 1, cacheRead: 2 }, null)!;
    expect(addUsage(a, b)).toMatchObject({
      inputTokens: 11,
      outputTokens: 5,
      cacheReadTokens: 2,
      costUsd: 0.5,
    });
    expect(mergeUsage(a, buildUsage({ output: 9 }, null))).toMatchObject({
      inputTokens: 10,
      outputTokens: 9,
    });
  });
});

describe('provider errors and media', () => {
  it('reads the common error shapes', () => {
    expect(readProviderError({ error: { message: 'm', type: 't', code: 'c' } }, 3)).toEqual({
      message: 'm',
      type: 't',
      code: 'c',
      eventIndex: 3,
    });
    expect(
      readProviderError({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })
        ?.message,
    ).toBe('Overloaded');
    expect(readProviderError({ __type: 'ValidationException', message: 'bad model' })?.message).toBe(
      'bad model',
    );
    expect(readProviderError({ choices: [] })).toBeNull();
  });

  it('turns data URLs into inline media and keeps remote URLs', () => {
    expect(mediaFromUrl('data:image/png;base64,AAAA')).toEqual({
      kind: 'inline',
      mimeType: 'image/png',
      base64: 'AAAA',
    });
    expect(mediaFromUrl('data:text/plain,h%C3%A9')).toEqual({
      kind: 'inline',
      mimeType: 'text/plain',
      base64: 'aMOp',
    });
    expect(mediaFromUrl('https://x.test/a.png')).toEqual({ kind: 'url', url: 'https://x.test/a.png' });
  });
});
