/**
 * Issue 8 in the core: every hostile fixture goes through load → analyze → inspect report and
 * ends as a report or as the one typed error (CassetteLoadError), with the prototypes untouched
 * afterwards (its time bound is in core.perf.test.ts, `npm run test:perf`). Specific promises (unsafe tag, bombs, aliases, positions) are
 * checked on the fixture that carries them. Fixtures: tests/fixtures/hostile/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedCassette } from '../../src/core/model/analysis';
import {
  ensureHostileFixtures,
  hostilePath,
  HOSTILE_FIXTURES,
  pollutionFound,
  RUBY_TAGS,
  type HostileFixture,
} from './catalog';
import { runCore as run, type CoreOutcome as Outcome } from './run-core';

function allText(outcome: Outcome): string {
  if (outcome.kind === 'load-error') return outcome.error.message;
  return outcome.report.warnings.join('\n');
}

/** What the page can show: each LLM reading, and the raw bodies (the fallback shows raw HTTP). */
function conversationText(analyzed: AnalyzedCassette): string {
  return JSON.stringify(
    analyzed.exchanges.map(({ llm, http }) => [llm, http.request.body?.text, http.response?.body?.text]),
  );
}

const pwnedBefore = existsSync('/tmp/pwned');

describe('hostile fixtures through the core (issue 8)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);

  it.each(HOSTILE_FIXTURES.map((fixture) => [fixture.file, fixture] as [string, HostileFixture]))(
    '%s',
    (_name, fixture) => {
      const bytes = new Uint8Array(readFileSync(hostilePath(fixture)));
      const outcome = run(bytes, fixture.file);
      expect(outcome.kind).toBe(fixture.outcome);
      expect(pollutionFound()).toEqual([]);
      if (fixture.message) expect(allText(outcome)).toMatch(fixture.message);
      if (outcome.kind === 'load-error') {
        expect(outcome.error.failure.message.length).toBeGreaterThan(0);
        if (fixture.position) {
          expect(outcome.error.failure.line).toBeGreaterThan(0);
          expect(outcome.error.failure.column).toBeGreaterThan(0);
        }
      } else {
        expect(outcome.report.interaction_count).toBeGreaterThan(0);
        if (fixture.marker) expect(conversationText(outcome.analyzed)).toContain(fixture.marker);
      }
      // Detection reads the content, not the name (issue 3): the same bytes as "unknown".
      const anonymous = run(bytes, 'unknown');
      expect(anonymous.kind).toBe(outcome.kind);
    },
    120_000,
  );

  it('never constructs the os.system tag, keeps its plain value, and loads the rest', () => {
    const outcome = run(new Uint8Array(readFileSync(hostilePath('unsafe-python-tag.yaml'))), 'x.yaml');
    if (outcome.kind !== 'report') throw new Error('expected a report');
    const [interaction] = outcome.report.interactions;
    expect(interaction?.text).toBe('the rest loaded');
    const evil = outcome.analyzed.cassette.exchanges[0]?.request.headers.find((h) => h.name === 'X-Evil');
    expect(evil?.value).toBe('touch /tmp/pwned');
    expect(existsSync('/tmp/pwned')).toBe(pwnedBefore);
  });

  it('never constructs the Ruby object tags, reports each one, and reads the rest of the Ruby VCR file', () => {
    const outcome = run(new Uint8Array(readFileSync(hostilePath('unsafe-ruby-tag.yml'))), 'x.yml');
    if (outcome.kind !== 'report') throw new Error('expected a report');
    expect(outcome.report.format).toBe('ruby-vcr');
    for (const tag of RUBY_TAGS)
      expect(outcome.report.warnings).toContainEqual(
        expect.stringContaining(`unsafe tag, not constructed: ${tag}`),
      );
    const [interaction] = outcome.report.interactions;
    expect(interaction?.text).toBe('the rest loaded');
    expect(interaction?.status).toBe(200);
    const [exchange] = outcome.analyzed.cassette.exchanges;
    // The tagged mapping is kept as its plain data, shown as JSON, never as a constructed object.
    const evil = exchange?.request.headers.find((h) => h.name === 'X-Evil');
    expect(evil?.value).toBe('{"i":"x"}');
    expect(exchange?.response?.protocol).toBe('HTTP/1.1');
    expect(exchange?.timing.recordedAt).toBe('Wed, 01 Jan 2025 00:00:00 GMT');
    expect(outcome.analyzed.cassette.recorder).toBe('VCR 6.2.0');
  });

  it.each(['proto-pollution.yaml', 'proto-pollution.har'])(
    '%s keeps the hostile keys as data, not as prototypes',
    (file) => {
      const outcome = run(new Uint8Array(readFileSync(hostilePath(file))), file);
      if (outcome.kind !== 'report') throw new Error('expected a report');
      // Nothing is dropped: a header literally named __proto__ is still a header.
      const names = outcome.analyzed.cassette.exchanges[0]?.request.headers.map((h) => h.name);
      expect(names).toContain('__proto__');
      for (const exchange of outcome.analyzed.exchanges) {
        // A parsed object whose prototype was swapped by `__proto__` would inherit `polluted`.
        expect((exchange.llm.request as unknown as Record<string, unknown>).polluted).toBeUndefined();
        expect(
          (exchange.llm.response as unknown as Record<string, unknown> | null)?.polluted,
        ).toBeUndefined();
      }
      expect(pollutionFound()).toEqual([]);
    },
  );

  it('gives up on bombs with a warning and keeps the stored bytes', () => {
    for (const file of ['generated/gzip-bomb.yaml', 'generated/brotli-bomb.yaml']) {
      const outcome = run(new Uint8Array(readFileSync(hostilePath(file))), file);
      if (outcome.kind !== 'report') throw new Error('expected a report');
      const body = outcome.analyzed.cassette.exchanges[0]?.response?.body;
      expect(body?.decoding.join(' → ')).toMatch(/not undone/);
      expect(body?.sizeBytes ?? 0).toBeLessThan(1024 * 1024);
    }
  }, 60_000);

  it('reads all 100,000 SSE events and assembles their text', () => {
    const outcome = run(
      new Uint8Array(readFileSync(hostilePath('generated/sse-100k-events.yaml'))),
      'sse.yaml',
    );
    if (outcome.kind !== 'report') throw new Error('expected a report');
    const [interaction] = outcome.report.interactions;
    expect(interaction?.stream_events).toBe(100_000);
    expect(interaction?.text_length).toBe(99_999);
  }, 60_000);

  // Issue 14: input-sized data never reaches a spread or a recursion.
  it('reads 300,000 broken stream events: the first hundred listed, the rest counted in one finding', () => {
    const outcome = run(
      new Uint8Array(readFileSync(hostilePath('generated/sse-300k-bad-events.yaml'))),
      'bad.yaml',
    );
    if (outcome.kind !== 'report') throw new Error('expected a report');
    const [interaction] = outcome.report.interactions;
    expect(interaction?.stream_events).toBe(300_000);
    const invalid = interaction?.anomaly_details.filter((a) => a.kind === 'invalid-json') ?? [];
    // 59 MB of findings would have crossed to the page in one message; 101 do.
    expect(invalid).toHaveLength(101);
    expect(invalid[99]).toMatchObject({
      event_index: 99,
      message: expect.stringMatching(/^invalid JSON in event 99: /),
    });
    expect(invalid[100]).toMatchObject({
      event_index: 100,
      message: expect.stringMatching(
        /^invalid JSON in 299,900 more events, 100 to 299999 \(past the 100 listed/,
      ),
    });
    // The first thousand events were tried; the rest are not parsed, and say why (the Raw view).
    const events = outcome.analyzed.exchanges[0]?.llm.stream?.events ?? [];
    expect(events[999]?.jsonError).not.toMatch(/not parsed/);
    expect(events[1000]?.jsonError).toMatch(/not parsed: more than 1,000 events of this stream are not JSON/);
  }, 120_000);

  it('keeps JSON nested 100,000 deep as text, in a stream event and in tool arguments', () => {
    const sse = run(new Uint8Array(readFileSync(hostilePath('generated/deep-sse-body.yaml'))), 'deep.yaml');
    if (sse.kind !== 'report') throw new Error('expected a report');
    const [streamed] = sse.report.interactions;
    expect(streamed?.text).toBe('DEEP-SSE-MARKER');
    expect(streamed?.anomalies.join('\n')).toMatch(
      /invalid JSON in event 1: JSON nested deeper than 256 levels/,
    );
    // What the worker posts to the page is cloned with structured clone, which recurses.
    expect(() => structuredClone(sse.analyzed)).not.toThrow();
    const args = run(
      new Uint8Array(readFileSync(hostilePath('generated/deep-tool-arguments.yaml'))),
      'a.yaml',
    );
    if (args.kind !== 'report') throw new Error('expected a report');
    expect(args.report.interactions[0]?.tool_calls).toEqual(['deep']);
    expect(() => structuredClone(args.analyzed)).not.toThrow();
  }, 60_000);

  it('keeps bidi and zero-width characters in the data (the views escape them)', () => {
    const outcome = run(new Uint8Array(readFileSync(hostilePath('bidi-zero-width.yaml'))), 'b.yaml');
    if (outcome.kind !== 'report') throw new Error('expected a report');
    const text = conversationText(outcome.analyzed);
    for (const char of ['\u202e', '\u2066', '\u200b', '\u200d']) expect(text).toContain(char);
  });
});
