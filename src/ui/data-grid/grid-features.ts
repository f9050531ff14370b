/**
 * The TanStack Table v9 features every data grid of the app declares
 * (https://tanstack.com/table/v9/docs/guide/row-models: features and row models are declared once
 * with `tableFeatures`; sort functions given to a column's `sortFn` need no registration). Column
 * sizing holds the widths; column resizing adds the drag gesture
 * (https://tanstack.com/table/latest/docs/guide/column-resizing, sizing before resizing).
 */
import {
  columnResizingFeature,
  columnSizingFeature,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  type Header,
  type Row,
  type RowData,
} from '@tanstack/react-table';

/** What each column tells the renderer: its CSS class (alignment, and the width variable's name). */
export interface GridColumnMeta {
  className: string;
}

export const gridFeatures = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnResizingFeature,
  sortedRowModel: createSortedRowModel(),
  // Type-only slot that types `columnDef.meta` (table-core ColumnDef.d.ts, "columnMeta").
  columnMeta: {} as GridColumnMeta,
});

export type GridFeatures = typeof gridFeatures;
export type GridHeader<TData extends RowData> = Header<GridFeatures, TData, unknown>;
export type GridRowModel<TData extends RowData> = Row<GridFeatures, TData>;

/** Missing values (no status, no usage) sort after present ones, in both directions. */
export const numericSort = { sortFn: sortFn_basic, sortUndefined: 'last' as const };
export const textSort = { sortFn: sortFn_alphanumeric, sortUndefined: 'last' as const };
