/**
 * Virtualized rows for long threads, with @tanstack/react-virtual's `useVirtualizer`
 * (https://tanstack.com/virtual/latest/docs/api/virtualizer). Rows are measured after render
 * (`measureElement`) because messages range from one line to pages.
 */
import { useImperativeHandle, type ReactNode, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface VirtualRowsHandle {
  scrollToRow: (index: number) => void;
}

export interface VirtualRowsProps {
  ref: Ref<VirtualRowsHandle>;
  count: number;
  scrollElement: HTMLDivElement | null;
  renderRow: (index: number) => ReactNode;
}

export function VirtualRows({ ref, count, scrollElement, renderRow }: VirtualRowsProps) {
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollElement,
    estimateSize: () => 140,
    overscan: 6,
  });
  useImperativeHandle(
    ref,
    () => ({ scrollToRow: (index) => virtualizer.scrollToIndex(index, { align: 'start' }) }),
    [virtualizer],
  );
  const items = virtualizer.getVirtualItems();
  return (
    <div className="cv-virtual-space" style={{ height: virtualizer.getTotalSize() }}>
      <div className="cv-virtual-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
        {items.map((item) => (
          <div
            key={item.key}
            className="cv-row"
            data-row={item.index}
            data-index={item.index}
            ref={virtualizer.measureElement}
          >
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
