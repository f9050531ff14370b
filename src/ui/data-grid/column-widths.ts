/**
 * A grid's column widths (TanStack's column sizing state, column id → px), remembered in
 * localStorage under the grid's own key, and turned into the CSS variables its column template
 * reads: `--w-<column id>` overrides that column's default track, `--grid-sized-width` keeps the
 * row at least as wide as the widths chosen (data-grid.css).
 */
import type { CSSProperties } from 'react';
import type { ColumnSizingState } from '@tanstack/react-table';
import { readStored, writeStored } from '../stored-value';

const KEY_PREFIX = 'cassette-viewer.column-widths.';

export function readColumnWidths(grid: string): ColumnSizingState {
  return readStored<ColumnSizingState>(
    KEY_PREFIX + grid,
    (text) => {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
      const widths: ColumnSizingState = {};
      for (const [id, width] of Object.entries(parsed))
        if (typeof width === 'number' && Number.isFinite(width) && width > 0) widths[id] = width;
      return widths;
    },
    {},
  );
}

export function writeColumnWidths(grid: string, widths: ColumnSizingState): void {
  writeStored(KEY_PREFIX + grid, JSON.stringify(widths));
}

/** The inline style that applies the chosen widths; `totalWidth` is the table's getTotalSize(). */
export function columnWidthStyle(widths: ColumnSizingState, totalWidth: number): CSSProperties {
  const style: Record<string, string> = {};
  const ids = Object.keys(widths);
  for (const id of ids) style[`--w-${id}`] = `${Math.round(widths[id]!)}px`;
  if (ids.length > 0) style['--grid-sized-width'] = `${Math.round(totalWidth)}px`;
  return style as CSSProperties;
}
