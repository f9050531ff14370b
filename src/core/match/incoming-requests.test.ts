import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CassetteLoadError } from '../model/errors';
import { readIncomingText } from './incoming-requests';

const text = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('readIncomingText', () => {
  it('reads a pasted cassette as its requests, in file order', () => {
    const incoming = readIncomingText(
      text('tests/fixtures/match/kimi-k2-second-request-changed.yaml'),
      'pasted',
    );
    expect(incoming).toMatchObject({ kind: 'cassette', format: 'go-vcr-v2', notes: [] });
    expect(incoming.requests.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('tells a curl command and a raw request from a cassette by their text', () => {
    expect(readIncomingText(text('tests/fixtures/match/kimi-k2-first-request.curl'), 'x.yaml').kind).toBe(
      'curl',
    );
    const raw = readIncomingText(text('tests/fixtures/match/kimi-k2-first-request.http'), 'x.yaml');
    expect(raw.kind).toBe('raw-http');
    expect(raw.notes).toEqual(['The request names no scheme; https is assumed.']);
  });

  it('reports text that is none of the three as a cassette load error', () => {
    expect(() => readIncomingText('hello: [unclosed', 'pasted')).toThrow(CassetteLoadError);
  });
});
