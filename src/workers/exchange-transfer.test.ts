import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCassetteText } from '../core/cassette';
import { analyzeCassette } from '../core/analyze';
import type { AnalyzedExchange } from '../core/model/analysis';
import { answerQuery, ExchangeCollector, PART_ITEMS, type ExchangeAnswer } from './exchange-transfer';

const SAMPLE = join(__dirname, '../../tests/fixtures/corpus/seed/multi_tool_streaming_kimi-k2_together.yaml');
const sample = analyzeCassette(loadCassetteText(readFileSync(SAMPLE, 'utf8'), 'seed.yaml')).exchanges;

/** The sample's first exchange with its stream repeated until it holds `events` events. */
function bigStream(events: number): AnalyzedExchange {
  const base = structuredClone(sample[0]!);
  const stream = base.llm.stream!;
  const one = stream.events;
  stream.events = Array.from({ length: events }, (_, i) => ({ ...one[i % one.length]!, index: i }));
  base.llm.deltas = Array.from({ length: events }, (_, i) => ({
    kind: 'text',
    eventIndex: i,
    text: `w${i} `,
  }));
  return base;
}

/** Stream events and deltas in one message, as posted. */
function items(message: ExchangeAnswer): number {
  if (message.kind === 'exchange-part') return message.events.length + message.deltas.length;
  if (message.kind !== 'exchange-batch') return 0;
  return message.exchanges.reduce(
    (sum, e) => sum + (e.llm.stream?.events.length ?? 0) + e.llm.deltas.length,
    0,
  );
}

/** Answers a query, passing each message through a structured clone as postMessage does. */
function roundTrip(held: AnalyzedExchange[] | null, from: number, to: number) {
  const messages: ExchangeAnswer[] = [];
  const sizes: number[] = [];
  answerQuery(held, { kind: 'exchanges', requestId: 4, from, to }, (answer) => {
    messages.push(structuredClone(answer));
    sizes.push(items(answer));
  });
  const collector = new ExchangeCollector();
  let result: AnalyzedExchange[] | null = null;
  for (const message of messages) result = collector.add(message) ?? result;
  return { messages, sizes, result };
}

describe('answerQuery and ExchangeCollector', () => {
  it('give back the asked exchanges exactly', () => {
    const { result, messages } = roundTrip(sample, 0, 2);
    expect(result).toEqual(sample);
    expect(messages.map((m) => m.kind)).toEqual(['exchange-batch', 'exchange-end']);
    expect(roundTrip(sample, 1, 2).result).toEqual([sample[1]]);
  });

  it('clamp the range to what the file holds', () => {
    expect(roundTrip(sample, -3, 99).result).toEqual(sample);
    expect(roundTrip(sample, 5, 9).result).toEqual([]);
  });

  it('send a huge stream in parts no larger than PART_ITEMS, and put it back together', () => {
    const big = bigStream(23_456);
    const held = [sample[0]!, big, sample[1]!];
    const { result, messages, sizes } = roundTrip(held, 0, 3);
    expect(result).toEqual(held);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(PART_ITEMS);
    expect(messages.filter((m) => m.kind === 'exchange-part').length).toBeGreaterThanOrEqual(
      Math.ceil((2 * 23_456) / PART_ITEMS),
    );
  });

  it('say so when nothing is held', () => {
    const { messages, result } = roundTrip(null, 0, 1);
    expect(result).toBeNull();
    expect(messages).toEqual([{ kind: 'exchange-error', requestId: 4, message: expect.any(String) }]);
  });
});
