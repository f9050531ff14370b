/**
 * Which rows the search leaves in the table (issue 17). The file's load worker answers from its
 * text index of everything each call holds (core/search, workers/search-runner.ts) with the set of
 * matching calls; until it has (or for a file still loading, which has no index yet) the rows'
 * own facts are matched: every term must appear in the row's search text, case-insensitively.
 * Both are one pass over the rows, well under a frame at 4,000 rows (filter-rows.perf.test.ts).
 */
import { holdsAll } from '../../core/search/summary-search-text';
import type { ExchangeRow } from './exchange-rows';

export interface RowFilter {
  /** Lower-case terms (core/search/query-terms.ts `parseQuery`); none shows every row. */
  terms: readonly string[];
  /** The calls the worker's index found for these terms, or null when it has not answered. */
  found: ReadonlySet<number> | null;
}

export function filterRows(rows: ExchangeRow[], { terms, found }: RowFilter): ExchangeRow[] {
  if (terms.length === 0) return rows;
  if (found) return rows.filter((row) => found.has(row.index));
  return rows.filter((row) => holdsAll(row.searchText, terms));
}
