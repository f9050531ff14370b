/**
 * The folder overview's table (issue 19): one row per cassette read, sortable (TanStack Table v9
 * `useTable`), virtualized (@tanstack/react-virtual) so 2,000 rows keep only the visible ones in
 * the DOM. ARIA grid on divs (https://www.w3.org/WAI/ARIA/apg/patterns/grid/), as the interactions
 * table: arrows move the active row, Enter or a click opens its cassette. The table stays mounted
 * while a cassette is open, so sort and filter survive; the scroll position is put back when the
 * list shows again (a hidden element loses it).
 */
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { folderColumns, folderTableFeatures } from './folder-columns';
import type { FolderTableRow } from './folder-rows';

export interface FolderTableProps {
  rows: readonly FolderTableRow[];
  onOpen: (path: string) => void;
  /** False while a cassette is on screen instead of the list. */
  visible: boolean;
  emptyText: string;
}

const ROW_HEIGHT = 36;
const PAGE_STEP = 10;
const ARROWS = { asc: '▲', desc: '▼' } as const;

export function FolderTable({ rows: data, onOpen, visible, emptyText }: FolderTableProps) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'path', desc: false }]);
  const table = useTable({
    features: folderTableFeatures,
    columns: folderColumns,
    data: data as FolderTableRow[],
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.path,
  });
  const rows = table.getRowModel().rows;
  const [activePath, setActivePath] = useState<string | null>(null);
  const activePosition = rows.findIndex((row) => row.original.path === activePath);

  const scrollRef = useRef<HTMLDivElement>(null);
  const savedScroll = useRef(0);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  useLayoutEffect(() => {
    if (visible && scrollRef.current) scrollRef.current.scrollTop = savedScroll.current;
  }, [visible]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    if (event.key === 'Enter') {
      const row = rows[activePosition];
      if (row) {
        event.preventDefault();
        onOpen(row.original.path);
      }
      return;
    }
    const current = activePosition;
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + PAGE_STEP,
      PageUp: current - PAGE_STEP,
      Home: 0,
      End: rows.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const clamped = Math.max(0, Math.min(rows.length - 1, target));
    setActivePath(rows[clamped]!.original.path);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const rowId = (position: number) => `folder-row-${position}`;
  const headerGroup = table.getHeaderGroups()[0];

  return (
    <div
      ref={scrollRef}
      className="folder-table"
      role="grid"
      aria-label="Cassettes in the folder"
      aria-rowcount={rows.length + 1}
      aria-activedescendant={activePosition >= 0 ? rowId(activePosition) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={() => {
        if (activePosition < 0 && rows[0]) setActivePath(rows[0].original.path);
      }}
      onScroll={(event) => {
        if (visible) savedScroll.current = event.currentTarget.scrollTop;
      }}
    >
      <div role="rowgroup" className="folder-table__head">
        <div role="row" aria-rowindex={1} className="folder-row folder-row--head">
          {headerGroup?.headers.map((header) => {
            const sorted = header.column.getIsSorted();
            const label = String(header.column.columnDef.header ?? header.id);
            return (
              <div
                key={header.id}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={`folder-cell ${header.column.columnDef.meta?.className ?? ''}`}
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
          })}
        </div>
      </div>
      <div role="rowgroup" className="folder-table__body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const active = item.index === activePosition;
          return (
            <div
              key={row.id}
              id={rowId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={active}
              data-verdict={row.original.verdict}
              className={`folder-row${active ? ' folder-row--active' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              onClick={() => {
                setActivePath(row.original.path);
                onOpen(row.original.path);
              }}
            >
              {row.getAllCells().map((cell) => (
                <div
                  key={cell.id}
                  role="gridcell"
                  className={`folder-cell ${cell.column.columnDef.meta?.className ?? ''}`}
                >
                  <table.FlexRender cell={cell} />
                </div>
              ))}
            </div>
          );
        })}
        {rows.length === 0 && (
          <div className="folder-table__empty" role="row">
            <div role="gridcell">{emptyText}</div>
          </div>
        )}
      </div>
    </div>
  );
}
