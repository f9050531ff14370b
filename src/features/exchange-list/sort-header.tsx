/**
 * One sortable column header. The sort state is exposed with `aria-sort` on the columnheader
 * (https://www.w3.org/TR/wai-aria-1.2/#aria-sort); the button makes it keyboard operable.
 */
import type { Header } from '@tanstack/react-table';
import type { exchangeTableFeatures } from './exchange-columns';
import type { ExchangeRow } from './exchange-rows';

export interface SortHeaderProps {
  header: Header<typeof exchangeTableFeatures, ExchangeRow, unknown>;
}

const ARROWS = { asc: '▲', desc: '▼' } as const;

export function SortHeader({ header }: SortHeaderProps) {
  const sorted = header.column.getIsSorted();
  const label =
    typeof header.column.columnDef.header === 'string' ? header.column.columnDef.header : header.id;
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort}
      className={`exchange-cell ${header.column.columnDef.meta?.className ?? ''}`}
    >
      <button
        type="button"
        className="sort-button"
        onClick={header.column.getToggleSortingHandler()}
        title={`Sort by ${label}`}
      >
        {label}
        <span className="sort-button__arrow" aria-hidden="true">
          {sorted ? ARROWS[sorted] : ''}
        </span>
      </button>
    </div>
  );
}
