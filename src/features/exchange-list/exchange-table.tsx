/**
 * The interactions table: sortable (TanStack Table v9 `useTable`), filterable, keyboard
 * selectable, and virtualized with @tanstack/react-virtual so a 4,000-row cassette keeps only the
 * visible rows (plus overscan) in the DOM (issue 9). Built from ARIA grid roles on divs
 * (https://www.w3.org/WAI/ARIA/apg/patterns/grid/) because absolutely positioned rows do not fit
 * the table layout model.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Anomaly } from '../../core/model/anomaly';
import type { ExchangeSummary } from '../../core/model/overview';
import { exchangeColumns, exchangeTableFeatures } from './exchange-columns';
import { filterRows } from './filter-rows';
import { toExchangeRows } from './exchange-rows';
import { SortHeader } from './sort-header';
import { formatCount, plural } from '../../ui/format';

export interface ExchangeTableProps {
  exchanges: readonly ExchangeSummary[];
  selectedExchange: number | null;
  onSelectExchange: (index: number) => void;
  /** Stream doctor findings (CassetteOverview.anomalies), shown as marks on their rows. */
  anomalies?: readonly Anomaly[];
  /** Distinguishes row ids when several tables could exist on a page. */
  idPrefix?: string;
}

const ROW_HEIGHT = 36;
const PAGE_STEP = 10;

export function ExchangeTable({
  exchanges,
  selectedExchange,
  onSelectExchange,
  anomalies,
  idPrefix = 'exchange',
}: ExchangeTableProps) {
  const allRows = useMemo(() => toExchangeRows(exchanges, anomalies), [exchanges, anomalies]);
  const [query, setQuery] = useState('');
  // Filtering 4,000 rows is cheap, but deferring keeps each keystroke in the box instant (issue 9).
  const deferredQuery = useDeferredValue(query);
  const data = useMemo(() => filterRows(allRows, deferredQuery), [allRows, deferredQuery]);
  const [sorting, setSorting] = useState<SortingState>([]);

  const table = useTable({
    features: exchangeTableFeatures,
    columns: exchangeColumns,
    data,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => String(row.index),
  });
  const rows = table.getRowModel().rows;

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const selectedPosition = rows.findIndex((row) => row.original.index === selectedExchange);
  useEffect(() => {
    // Selection can change from elsewhere (timeline click, URL); bring the row into view.
    if (selectedPosition >= 0) virtualizer.scrollToIndex(selectedPosition, { align: 'auto' });
  }, [selectedPosition, virtualizer]);

  const move = (position: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, position));
    const row = rows[clamped];
    if (row) onSelectExchange(row.original.index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const current = selectedPosition < 0 ? -1 : selectedPosition;
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + PAGE_STEP,
      PageUp: current - PAGE_STEP,
      Home: 0,
      End: rows.length - 1,
      j: current + 1,
      k: current - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const headerGroup = table.getHeaderGroups()[0];

  return (
    <div className="exchange-table">
      <div className="exchange-table__toolbar">
        <input
          type="search"
          className="text-input"
          placeholder="Filter by URL, model, status…"
          aria-label="Filter interactions"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span className="exchange-table__count" aria-live="polite">
          {data.length === allRows.length
            ? plural(allRows.length, 'row')
            : `${formatCount(data.length)} of ${plural(allRows.length, 'row')}`}
        </span>
      </div>
      <div
        ref={scrollRef}
        className="exchange-table__scroll"
        role="grid"
        aria-label="Interactions"
        aria-rowcount={rows.length + 1}
        aria-activedescendant={selectedPosition >= 0 ? rowId(selectedExchange ?? 0) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="exchange-table__head">
          <div role="row" aria-rowindex={1} className="exchange-row exchange-row--head">
            {headerGroup?.headers.map((header) => (
              <SortHeader key={header.id} header={header} />
            ))}
          </div>
        </div>
        <div role="rowgroup" className="exchange-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const selected = row.original.index === selectedExchange;
            return (
              <div
                key={row.id}
                id={rowId(row.original.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                data-failed={row.original.failed || undefined}
                className={`exchange-row${selected ? ' exchange-row--selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => onSelectExchange(row.original.index)}
              >
                {row.getAllCells().map((cell) => (
                  <div
                    key={cell.id}
                    role="gridcell"
                    className={`exchange-cell ${cell.column.columnDef.meta?.className ?? ''}`}
                  >
                    <table.FlexRender cell={cell} />
                  </div>
                ))}
              </div>
            );
          })}
          {rows.length === 0 && (
            <div className="exchange-table__empty" role="row">
              <div role="gridcell">No interaction matches “{deferredQuery}”.</div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
