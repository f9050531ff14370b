import { describe, expect, it, vi } from 'vitest';
import type { VirtualItem } from '@tanstack/react-virtual';
import { revealIndex, scrollWouldStay, type RevealState } from './virtual-reveal';

/** Rows of 36 px from 0, a viewport `height` tall scrolled to `offset`. */
function state(offset: number | null, height: number | null, rows = 100): RevealState {
  const measurementsCache: VirtualItem[] = Array.from({ length: rows }, (_, index) => ({
    key: index,
    index,
    start: index * 36,
    end: index * 36 + 36,
    size: 36,
    lane: 0,
  }));
  return {
    measurementsCache,
    scrollOffset: offset,
    scrollRect: height === null ? null : { width: 800, height },
  };
}

describe('scrollWouldStay', () => {
  it('with auto, keeps a row wholly in view and moves one cut by either edge or outside', () => {
    const s = state(360, 360); // rows 10..19 are wholly visible
    expect(scrollWouldStay(s, 10, 'auto')).toBe(true);
    expect(scrollWouldStay(s, 19, 'auto')).toBe(true);
    expect(scrollWouldStay(s, 9, 'auto')).toBe(false);
    expect(scrollWouldStay(s, 20, 'auto')).toBe(false);
    expect(scrollWouldStay(state(370, 360), 10, 'auto')).toBe(false);
    expect(scrollWouldStay(s, 80, 'auto')).toBe(false);
  });

  it('with start, stays only when the row already starts at the top', () => {
    expect(scrollWouldStay(state(0, 360), 0, 'start')).toBe(true);
    expect(scrollWouldStay(state(360.2, 360), 10, 'start')).toBe(true);
    expect(scrollWouldStay(state(360, 360), 11, 'start')).toBe(false);
    expect(scrollWouldStay(state(10, 360), 0, 'start')).toBe(false);
  });

  it('says no while the virtualizer has not measured, scrolled or sized yet', () => {
    expect(scrollWouldStay(state(null, 360), 0, 'auto')).toBe(false);
    expect(scrollWouldStay(state(0, null), 0, 'auto')).toBe(false);
    expect(scrollWouldStay(state(0, 0), 0, 'auto')).toBe(false);
    expect(scrollWouldStay(state(0, 360, 0), 0, 'start')).toBe(false);
  });
});

describe('revealIndex', () => {
  it('calls scrollToIndex only when the scroll would move', () => {
    const scrollToIndex = vi.fn();
    const virtualizer = { ...state(0, 360), scrollToIndex };
    revealIndex(virtualizer, 0, 'auto');
    revealIndex(virtualizer, 0, 'start');
    expect(scrollToIndex).not.toHaveBeenCalled();
    revealIndex(virtualizer, 50, 'auto');
    expect(scrollToIndex).toHaveBeenCalledWith(50, { align: 'auto' });
  });
});
