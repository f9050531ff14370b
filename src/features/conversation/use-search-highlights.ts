/**
 * Paints the search's matches in the rendered rows of the timeline and brings the current one into
 * view (issue 17). Rows mount and unmount as a virtualized timeline scrolls, folds open, "Show
 * more" adds text: a MutationObserver and the scroll event repaint, at most once a frame. Only
 * the elements marked SEARCHABLE in rows of calls the filter leaves are painted, so the k-th range
 * of an item's row is search-hits.ts's k-th hit of that item.
 */
import { useEffect, useRef } from 'react';
import { appendAll } from '../../lib/arrays';
import { paintHighlight, rangesIn, revealRange } from '../../ui/text-highlight';
import type { SearchHit } from './search-hits';
import type { TimelineModel } from './timeline-model';

export interface TimelineSearch {
  pattern: RegExp | null;
  /** The calls the filter leaves; null for all. */
  visible: ReadonlySet<number> | null;
  /** The current match (Enter / Shift+Enter), if any. */
  active: SearchHit | null;
  /** Changes with every step, so stepping to the same match again scrolls to it again. */
  seq: number;
}

const HIT = 'cv-search-hit';
const CURRENT = 'cv-search-current';

function rowRanges(row: Element, pattern: RegExp): Range[] {
  return [...row.querySelectorAll('[data-search]')].flatMap((element) => rangesIn(element, pattern));
}

function rowElement(container: HTMLElement, row: number): HTMLElement | null {
  return container.querySelector<HTMLElement>(`[data-row="${row}"]`);
}

function currentRange(container: HTMLElement, model: TimelineModel, search: TimelineSearch): Range | null {
  const { active, pattern } = search;
  const rowIndex = active ? model.rowByItem.get(active.item) : undefined;
  const row = rowIndex !== undefined && pattern ? rowElement(container, rowIndex) : null;
  if (!row || !active || !pattern) return null;
  const ranges = rowRanges(row, pattern);
  return ranges[Math.min(active.k, ranges.length - 1)] ?? null;
}

export function useSearchHighlights(
  container: HTMLElement | null,
  model: TimelineModel,
  search: TimelineSearch | undefined,
  revealRow: (row: number) => void,
  scrollTo: (target: { getBoundingClientRect(): DOMRect }) => void,
): void {
  // Paint every visible match, and the current one apart.
  useEffect(() => {
    if (!container || !search?.pattern) return;
    const { pattern, visible } = search;
    let frame = 0;
    const paint = () => {
      frame = 0;
      const ranges: Range[] = [];
      for (const element of container.querySelectorAll<HTMLElement>('[data-row]')) {
        const row = model.rows[Number(element.dataset.row)];
        if (row?.kind !== 'item' || (visible && !visible.has(row.item.exchangeIndex))) continue;
        appendAll(ranges, rowRanges(element, pattern));
      }
      paintHighlight(HIT, ranges);
      const current = currentRange(container, model, search);
      paintHighlight(CURRENT, current ? [current] : []);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(paint);
    };
    schedule();
    const observer = new MutationObserver(schedule);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    container.addEventListener('scroll', schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      container.removeEventListener('scroll', schedule);
      paintHighlight(HIT, []);
      paintHighlight(CURRENT, []);
    };
  }, [container, model, search]);

  // Bring the current match into view: its row first (rendered by the virtualizer if need be),
  // then the match itself, once the row is in the DOM. Once per step (`seq`), not per repaint.
  const shownSeq = useRef(0);
  useEffect(() => {
    const active = search?.active;
    const rowIndex = active ? model.rowByItem.get(active.item) : undefined;
    if (!container || !search?.pattern || rowIndex === undefined || shownSeq.current === search.seq) return;
    shownSeq.current = search.seq;
    revealRow(rowIndex);
    let tries = 0;
    const show = () => {
      if (!container.isConnected) return;
      const row = rowElement(container, rowIndex);
      if (!row && tries++ < 20) {
        requestAnimationFrame(show);
        return;
      }
      const range = currentRange(container, model, search);
      if (range) {
        revealRange(range);
        scrollTo(range);
        intoView(range);
        paintHighlight(CURRENT, [range]);
      } else if (row) {
        scrollTo(row);
        intoView(row);
      }
    };
    // Three frames: the selection's own scroll (conversation-timeline.tsx, two frames) runs first.
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(show)));
  }, [container, model, search, revealRow, scrollTo]);
}

/**
 * The timeline has scrolled the match to its middle, but on a narrow screen the page stacks the
 * table above the timeline, and the timeline can sit below what the page's own scroll area shows.
 * `block: 'nearest'` moves an ancestor only when the match is not already inside what it shows
 * (CSSOM View, https://drafts.csswg.org/cssom-view/#dom-element-scrollintoview), so a wide layout,
 * where it is, does not move, and the table above stays where it is.
 */
function intoView(target: Range | HTMLElement): void {
  const element = target instanceof Range ? target.startContainer.parentElement : target;
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
