/**
 * Fuzzing every provider adapter (issue 8): `detect` and `read` of each adapter in the registry,
 * called directly (readExchange would catch a throw and hide it), on exchanges with LLM-shaped
 * JSON, SSE, NDJSON and AWS event-stream bodies, hostile keys, odd statuses and URLs. Then the
 * whole analysis (adapters, thread, doctor) on cassettes of several such exchanges.
 * fast-check: https://fast-check.dev/docs/core-blocks/runners/#assert
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../src/core/analyze';
import type { Cassette } from '../../src/core/model/http';
import { adapters } from '../../src/core/providers';
import { encodeAwsEventFrame } from '../../src/core/streams';
import { pollutionFound } from '../hostile/catalog';
import { bodyText, CONTENT_TYPES, EVENT_NAMES, makeExchange, RUNS, textBody, URLS } from './arbitraries';

const exchangeArbitrary = fc
  .tuple(
    fc.constantFrom(...URLS),
    fc.option(bodyText),
    fc.option(bodyText),
    fc.option(fc.constantFrom(200, 400, 500, 0, 999)),
    fc.constantFrom(...CONTENT_TYPES),
    fc.boolean(),
  )
  .map(([url, request, response, status, contentType, asFrames]) => {
    const responseBody =
      response === null
        ? null
        : asFrames
          ? (() => {
              const bytes = encodeAwsEventFrame(
                EVENT_NAMES[response.length % EVENT_NAMES.length] ?? 'chunk',
                response,
              );
              return {
                text: null,
                bytes,
                mimeType: contentType,
                sizeBytes: bytes.length,
                decoding: ['binary'],
              };
            })()
          : textBody(response, contentType);
    return makeExchange(
      url,
      request === null ? null : textBody(request, 'application/json'),
      responseBody,
      status,
      contentType,
    );
  });

describe('fuzz: provider adapters (issue 8)', () => {
  it(`every adapter's detect and read on arbitrary exchanges (${RUNS} runs × ${adapters.length} adapters)`, () => {
    fc.assert(
      fc.property(exchangeArbitrary, (exchange) => {
        for (const adapter of adapters) {
          adapter.detect(exchange);
          const read = adapter.read(exchange);
          // What an adapter returns crosses the worker boundary: it must be plain data.
          JSON.stringify(read);
        }
      }),
      { numRuns: RUNS },
    );
    expect(pollutionFound()).toEqual([]);
  }, 180_000);

  it(`analyzeCassette (adapters, thread, doctor) on cassettes of arbitrary exchanges (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.array(exchangeArbitrary, { minLength: 1, maxLength: 3 }), (exchanges) => {
        const cassette: Cassette = {
          fileName: 'fuzz.yaml',
          format: 'go-vcr-v2',
          formatVariant: 'version 2',
          recorder: null,
          fileDecoding: [],
          exchanges: exchanges.map((exchange, index) => ({ ...exchange, index })),
          warnings: [],
        };
        analyzeCassette(cassette);
      }),
      { numRuns: RUNS },
    );
    expect(pollutionFound()).toEqual([]);
  }, 180_000);
});
