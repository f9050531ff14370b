/**
 * The resize handle at a column header's end edge (issue 17: "the columns can be resized"). The
 * mouse and touch drag is TanStack Table v9's own (`header.getResizeHandler()`, column resizing
 * feature, https://tanstack.com/table/latest/docs/guide/column-resizing); it starts from the
 * column's size in the sizing state, so a column still at its CSS default is first measured and
 * that width put in the state. The keyboard uses the APG window splitter's keys
 * (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/) on a focusable `separator`: arrows
 * by 16 px (Shift: 64), Home or a double click back to the default width.
 */
import type { KeyboardEvent, MouseEvent, TouchEvent } from 'react';
import type { RowData } from '@tanstack/react-table';
import type { GridHeader } from './grid-features';
import { headerLabel } from './sort-header';

export interface ColumnResizerProps<TData extends RowData> {
  header: GridHeader<TData>;
  /** The width chosen for the column (the sizing state), if any. */
  chosen: number | undefined;
}

const STEP = 16;
const BIG_STEP = 64;

/** The header cell's rendered width: where a resize starts when the state has none. */
function measured(handle: HTMLElement): number {
  return handle.parentElement?.getBoundingClientRect().width ?? 0;
}

export function ColumnResizer<TData extends RowData>({ header, chosen }: ColumnResizerProps<TData>) {
  const column = header.column;
  const table = column.table;
  if (!column.getCanResize()) return null;
  const min = column.columnDef.minSize ?? 40;
  const max = column.columnDef.maxSize ?? 900;
  const label = headerLabel(header);

  const setWidth = (width: number) =>
    table.setColumnSizing((old) => ({
      ...old,
      [column.id]: Math.round(Math.max(min, Math.min(max, width))),
    }));

  const start = (event: MouseEvent<HTMLDivElement> | TouchEvent<HTMLDivElement>) => {
    // Not a sort: the handle sits inside the header cell.
    event.stopPropagation();
    if (chosen === undefined) setWidth(measured(event.currentTarget));
    header.getResizeHandler()(event);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const now = chosen ?? measured(event.currentTarget);
    if (event.key === 'ArrowLeft') setWidth(now - step);
    else if (event.key === 'ArrowRight') setWidth(now + step);
    else if (event.key === 'Home') column.resetSize();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      className={`column-resizer${column.getIsResizing() ? ' column-resizer--active' : ''}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${label} column`}
      aria-valuenow={Math.round(chosen ?? column.getSize())}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={chosen === undefined ? 'default width' : `${Math.round(chosen)} pixels`}
      tabIndex={0}
      title="Drag, or focus and use the arrow keys, to resize; double-click for the default width"
      onMouseDown={start}
      onTouchStart={start}
      onDoubleClick={() => column.resetSize()}
      onKeyDown={onKeyDown}
    />
  );
}
