/**
 * The folder overview's table (issue 19): one row per cassette read, sortable (TanStack Table v9
 * `useTable`), virtualized so 2,000 rows keep only the visible ones in the DOM. The grid is the
 * shared ui/data-grid, as the interactions table's: arrows move the active row, Enter or a click
 * opens its cassette. The table stays mounted while a cassette is open, so sort and filter
 * survive; the scroll position is put back when the list shows again (a hidden element loses it).
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DataGrid } from '../../ui/data-grid/data-grid';
import { gridKeyTarget } from '../../ui/data-grid/grid-keys';
import { GridRow } from '../../ui/data-grid/grid-row';
import { useGridTable } from '../../ui/data-grid/use-grid-table';
import { useGridVirtualizer } from '../../ui/data-grid/use-grid-virtualizer';
import { folderColumns } from './folder-columns';
import type { FolderTableRow } from './folder-rows';

export interface FolderTableProps {
  rows: readonly FolderTableRow[];
  onOpen: (path: string) => void;
  /** False while a cassette is on screen instead of the list. */
  visible: boolean;
  emptyText: string;
}

export function FolderTable({ rows: data, onOpen, visible, emptyText }: FolderTableProps) {
  const table = useGridTable({
    storageKey: 'folder',
    columns: folderColumns,
    data: data as FolderTableRow[],
    getRowId: (row) => row.path,
    initialSorting: [{ id: 'path', desc: false }],
  });
  const rows = table.getRowModel().rows;
  const [activePath, setActivePath] = useState<string | null>(null);
  const activePosition = rows.findIndex((row) => row.original.path === activePath);

  const scrollRef = useRef<HTMLDivElement>(null);
  const savedScroll = useRef(0);
  const virtualizer = useGridVirtualizer(rows.length, scrollRef);
  useLayoutEffect(() => {
    if (visible && scrollRef.current) scrollRef.current.scrollTop = savedScroll.current;
  }, [visible]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      const row = rows[activePosition];
      if (row) {
        event.preventDefault();
        onOpen(row.original.path);
      }
      return;
    }
    const target = gridKeyTarget(event.key, activePosition, rows.length);
    if (target === null) return;
    event.preventDefault();
    setActivePath(rows[target]!.original.path);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const rowId = (position: number) => `folder-row-${position}`;

  return (
    <DataGrid
      table={table}
      label="Cassettes in the folder"
      idPrefix="folder"
      className="folder-table"
      bodyClassName="folder-table__body"
      scrollRef={scrollRef}
      virtualizer={virtualizer}
      count={rows.length}
      activeId={activePosition >= 0 ? rowId(activePosition) : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activePosition < 0 && rows[0]) setActivePath(rows[0].original.path);
      }}
      onScroll={(event) => {
        if (visible) savedScroll.current = event.currentTarget.scrollTop;
      }}
      empty={emptyText}
      renderRow={(index, style) => {
        const row = rows[index];
        if (!row) return null;
        return (
          <GridRow
            key={row.id}
            row={row}
            id={rowId(index)}
            rowIndex={index + 2}
            selected={index === activePosition}
            style={style}
            onClick={() => {
              setActivePath(row.original.path);
              onOpen(row.original.path);
            }}
            data={{ 'data-verdict': row.original.verdict }}
          />
        );
      }}
    />
  );
}
