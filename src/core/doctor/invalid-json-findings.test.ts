import { describe, expect, it } from 'vitest';
import type { Anomaly } from '../model/anomaly';
import type { StreamEvent } from '../model/stream';
import { findInvalidJson, MAX_LISTED_INVALID_JSON } from './invalid-json-findings';

function events(count: number, broken: (index: number) => boolean): StreamEvent[] {
  return Array.from({ length: count }, (_, index) =>
    broken(index)
      ? { index, event: null, id: null, data: '{x', jsonError: 'bad' }
      : { index, event: null, id: null, data: '{}', json: {} },
  );
}

function findings(list: StreamEvent[]): Omit<Anomaly, 'exchangeIndex'>[] {
  const out: Omit<Anomaly, 'exchangeIndex'>[] = [];
  findInvalidJson(list, (a) => out.push(a));
  return out;
}

describe('findInvalidJson', () => {
  it('lists each broken event while there are at most a hundred', () => {
    const found = findings(events(500, (i) => i % 5 === 0));
    expect(found).toHaveLength(MAX_LISTED_INVALID_JSON);
    expect(found.map((f) => f.eventIndex)).toEqual(Array.from({ length: 100 }, (_, i) => i * 5));
    expect(found[3]?.message).toBe('invalid JSON in event 15: bad');
  });

  it('counts the rest in one finding that points at the first of them', () => {
    const found = findings(events(10_000, (i) => i >= 7));
    expect(found).toHaveLength(MAX_LISTED_INVALID_JSON + 1);
    expect(found.at(-1)).toEqual({
      kind: 'invalid-json',
      severity: 'error',
      eventIndex: 107,
      message:
        'invalid JSON in 9,893 more events, 107 to 9999 (past the 100 listed one by one; the Raw view marks each)',
    });
  });

  it('names a single event past the listed ones', () => {
    const found = findings(events(102, (i) => i >= 1));
    expect(found.at(-1)?.message).toBe('invalid JSON in event 101 as well (past the 100 listed one by one)');
  });

  it('finds nothing in a clean stream', () => {
    expect(findings(events(50, () => false))).toEqual([]);
  });
});
