/**
 * The shell every table of the app shares (the interactions list, the folder overview): a
 * TanStack Table v9 instance rendered as an ARIA grid on divs
 * (https://www.w3.org/WAI/ARIA/apg/patterns/grid/), because absolutely positioned rows do not fit
 * the table layout model. A sticky header row of sortable column headers, and a body virtualized
 * by the caller's `useGridVirtualizer`. Columns resize by mouse and keyboard (column-resizer.tsx);
 * the caller remembers the widths (useGridTable). The feature keeps what differs: its columns, what a row
 * is (the interactions list mixes in fold lines), selection and keys.
 */
import type {
  CSSProperties,
  FocusEventHandler,
  KeyboardEventHandler,
  ReactNode,
  RefObject,
  UIEventHandler,
} from 'react';
import type { ReactTable, RowData } from '@tanstack/react-table';
import type { GridFeatures } from './grid-features';
import { ColumnResizer } from './column-resizer';
import { columnWidthStyle } from './column-widths';
import { SortHeader } from './sort-header';
import { GRID_ROW_HEIGHT, type GridVirtualizer } from './use-grid-virtualizer';
import './data-grid.css';

export interface DataGridProps<TData extends RowData> {
  table: ReactTable<GridFeatures, TData>;
  /** The grid's accessible name. */
  label: string;
  /** Distinguishes ids when several grids are on a page. */
  idPrefix: string;
  /** Classes of the scroll container (the grid) and of the body, for the feature's styles. */
  className: string;
  bodyClassName: string;
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: GridVirtualizer;
  /** How many lines the body has (the virtualizer's count). */
  count: number;
  /** The id of the active row (aria-activedescendant), if one is shown. */
  activeId?: string | undefined;
  /** Renders body line `index`, placed by `style`. */
  renderRow: (index: number, style: CSSProperties) => ReactNode;
  /** Shown when the body has no line. */
  empty: ReactNode;
  onKeyDown: KeyboardEventHandler<HTMLDivElement>;
  onFocus?: FocusEventHandler<HTMLDivElement>;
  onScroll?: UIEventHandler<HTMLDivElement>;
}

export function DataGrid<TData extends RowData>({
  table,
  label,
  idPrefix,
  className,
  bodyClassName,
  scrollRef,
  virtualizer,
  count,
  activeId,
  renderRow,
  empty,
  onKeyDown,
  onFocus,
  onScroll,
}: DataGridProps<TData>) {
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const widths = table.state.columnSizing;
  return (
    <div
      ref={scrollRef}
      className={`data-grid ${className}`}
      style={columnWidthStyle(widths, table.getTotalSize())}
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-activedescendant={activeId}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onScroll={onScroll}
    >
      <div role="rowgroup" className="data-grid__head">
        <div role="row" aria-rowindex={1} className="data-grid__row data-grid__row--head">
          {headers.map((header) => (
            <SortHeader
              key={header.id}
              header={header}
              idPrefix={idPrefix}
              resizer={<ColumnResizer header={header} chosen={widths[header.column.id]} />}
            />
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        className={`data-grid__body ${bodyClassName}`}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer
          .getVirtualItems()
          .map((item) =>
            renderRow(item.index, { transform: `translateY(${item.start}px)`, height: GRID_ROW_HEIGHT }),
          )}
        {count === 0 && (
          <div className="data-grid__empty" role="row">
            <div role="gridcell">{empty}</div>
          </div>
        )}
      </div>
    </div>
  );
}
