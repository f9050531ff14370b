// Time bound for `npm run test:perf` (a quiet machine): typing in the filter box refilters
// 4,000 rows within one frame's budget.
import { describe, expect, it } from 'vitest';
import type { ExchangeRow } from './exchange-rows';
import { filterRows } from './filter-rows';

describe('filterRows speed', () => {
  it('filters 4,000 rows within 50 ms', () => {
    const many = Array.from(
      { length: 4000 },
      (_, i) =>
        ({ index: i, searchText: `${i + 1} post https://host/${i} 200 model-${i % 7}` }) as ExchangeRow,
    );
    filterRows(many, 'model-4'); // warm: the bound is for typing, not for the first compile
    const started = performance.now();
    const result = filterRows(many, 'model-3');
    expect(performance.now() - started).toBeLessThan(50);
    expect(result).toHaveLength(572);
  });
});
