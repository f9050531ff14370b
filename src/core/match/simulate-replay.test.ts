import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCassette } from '../cassette';
import { readIncomingBytes } from './incoming-requests';
import { PROFILES } from './profiles';
import { CHANGES, request } from './requests.test-support';
import { MatchOptionError, simulateReplay } from './simulate-replay';

const read = (path: string) => new Uint8Array(readFileSync(new URL(path, import.meta.url)));
const SAMPLE = '../../../public/samples/multi_tool_streaming_kimi-k2_together.yaml';
const CHANGED = '../../../tests/fixtures/match/kimi-k2-second-request-changed.yaml';
const sampleRequests = () =>
  loadCassette(read(SAMPLE), 'sample.yaml').exchanges.map((exchange) => exchange.request);

describe('replay rules for interactions already played', () => {
  const recorded = [request(), request({ body: '{"other":true}' })];
  const twice = [request(), request()];

  it('vcrpy and go-vcr play each interaction once, then take the next match', () => {
    for (const profile of ['vcrpy', 'go-vcr']) {
      const report = simulateReplay(recorded, twice, profile);
      expect(report.verdicts.map((verdict) => verdict.interaction)).toEqual([0, 1]);
    }
  });

  it('a request whose only match was played gets nothing, and the note says why', () => {
    const report = simulateReplay([request()], twice, 'vcrpy');
    expect(report.verdicts[1]).toMatchObject({ interaction: null });
    expect(report.verdicts[1]!.notes[0]).toMatch(
      /interaction 1 matches but was played already.*allow_playback_repeats/,
    );
    expect(report.verdicts[1]!.nearest[0]).toMatchObject({ interaction: 0, alreadyUsed: true });
    expect(report.allReplay).toBe(false);
    expect(simulateReplay([request()], twice, 'vcrpy', { allowRepeats: true }).allReplay).toBe(true);
    expect(simulateReplay([request()], twice, 'go-vcr', { allowRepeats: true }).allReplay).toBe(true);
  });

  it('Ruby VCR with allow_playback_repeats replays the most recently used match', () => {
    const three = [request(), request(), request()];
    const report = simulateReplay(recorded, three, 'ruby-vcr', { allowRepeats: true });
    expect(report.verdicts.map((verdict) => verdict.interaction)).toEqual([0, 1, 1]);
    expect(simulateReplay(recorded, three, 'ruby-vcr').verdicts[2]!.interaction).toBeNull();
  });

  it('Polly gives the n-th identical request the entry of order n; without order, always the first', () => {
    const pair = [request(), request()];
    expect(simulateReplay(pair, pair, 'polly').verdicts.map((verdict) => verdict.interaction)).toEqual([
      0, 1,
    ]);
    const one = simulateReplay([request()], pair, 'polly');
    expect(one.verdicts[1]!.interaction).toBeNull();
    expect(one.verdicts[1]!.notes[0]).toMatch(/matchRequestsBy.order/);
    const noOrder = simulateReplay([request()], pair, 'polly', { on: ['method', 'headers', 'body', 'url'] });
    expect(noOrder.verdicts.map((verdict) => verdict.interaction)).toEqual([0, 0]);
  });

  it('names the nearest recorded interactions, most matchers passed first', () => {
    const report = simulateReplay(recorded, [request(CHANGES['body field']!)], 'go-vcr-v4');
    expect(report.verdicts[0]!.nearest[0]!.interaction).toBe(0);
    const failed = report.verdicts[0]!.nearest[0]!.matchers.filter((result) => !result.ok);
    expect(failed.map((result) => result.name)).toEqual(['body']);
  });

  it('rejects matcher names the profile does not know, listing the ones it does', () => {
    expect(() => simulateReplay(recorded, twice, 'vcrpy', { on: ['method', 'json_body'] })).toThrow(
      MatchOptionError,
    );
    expect(() => simulateReplay(recorded, twice, 'vcrpy', { on: ['json_body'] })).toThrow(
      /knows method, uri/,
    );
    expect(() => simulateReplay(recorded, twice, 'nope')).toThrow(/no matcher profile/);
  });
});

describe('the sample against a copy whose second request has one changed message', () => {
  const changed = readIncomingBytes(read(CHANGED), 'changed.yaml');

  it('go-vcr v4 finds no match for request 2, nearest interaction 2, first difference in $.messages', () => {
    const report = simulateReplay(sampleRequests(), changed.requests, 'go-vcr-v4');
    expect(report.allReplay).toBe(false);
    expect(report.verdicts[0]!.interaction).toBe(0);
    const miss = report.verdicts[1]!;
    expect(miss.interaction).toBeNull();
    expect(miss.nearest[0]!.interaction).toBe(1);
    const body = miss.nearest[0]!.matchers.find((result) => !result.ok);
    expect(body?.name).toBe('body');
    expect(body?.difference?.jsonPath).toBe('$.messages[1].content');
    expect(body?.difference?.summary).toBe(
      '$.messages[1].content: "Add and multiply the number 2 and 3" ≠ "Add and multiply the number 2 and 5"',
    );
  });

  it('go-vcr v2/v3 (method and URL) replays both', () => {
    const report = simulateReplay(sampleRequests(), changed.requests, 'go-vcr');
    expect(report.verdicts.map((verdict) => verdict.interaction)).toEqual([0, 1]);
    expect(report.allReplay).toBe(true);
  });
});

describe("a pasted request for the sample's first call matches interaction 1 under every profile", () => {
  for (const fixture of ['kimi-k2-first-request.curl', 'kimi-k2-first-request.http'])
    for (const profile of PROFILES)
      it(`${fixture} under ${profile.id}`, () => {
        const incoming = readIncomingBytes(read(`../../../tests/fixtures/match/${fixture}`), fixture);
        expect(incoming.kind).toBe(fixture.endsWith('.curl') ? 'curl' : 'raw-http');
        const report = simulateReplay(sampleRequests(), incoming.requests, profile.id);
        expect(report.verdicts[0]!.interaction).toBe(0);
      });
});
