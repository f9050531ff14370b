/**
 * Issue 8 in the core: every hostile fixture goes through load → analyze → inspect report and
 * ends as a report or as the one typed error (CassetteLoadError), with the prototypes untouched
 * afterwards (core-checks.ts). Specific promises (unsafe tag, bombs, aliases, positions) are
 * checked on the fixture that carries them. No clock here: the time bounds, and the generated
 * files that only a time bound needs whole, are in core.perf.test.ts (`npm run test:perf`; what
 * moved and why: twins.ts). Fixtures: tests/fixtures/hostile/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureHostileFixtures,
  hostilePath,
  HOSTILE_FIXTURES,
  pollutionFound,
  RUBY_TAGS,
  type HostileFixture,
} from './catalog';
import { conversationText, expectCoreOutcome } from './core-checks';
import { runCore as run, type CoreOutcome } from './run-core';
import { HEAVY_ONCE, TWINNED, TWINS } from './twins';

const pwnedBefore = existsSync('/tmp/pwned');

describe('hostile fixtures through the core (issue 8)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);

  const light = HOSTILE_FIXTURES.filter((f) => !HEAVY_ONCE.has(f.file) && !TWINNED.has(f.file));
  it.each(light.map((fixture) => [fixture.file, fixture] as [string, HostileFixture]))(
    '%s',
    (_name, fixture) => {
      const bytes = new Uint8Array(readFileSync(hostilePath(fixture)));
      const outcome = run(bytes, fixture.file);
      expectCoreOutcome(fixture, outcome);
      // Detection reads the content, not the name (issue 3): the same bytes as "unknown".
      expect(run(bytes, 'unknown').kind).toBe(outcome.kind);
    },
  );

  it.each(TWINS.map((twin) => [twin.fixture.file, twin] as const))(
    '%s (a twin that crosses the same limit: twins.ts)',
    (_name, { fixture, text }) => {
      const bytes = new TextEncoder().encode(text());
      expectCoreOutcome(fixture, run(bytes, fixture.file));
      expect(run(bytes, 'unknown').kind).toBe(fixture.outcome);
    },
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

  // The heavy fixtures (twins.ts): each read once, under its own name, for the generic checks and
  // for the promises that fixture carries (HEAVY_PROMISES, below the suite).
  for (const fixture of HOSTILE_FIXTURES.filter((f) => HEAVY_ONCE.has(f.file))) {
    describe(fixture.file, () => {
      let outcome: CoreOutcome | undefined;
      const read = () => (outcome ??= run(new Uint8Array(readFileSync(hostilePath(fixture))), fixture.file));
      afterAll(() => void (outcome = undefined));
      it('ends as the catalog says', () => expectCoreOutcome(fixture, read()));
      for (const [title, check] of HEAVY_PROMISES[fixture.file] ?? [])
        it(title, () => {
          const result = read();
          if (result.kind !== 'report') throw new Error(`expected a report from ${fixture.file}`);
          check(result);
        });
    });
  }

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
  });

  it('keeps bidi and zero-width characters in the data (the views escape them)', () => {
    const outcome = run(new Uint8Array(readFileSync(hostilePath('bidi-zero-width.yaml'))), 'b.yaml');
    if (outcome.kind !== 'report') throw new Error('expected a report');
    const text = conversationText(outcome.analyzed);
    for (const char of ['\u202e', '\u2066', '\u200b', '\u200d']) expect(text).toContain(char);
  });
});

type Report = Extract<CoreOutcome, { kind: 'report' }>;

function bombKept({ analyzed }: Report): void {
  const body = analyzed.cassette.exchanges[0]?.response?.body;
  expect(body?.decoding.join(' → ')).toMatch(/not undone/);
  expect(body?.sizeBytes ?? 0).toBeLessThan(1024 * 1024);
}

/** What a heavy fixture promises besides its catalog entry, by file. */
const HEAVY_PROMISES: Record<string, [string, (outcome: Report) => void][]> = {
  'generated/gzip-bomb.yaml': [['gives up on the bomb with a warning and keeps the stored bytes', bombKept]],
  'generated/brotli-bomb.yaml': [
    ['gives up on the bomb with a warning and keeps the stored bytes', bombKept],
  ],
  'generated/sse-100k-events.yaml': [
    [
      'reads all 100,000 SSE events and assembles their text',
      ({ report }) => {
        const [interaction] = report.interactions;
        expect(interaction?.stream_events).toBe(100_000);
        expect(interaction?.text_length).toBe(99_999);
      },
    ],
  ],
  // Issue 14: input-sized data never reaches a spread or a recursion.
  'generated/sse-300k-bad-events.yaml': [
    [
      'reads 300,000 broken stream events: the first hundred listed, the rest counted in one finding',
      ({ report, analyzed }) => {
        const [interaction] = report.interactions;
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
        const events = analyzed.exchanges[0]?.llm.stream?.events ?? [];
        expect(events[999]?.jsonError).not.toMatch(/not parsed/);
        expect(events[1000]?.jsonError).toMatch(
          /not parsed: more than 1,000 events of this stream are not JSON/,
        );
      },
    ],
  ],
};
