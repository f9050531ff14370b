/**
 * The virtualizer of a data grid (@tanstack/react-virtual): rows of one fixed height, so a
 * 4,000-row list keeps only the visible rows (plus overscan) in the DOM (issue 9).
 */
import type { RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export const GRID_ROW_HEIGHT = 36;

export function useGridVirtualizer(count: number, scrollRef: RefObject<HTMLDivElement | null>) {
  return useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => GRID_ROW_HEIGHT,
    overscan: 12,
  });
}

export type GridVirtualizer = ReturnType<typeof useGridVirtualizer>;
