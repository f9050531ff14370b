/**
 * The table's filter box: every whitespace-separated term must appear in the row's search text
 * (call number, method, URL, status, API, model). Case-insensitive. Plain substring matching keeps
 * 4,000 rows well under a frame per keystroke (issue 9).
 */
import type { ExchangeRow } from './exchange-rows';

export function filterRows(rows: ExchangeRow[], query: string): ExchangeRow[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return rows;
  return rows.filter((row) => terms.every((term) => row.searchText.includes(term)));
}
