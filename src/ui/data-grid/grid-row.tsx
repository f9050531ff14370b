/**
 * One data row of a data grid: a `row` of `gridcell`s, each rendered from its column definition
 * with TanStack's FlexRender, absolutely placed by the virtualizer (`style`).
 */
import type { CSSProperties } from 'react';
import { FlexRender, type RowData } from '@tanstack/react-table';
import type { GridRowModel } from './grid-features';

export interface GridRowProps<TData extends RowData> {
  row: GridRowModel<TData>;
  id: string;
  /** aria-rowindex: the row's position in the grid, the header being 1. */
  rowIndex: number;
  selected: boolean;
  style: CSSProperties;
  onClick: () => void;
  /** data-* attributes the feature's styles key on (a failed call, a doctor verdict). */
  data?: Readonly<Record<`data-${string}`, string | undefined>>;
}

export function GridRow<TData extends RowData>({
  row,
  id,
  rowIndex,
  selected,
  style,
  onClick,
  data,
}: GridRowProps<TData>) {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={selected}
      className={`data-grid__row${selected ? ' data-grid__row--selected' : ''}`}
      style={style}
      onClick={onClick}
      {...data}
    >
      {row.getAllCells().map((cell) => (
        <div
          key={cell.id}
          role="gridcell"
          className={`data-grid__cell ${cell.column.columnDef.meta?.className ?? ''}`}
        >
          <FlexRender cell={cell} />
        </div>
      ))}
    </div>
  );
}
