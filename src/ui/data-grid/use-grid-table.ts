/**
 * A TanStack Table v9 instance with the grid features, its sort state, and column widths that
 * come back after a reload: the sizing state starts from localStorage (`initialState`) and the
 * table owns it (its default updater), so a drag's first measured width is in the state at once
 * for `getResizeHandler` to start from; each committed change is written back.
 */
import { useEffect, useState } from 'react';
import { useTable, type RowData, type SortingState, type TableOptions } from '@tanstack/react-table';
import { gridFeatures, type GridFeatures } from './grid-features';
import { readColumnWidths, writeColumnWidths } from './column-widths';

export interface GridTableOptions<TData extends RowData> {
  /** Names the grid in localStorage. */
  storageKey: string;
  columns: TableOptions<GridFeatures, TData>['columns'];
  data: TData[];
  getRowId: (row: TData) => string;
  initialSorting?: SortingState;
}

export function useGridTable<TData extends RowData>(options: GridTableOptions<TData>) {
  const { storageKey, columns, data, getRowId, initialSorting = [] } = options;
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [initialWidths] = useState(() => readColumnWidths(storageKey));
  const table = useTable({
    features: gridFeatures,
    columns,
    data,
    getRowId,
    state: { sorting },
    onSortingChange: setSorting,
    initialState: { columnSizing: initialWidths },
    // Widths follow the pointer while dragging, not only at the end.
    columnResizeMode: 'onChange',
  });
  const widths = table.state.columnSizing;
  useEffect(() => {
    if (widths !== initialWidths) writeColumnWidths(storageKey, widths);
  }, [storageKey, widths, initialWidths]);
  return table;
}
