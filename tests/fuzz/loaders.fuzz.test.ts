/**
 * Fuzzing the loaders (issue 8): `loadCassette` on arbitrary bytes, and on structured cassettes of
 * every dialect (go-vcr, vcrpy, Ruby VCR, HAR) with LLM-shaped bodies, hostile keys, Python and
 * Ruby tags, aliases, and random truncation. The whole pipeline (load → analyze → inspect) must
 * end in a report or a CassetteLoadError, and no key may reach Object.prototype.
 * fast-check: https://fast-check.dev/docs/core-blocks/runners/#assert
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../src/core/analyze';
import { CassetteLoadError, loadCassette } from '../../src/core/cassette';
import { toInspectReport } from '../../src/core/inspect/inspect-report';
import { pollutionFound } from '../hostile/catalog';
import { bodyText, CONTENT_TYPES, llmJson, RUNS, URLS } from './arbitraries';

const encoder = new TextEncoder();
const counts = new Map<string, { runs: number; loaded: number; rejected: number }>();

/** The pipeline; returns 'loaded' or 'rejected', lets any other exception fail the property. */
function pipeline(bytes: Uint8Array, label: string): void {
  const count = counts.get(label) ?? { runs: 0, loaded: 0, rejected: 0 };
  counts.set(label, count);
  count.runs++;
  try {
    const analyzed = analyzeCassette(loadCassette(bytes, 'fuzz.yaml'));
    JSON.stringify(toInspectReport(analyzed, 'fuzz.yaml'));
    count.loaded++;
  } catch (error) {
    if (!(error instanceof CassetteLoadError)) throw error;
    count.rejected++;
  }
}

const status = fc.oneof(
  fc.constantFrom(200, 400, 429, 500),
  fc.integer({ min: -5, max: 1000 }),
  fc.string({ maxLength: 4 }),
);
const body = fc.oneof(bodyText, llmJson);
const headers = fc.dictionary(
  fc.oneof(
    fc.constantFrom('Content-Type', 'Content-Encoding', '__proto__', 'constructor'),
    fc.string({ maxLength: 6 }),
  ),
  fc.oneof(
    fc.array(fc.constantFrom(...CONTENT_TYPES, 'gzip', 'br'), { maxLength: 2 }),
    fc.string({ maxLength: 8 }),
  ),
  { maxKeys: 3 },
);

/** One interaction in the shape of each dialect (shared/docs/cassette-formats.md). */
const interaction = fc.oneof(
  fc.record({
    request: fc.record({
      body,
      headers,
      url: fc.constantFrom(...URLS),
      method: fc.constantFrom('POST', 'GET', 7),
    }),
    response: fc.record({
      body,
      headers,
      code: status,
      duration: fc.oneof(fc.constantFrom('1.5s', '12ms', 'x'), fc.integer()),
    }),
  }),
  fc.record({
    request: fc.record({
      body,
      headers,
      uri: fc.constantFrom(...URLS),
      method: fc.constantFrom('POST', 'get'),
    }),
    response: fc.record({
      body: fc.oneof(
        fc.record({ string: body }),
        fc.record({ encoding: fc.constant('UTF-8'), string: body }),
      ),
      headers,
      status: fc.record({ code: status, message: fc.string({ maxLength: 4 }) }),
    }),
  }),
  llmJson,
);

const cassetteObject = fc.oneof(
  fc.record({ version: fc.constantFrom(1, 2), interactions: fc.array(interaction, { maxLength: 2 }) }),
  fc.record({ interactions: fc.array(interaction, { maxLength: 2 }), version: fc.constant(1) }),
  fc.record({
    http_interactions: fc.array(interaction, { maxLength: 2 }),
    recorded_with: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    log: fc.record({
      version: fc.constant('1.2'),
      creator: fc.record({ name: fc.constantFrom('Polly.JS', 'x') }),
      entries: fc.array(llmJson, { maxLength: 2 }),
    }),
  }),
  llmJson,
);

/** YAML or JSON text of the object, with tags and anchors spliced in, maybe cut short. */
const cassetteText = fc
  .tuple(
    cassetteObject,
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom(
          ' !!python/object/apply:os.system ["touch /tmp/pwned"]',
          ' !!python/tuple [1, 2]',
          ' !!binary aGVsbG8=',
          ' !ruby/object:Foo {}',
          ' &a [1, *a]',
          ' *undefined_alias',
          '\n---\n',
          '\u202e',
          '\ud800',
          ' {{{{',
        ),
      ),
      { maxLength: 2 },
    ),
    fc.option(fc.nat()),
  )
  .map(([object, asJson, splices, cut]) => {
    let text = asJson ? (JSON.stringify(object) ?? 'null') : stringify(object);
    for (const [at, piece] of splices) {
      const position = at % (text.length + 1);
      text = text.slice(0, position) + piece + text.slice(position);
    }
    if (cut !== null) text = text.slice(0, cut % (text.length + 1));
    return text;
  });

describe('fuzz: loaders (issue 8)', () => {
  afterAll(() => console.log('loader fuzz counts', Object.fromEntries(counts)));

  it(`loadCassette on arbitrary bytes (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 200 }).map((text) => encoder.encode(text)),
        ),
        (bytes) => pipeline(bytes, 'bytes'),
      ),
      { numRuns: RUNS },
    );
    expect(pollutionFound()).toEqual([]);
  }, 120_000);

  it(`loadCassette on structured YAML/JSON cassettes of every dialect (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(cassetteText, (text) => pipeline(encoder.encode(text), 'structured')),
      { numRuns: RUNS },
    );
    expect(pollutionFound()).toEqual([]);
    // The generator must reach the formats, not only the error path.
    expect(counts.get('structured')?.loaded ?? 0).toBeGreaterThan(RUNS / 10);
  }, 180_000);
});
