import { describe, expect, it } from 'vitest';
import type { ExchangeRow } from './exchange-rows';
import { filterRows } from './filter-rows';

const row = (index: number, searchText: string) => ({ index, searchText }) as ExchangeRow;
const rows = [
  row(0, '1 post https://api.openai.com/v1/chat 200 gpt-4o'),
  row(1, '2 post https://api.anthropic.com/v1/messages 429 claude'),
];

describe('filterRows', () => {
  it('returns all rows for an empty query', () => expect(filterRows(rows, '  ')).toBe(rows));
  it('matches every term, case-insensitively', () => {
    expect(filterRows(rows, 'ANTHROPIC 429').map((r) => r.index)).toEqual([1]);
    expect(filterRows(rows, 'post').map((r) => r.index)).toEqual([0, 1]);
    expect(filterRows(rows, 'openai 429')).toEqual([]);
  });
  it('finds every match among 4,000 rows (its time bound: filter-rows.perf.test.ts)', () => {
    const many = Array.from({ length: 4000 }, (_, i) =>
      row(i, `${i + 1} post https://host/${i} 200 model-${i % 7}`),
    );
    const result = filterRows(many, 'model-3');
    expect(result.map((r) => r.index)).toEqual(many.filter((_, i) => i % 7 === 3).map((r) => r.index));
  });
});
