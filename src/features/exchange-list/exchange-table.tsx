/**
 * The interactions table: sortable (TanStack Table v9 `useTable`), filterable, keyboard
 * selectable, and virtualized so a 4,000-row cassette keeps only the visible rows in the DOM
 * (issue 9). The grid itself is the shared ui/data-grid; here what the rows are (calls and fold
 * lines), the selection, the toolbar.
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
import type { Anomaly } from '../../core/model/anomaly';
import type { ExchangeSummary } from '../../core/model/overview';
import { exchangeColumns } from './exchange-columns';
import { filterRows, type RowFilter } from './filter-rows';
import { toExchangeRows } from './exchange-rows';
import { foldEntries, foldHiding, mixesCalls, nearestLlmCall } from './exchange-rows-fold';
import { FoldLine } from './fold-line';
import { formatCount, plural } from '../../ui/format';
import { DataGrid } from '../../ui/data-grid/data-grid';
import { gridKeyTarget } from '../../ui/data-grid/grid-keys';
import { GridRow } from '../../ui/data-grid/grid-row';
import { useGridTable } from '../../ui/data-grid/use-grid-table';
import { useGridVirtualizer } from '../../ui/data-grid/use-grid-virtualizer';
import { revealIndex } from '../../ui/virtual-reveal';

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
  /** What the table says while it has no rows at all (a file still loading its first ones). */
  emptyText?: string;
}

const NO_FILTER: RowFilter = { terms: [], found: null };

export function ExchangeTable({
  exchanges,
  selectedExchange,
  onSelectExchange,
  anomalies,
  idPrefix = 'exchange',
  toolbarEnd,
  filter = NO_FILTER,
  searchBox,
  emptyText,
}: ExchangeTableProps) {
  const allRows = useMemo(() => toExchangeRows(exchanges, anomalies), [exchanges, anomalies]);
  const data = useMemo(() => filterRows(allRows, filter), [allRows, filter]);
  const table = useGridTable({
    storageKey: 'interactions',
    columns: exchangeColumns,
    data,
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
  const virtualizer = useGridVirtualizer(entries.length, scrollRef);

  const selectedPosition = entries.findIndex(
    (entry) => entry.kind === 'call' && entry.row.index === selectedExchange,
  );
  const selectedCall = calls.findIndex((entry) => entry.row.index === selectedExchange);
  // Selection can change from elsewhere (timeline click, URL); bring the row into view. Only when
  // the selection changes: opening a fold above it moves its position but must not scroll away
  // from the opened calls (https://react.dev/reference/react/useEffectEvent).
  const revealSelected = useEffectEvent(() => {
    // Without a forced layout when the row is already in view (ui/virtual-reveal.ts).
    if (selectedPosition >= 0) revealIndex(virtualizer, selectedPosition, 'auto');
  });
  useEffect(() => revealSelected(), [selectedExchange, data]);

  /** Keys move between calls; fold lines are passed over (Tab reaches their buttons). */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const current = selectedCall < 0 ? -1 : selectedCall;
    const target = gridKeyTarget(event.key, current, calls.length, { j: current + 1, k: current - 1 });
    if (target === null) return;
    event.preventDefault();
    const entry = calls[target];
    if (entry) onSelectExchange(entry.row.index);
  };

  const rowId = (index: number) => `${idPrefix}-row-${index}`;
  const shownCount = llmOnly ? data.filter((row) => row.llm).length : data.length;

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
      <DataGrid
        table={table}
        label="Interactions"
        idPrefix={idPrefix}
        className="exchange-table__scroll"
        bodyClassName="exchange-table__body"
        scrollRef={scrollRef}
        virtualizer={virtualizer}
        count={entries.length}
        activeId={selectedPosition >= 0 ? rowId(selectedExchange ?? 0) : undefined}
        onKeyDown={onKeyDown}
        empty={
          allRows.length === 0 && emptyText
            ? emptyText
            : rows.length === 0
              ? `No interaction matches “${filter.terms.join(' ')}”.`
              : 'No LLM call matches; turn off “LLM calls only” to see the other calls.'
        }
        renderRow={(index, style) => {
          const entry = entries[index];
          if (!entry) return null;
          if (entry.kind === 'fold')
            return (
              <FoldLine
                key={entry.key}
                rows={entry.rows}
                rowIndex={index + 2}
                style={style}
                onOpen={() => openFold(entry.indices)}
              />
            );
          const row = entry.item;
          return (
            <GridRow
              key={row.id}
              row={row}
              id={rowId(row.original.index)}
              rowIndex={index + 2}
              selected={row.original.index === selectedExchange}
              style={style}
              onClick={() => onSelectExchange(row.original.index)}
              data={{ 'data-failed': row.original.failed ? 'true' : undefined }}
            />
          );
        }}
      />
    </div>
  );
}
