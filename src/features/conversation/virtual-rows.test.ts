import { describe, expect, it } from 'vitest';
import type { Virtualizer } from '@tanstack/react-virtual';
import { measureObserved } from './virtual-rows';

/** A row element that fails the test if anything forces a layout by reading its box. */
function rowElement(index: number): Element {
  return {
    getAttribute: (name: string) => (name === 'data-index' ? String(index) : null),
    getBoundingClientRect: () => {
      throw new Error('a layout was forced while the rows were being added');
    },
  } as unknown as Element;
}

function virtualizer(cached: Map<number, number>): Virtualizer<HTMLDivElement, Element> {
  return {
    options: { horizontal: false, getItemKey: (index: number) => index, estimateSize: () => 140 },
    itemSizeCache: cached,
    indexFromElement: (element: Element) => Number(element.getAttribute('data-index')),
  } as unknown as Virtualizer<HTMLDivElement, Element>;
}

function observed(blockSize: number): ResizeObserverEntry {
  return { borderBoxSize: [{ blockSize, inlineSize: 800 }] } as unknown as ResizeObserverEntry;
}

describe('measureObserved', () => {
  it('takes the height a ResizeObserver reported, rounded as the virtualizer rounds it', () => {
    expect(measureObserved(rowElement(3), observed(211.6), virtualizer(new Map()))).toBe(212);
  });

  it('keeps a row’s last known height, or the estimate, while it is being added', () => {
    const instance = virtualizer(new Map([[4, 96]]));
    expect(measureObserved(rowElement(4), undefined, instance)).toBe(96);
    expect(measureObserved(rowElement(5), undefined, instance)).toBe(140);
  });
});
