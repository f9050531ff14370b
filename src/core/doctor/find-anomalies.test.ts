import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassetteText } from '../cassette';
import type { Cassette, HttpExchange } from '../model/http';
import { findAnomalies } from './find-anomalies';

const root = new URL('../../../tests/fixtures/corpus/', import.meta.url).pathname;
const seedText = readFileSync(join(root, 'seed/multi_tool_streaming_kimi-k2_together.yaml'), 'utf8');

const seed = (): Cassette => loadCassetteText(seedText, 'seed.yaml');

/** The SSE blocks of an exchange's response body (each ends without its blank line). */
function blocks(exchange: HttpExchange): string[] {
  return exchange.response!.body!.text!.split('\n\n').filter((b) => b.trim() !== '');
}

function setBlocks(exchange: HttpExchange, list: string[]): void {
  const text = list.map((b) => `${b}\n\n`).join('');
  exchange.response!.body = { ...exchange.response!.body!, text, sizeBytes: text.length };
}

function anomaliesOf(cassette: Cassette) {
  return findAnomalies(analyzeCassette(cassette));
}

describe('stream doctor', () => {
  it('finds nothing wrong in the founding cassette', () => {
    expect(anomaliesOf(seed())).toEqual([]);
  });

  it('catches a stream cut at any event, naming the last event received', () => {
    const total = blocks(seed().exchanges[0]!).length;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: total - 2 }), (keep) => {
        const cassette = seed();
        setBlocks(cassette.exchanges[0]!, blocks(cassette.exchanges[0]!).slice(0, keep));
        const found = anomaliesOf(cassette).filter((a) => a.kind === 'no-terminal-event');
        expect(found).toEqual([expect.objectContaining({ exchangeIndex: 0, eventIndex: keep - 1 })]);
      }),
      { numRuns: 15 },
    );
  });

  it('catches a corrupted JSON line at its event', () => {
    const cassette = seed();
    const list = blocks(cassette.exchanges[1]!);
    list[5] = list[5]!.slice(0, 40);
    setBlocks(cassette.exchanges[1]!, list);
    const found = anomaliesOf(cassette).filter((a) => a.kind === 'invalid-json');
    expect(found).toEqual([expect.objectContaining({ exchangeIndex: 1, eventIndex: 5 })]);
  });

  it('catches an error event injected mid-stream', () => {
    const cassette = seed();
    const list = blocks(cassette.exchanges[0]!);
    list.splice(7, 0, 'event: error\ndata: {"error":{"message":"Provider overloaded","code":502}}');
    setBlocks(cassette.exchanges[0]!, list);
    const found = anomaliesOf(cassette).filter((a) => a.kind === 'stream-error');
    expect(found).toEqual([expect.objectContaining({ exchangeIndex: 0, eventIndex: 7 })]);
    expect(found[0]!.message).toContain('Provider overloaded');
  });

  it('catches tool arguments cut in half', () => {
    const cassette = seed();
    const list = blocks(cassette.exchanges[0]!);
    // Drop the last arguments fragment of the last tool call: its JSON never closes.
    const lastArgs = list.findLastIndex((b) => b.includes('"arguments":"') && !b.includes('"arguments":""'));
    list.splice(lastArgs, 1);
    setBlocks(cassette.exchanges[0]!, list);
    const found = anomaliesOf(cassette).filter((a) => a.kind === 'invalid-tool-arguments');
    expect(found).toHaveLength(1);
    expect(found[0]!.eventIndex).toBe(lastArgs - 1);
  });

  it('notes finish_reason length at the event that carried it, as the cap the request set', () => {
    const cassette = seed();
    const list = blocks(cassette.exchanges[1]!);
    const at = list.findIndex((b) => b.includes('"finish_reason":"stop"'));
    list[at] = list[at]!.replace('"finish_reason":"stop"', '"finish_reason":"length"');
    setBlocks(cassette.exchanges[1]!, list);
    const found = anomaliesOf(cassette).filter((a) => a.kind === 'stopped-at-cap');
    expect(found).toEqual([expect.objectContaining({ exchangeIndex: 1, eventIndex: at, severity: 'info' })]);
  });

  it('flags a retry after a 429', () => {
    const cassette = seed();
    const first = cassette.exchanges[0]!;
    const failed: HttpExchange = {
      ...first,
      index: 0,
      response: { ...first.response!, status: 429, statusText: 'Too Many Requests', body: null },
    };
    cassette.exchanges = [failed, ...cassette.exchanges.map((e) => ({ ...e, index: e.index + 1 }))];
    const found = anomaliesOf(cassette);
    expect(found.filter((a) => a.kind === 'retry')).toEqual([expect.objectContaining({ exchangeIndex: 1 })]);
    expect(found.filter((a) => a.kind === 'http-error')).toEqual([
      expect.objectContaining({ exchangeIndex: 0 }),
    ]);
  });
});
