/**
 * One sortable column header of a data grid. The sort state is exposed with `aria-sort` on the
 * columnheader (https://www.w3.org/TR/wai-aria-1.2/#aria-sort); the button makes it keyboard
 * operable. The header is named by its button alone, so the resize handle beside it (a separator
 * with its own name) does not become part of the column's name.
 */
import type { ReactNode } from 'react';
import type { RowData } from '@tanstack/react-table';
import type { GridHeader } from './grid-features';

export interface SortHeaderProps<TData extends RowData> {
  header: GridHeader<TData>;
  /** Distinguishes ids when several grids are on a page. */
  idPrefix: string;
  /** The column's resize handle, when the grid has one. */
  resizer?: ReactNode;
}

const ARROWS = { asc: '▲', desc: '▼' } as const;

/** The column's heading text (the column definitions give strings). */
export function headerLabel<TData extends RowData>(header: GridHeader<TData>): string {
  const text = header.column.columnDef.header;
  return typeof text === 'string' ? text : header.id;
}

export function SortHeader<TData extends RowData>({ header, idPrefix, resizer }: SortHeaderProps<TData>) {
  const sorted = header.column.getIsSorted();
  const label = headerLabel(header);
  const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
  const buttonId = `${idPrefix}-sort-${header.id}`;
  return (
    <div
      role="columnheader"
      aria-sort={ariaSort}
      aria-labelledby={buttonId}
      className={`data-grid__cell data-grid__cell--head ${header.column.columnDef.meta?.className ?? ''}`}
    >
      <button
        id={buttonId}
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
      {resizer}
    </div>
  );
}
