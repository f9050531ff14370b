/**
 * The interactions table: sortable (TanStack Table v9 `useTable`), filterable, keyboard
 * selectable, and virtualized with @tanstack/react-virtual so a 4,000-row cassette keeps only the
 * visible rows (plus overscan) in the DOM (issue 9). Built from ARIA grid roles on divs
 * (https://www.w3.org/WAI/ARIA/apg/patterns/grid/) because absolutely positioned rows do not fit
 * the table layout model.
 */
import {
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTable, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Anomaly } from '../../core/model/anomaly';
import type { ExchangeSummary } from '../../core/model/overview';
import { exchangeColumns, exchangeTableFeatures } from './exchange-columns';
import { filterRows, type RowFilter } from './filter-rows';
import { toExchangeRows } from './exchange-rows';
import { foldEntries, foldHiding, mixesCalls, nearestLlmCall } from './exchange-rows-fold';
import { FoldLine } from './fold-line';
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
  /** Controls after the filter in the toolbar (the shell's "Compare…"), in visual and tab order. */
  toolbarEnd?: ReactNode;
  /** The search (issue 17): which rows it leaves (filter-rows.ts); none shows every row. */
  filter?: RowFilter;
  /** The search box, shown in the table's toolbar (features/search). */
  searchBox?: ReactNode;
}

const NO_FILTER: RowFilter = { terms: [], found: null };

const ROW_HEIGHT = 36;
const PAGE_STEP = 10;

export function ExchangeTable({
  exchanges,
  selectedExchange,
  onSelectExchange,
  anomalies,
  idPrefix = 'exchange',
  toolbarEnd,
  filter = NO_FILTER,
  searchBox,
}: ExchangeTableProps) {
  const allRows = useMemo(() => toExchangeRows(exchanges, anomalies), [exchanges, anomalies]);
  const data = useMemo(() => filterRows(allRows, filter), [allRows, filter]);
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

  // Other HTTP calls fold into one line each run, or hide with "LLM calls only" (issue 16).
  const mixed = useMemo(() => mixesCalls(allRows), [allRows]);
  const [llmOnlyChosen, setLlmOnly] = useState(false);
  const llmOnly = llmOnlyChosen && mixed;
  const [opened, setOpened] = useState<ReadonlySet<number>>(() => new Set());
  const fold = filter.terms.length === 0;
  const entries = useMemo(
    () => foldEntries(rows, (row) => row.original, { llmOnly, fold, opened }),
    [rows, llmOnly, fold, opened],
  );
  const calls = useMemo(() => entries.flatMap((entry) => (entry.kind === 'call' ? [entry] : [])), [entries]);
  // The selected call is never hidden: selected from elsewhere (timeline, URL, a doctor finding),
  // its run opens and "LLM calls only" turns off. Adjusting state while rendering, as
  // https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes shows.
  const hiding = foldHiding(entries, selectedExchange);
  if (hiding) setOpened(new Set([...opened, ...hiding.indices]));
  const selectedRow = selectedExchange === null ? undefined : allRows[selectedExchange];
  if (llmOnly && selectedRow && !selectedRow.llm) setLlmOnly(false);
  const chooseLlmOnly = (on: boolean) => {
    const target = on ? nearestLlmCall(data, selectedExchange) : selectedExchange;
    if (target !== null && target !== selectedExchange) onSelectExchange(target);
    setLlmOnly(on);
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  const openFold = (indices: readonly number[]) => {
    setOpened(new Set([...opened, ...indices]));
    // The fold line's button goes away; keep the keyboard in the list.
    scrollRef.current?.focus({ preventScroll: true });
  };
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const selectedPosition = entries.findIndex(
    (entry) => entry.kind === 'call' && entry.row.index === selectedExchange,
  );
  const selectedCall = calls.findIndex((entry) => entry.row.index === selectedExchange);
  // Selection can change from elsewhere (timeline click, URL); bring the row into view. Only when
  // the selection changes: opening a fold above it moves its position but must not scroll away
  // from the opened calls (https://react.dev/reference/react/useEffectEvent).
  const revealSelected = useEffectEvent(() => {
    if (selectedPosition >= 0) virtualizer.scrollToIndex(selectedPosition, { align: 'auto' });
  });
  useEffect(() => revealSelected(), [selectedExchange, data]);

  /** Keys move between calls; fold lines are passed over (Tab reaches their buttons). */
  const move = (position: number) => {
    const clamped = Math.max(0, Math.min(calls.length - 1, position));
    const entry = calls[clamped];
    if (entry) onSelectExchange(entry.row.index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || calls.length === 0) return;
    const current = selectedCall < 0 ? -1 : selectedCall;
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + PAGE_STEP,
      PageUp: current - PAGE_STEP,
      Home: 0,
      End: calls.length - 1,
      j: current + 1,
      k: current - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    move(target);
  };

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const shownCount = llmOnly ? data.filter((row) => row.llm).length : data.length;
  const headerGroup = table.getHeaderGroups()[0];

  return (
    <div className="exchange-table">
      <div className="exchange-table__toolbar">
        {searchBox}
        <span className="exchange-table__count" aria-live="polite">
          {shownCount === allRows.length
            ? plural(allRows.length, 'row')
            : `${formatCount(shownCount)} of ${plural(allRows.length, 'row')}`}
        </span>
        {mixed && (
          <label className="exchange-table__toggle">
            <input
              type="checkbox"
              checked={llmOnly}
              onChange={(event) => chooseLlmOnly(event.target.checked)}
            />
            LLM calls only
          </label>
        )}
        {toolbarEnd}
      </div>
      <div
        ref={scrollRef}
        className="exchange-table__scroll"
        role="grid"
        aria-label="Interactions"
        aria-rowcount={entries.length + 1}
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
            const entry = entries[item.index];
            if (!entry) return null;
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT };
            if (entry.kind === 'fold')
              return (
                <FoldLine
                  key={entry.key}
                  rows={entry.rows}
                  rowIndex={item.index + 2}
                  style={style}
                  onOpen={() => openFold(entry.indices)}
                />
              );
            const row = entry.item;
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
                style={style}
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
          {entries.length === 0 && (
            <div className="exchange-table__empty" role="row">
              <div role="gridcell">
                {rows.length === 0
                  ? `No interaction matches “${filter.terms.join(' ')}”.`
                  : 'No LLM call matches; turn off “LLM calls only” to see the other calls.'}
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
