// Time bound for `npm run test:perf` (a quiet machine): typing in the search box refilters
// 4,000 rows within one frame's budget, by the rows' facts and by the worker's answer.
import { describe, expect, it } from 'vitest';
import type { ExchangeRow } from './exchange-rows';
import { filterRows } from './filter-rows';

describe('filterRows speed', () => {
  it('filters 4,000 rows within 50 ms', () => {
    const many = Array.from(
      { length: 4000 },
      (_, i) =>
        ({ index: i, searchText: `#${i + 1} post https://host/${i} 200 model-${i % 7}` }) as ExchangeRow,
    );
    const found = new Set(many.filter((_, i) => i % 3 === 0).map((row) => row.index));
    filterRows(many, { terms: ['model-4'], found: null }); // warm: the bound is for typing, not for the first compile
    filterRows(many, { terms: ['x'], found });
    const started = performance.now();
    const result = filterRows(many, { terms: ['model-3'], found: null });
    const fromIndex = filterRows(many, { terms: ['x'], found });
    expect(performance.now() - started).toBeLessThan(50);
    expect(result).toHaveLength(many.filter((_, i) => i % 7 === 3).length);
    expect(fromIndex).toHaveLength(1334);
  });
});
