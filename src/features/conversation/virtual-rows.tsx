/**
 * Virtualized rows for long threads, with @tanstack/react-virtual's `useVirtualizer`
 * (https://tanstack.com/virtual/latest/docs/api/virtualizer). Rows are measured after render
 * (`measureElement`) because messages range from one line to pages.
 */
import { useImperativeHandle, type ReactNode, type Ref } from 'react';
import { measureElement, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { revealIndex } from '../../ui/virtual-reveal';

export interface VirtualRowsHandle {
  scrollToRow: (index: number) => void;
}

export interface VirtualRowsProps {
  ref: Ref<VirtualRowsHandle>;
  count: number;
  scrollElement: HTMLDivElement | null;
  renderRow: (index: number) => ReactNode;
}

/**
 * A row's height from its ResizeObserver entry, never read while the rows are being added.
 * The default reads getBoundingClientRect in each row's ref callback, inside React's commit, which
 * forces a synchronous layout of the whole new window there: on a large file the commit that
 * mounts the conversation was the page's longest task. ResizeObserver reports every observed row
 * once it is laid out, before that frame is painted (https://drafts.csswg.org/resize-observer/#html-event-loop),
 * so rows are placed by their real heights in the first frame the user sees. Until then a row
 * keeps the size it last had, or the estimate.
 */
export function measureObserved(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, Element>,
): number {
  if (entry) return measureElement(element, entry, instance);
  const index = instance.indexFromElement(element);
  return (
    instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index)
  );
}

export function VirtualRows({ ref, count, scrollElement, renderRow }: VirtualRowsProps) {
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollElement,
    estimateSize: () => 140,
    overscan: 6,
    measureElement: measureObserved,
  });
  useImperativeHandle(
    ref,
    // Skipped when the row is already at the top: no forced layout (ui/virtual-reveal.ts).
    () => ({ scrollToRow: (index) => revealIndex(virtualizer, index, 'start') }),
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
