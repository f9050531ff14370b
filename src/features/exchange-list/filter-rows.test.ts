import { describe, expect, it } from 'vitest';
import type { ExchangeRow } from './exchange-rows';
import { filterRows } from './filter-rows';

const row = (index: number, searchText: string) => ({ index, searchText }) as ExchangeRow;
const rows = [
  row(0, '#1 post https://api.openai.com/v1/chat 200 gpt-4o'),
  row(1, '#2 post https://api.anthropic.com/v1/messages 429 claude error'),
];

describe('filterRows', () => {
  it('returns all rows without terms', () => expect(filterRows(rows, { terms: [], found: null })).toBe(rows));
  it("matches every term in the rows' own facts until the index answers", () => {
    expect(filterRows(rows, { terms: ['anthropic', '429'], found: null }).map((r) => r.index)).toEqual([1]);
    expect(filterRows(rows, { terms: ['post'], found: null }).map((r) => r.index)).toEqual([0, 1]);
    expect(filterRows(rows, { terms: ['openai', '429'], found: null })).toEqual([]);
  });
  it("keeps exactly the calls the worker's index found, whatever the rows' own facts say", () => {
    expect(filterRows(rows, { terms: ['weather'], found: new Set([0]) }).map((r) => r.index)).toEqual([0]);
    expect(filterRows(rows, { terms: ['post'], found: new Set() })).toEqual([]);
  });
  it('finds every match among 4,000 rows (its time bound: filter-rows.perf.test.ts)', () => {
    const many = Array.from({ length: 4000 }, (_, i) =>
      row(i, `#${i + 1} post https://host/${i} 200 model-${i % 7}`),
    );
    const result = filterRows(many, { terms: ['model-3'], found: null });
    expect(result.map((r) => r.index)).toEqual(many.filter((_, i) => i % 7 === 3).map((r) => r.index));
    const found = new Set(many.filter((_, i) => i % 5 === 0).map((r) => r.index));
    expect(filterRows(many, { terms: ['x'], found })).toHaveLength(800);
  });
});
