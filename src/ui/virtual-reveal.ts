/**
 * Scrolling a virtualized list to a row without a forced layout when it would not move.
 *
 * @tanstack/virtual-core's `scrollToIndex` clamps its target to the largest scroll offset, which
 * it reads from the scroll element (`scrollHeight - clientHeight`), even when the row is already
 * where it should be. Reading `scrollHeight` forces a synchronous layout of everything that
 * changed since the last frame (https://html.spec.whatwg.org/multipage/rendering.html and
 * https://drafts.csswg.org/cssom-view/#dom-element-scrollheight). The lists reveal the selected row
 * each time their data changes, so while a large file streams in, each batch paid for a full
 * layout there: on the 43 MB bench file, one such read was a 65 ms task just before the status.
 * This decides from the virtualizer's own cached state (its measurements, its scroll offset and
 * the viewport size its ResizeObserver last reported) whether the scroll would stay put.
 */
import type { Virtualizer } from '@tanstack/react-virtual';

/** What the check reads of a virtualizer: its cached state only, nothing from the DOM. */
export type RevealState = Pick<
  Virtualizer<HTMLElement, Element>,
  'measurementsCache' | 'scrollOffset' | 'scrollRect'
>;

/** Half a CSS pixel: offsets come from layout and may be fractional. */
const EPSILON = 0.5;

/**
 * True when `scrollToIndex(index, { align })` would leave the scroll offset as it is: with
 * 'auto', the row lies wholly inside the viewport; with 'start', its top is the viewport's top.
 * False whenever the state is not known yet (no measurement, no offset, no viewport size).
 */
export function scrollWouldStay(state: RevealState, index: number, align: 'auto' | 'start'): boolean {
  const item = state.measurementsCache[index];
  const offset = state.scrollOffset;
  const height = state.scrollRect?.height;
  if (!item || offset === null || height === undefined || height <= 0) return false;
  if (align === 'start') return Math.abs(item.start - offset) < EPSILON;
  return item.start >= offset - EPSILON && item.end <= offset + height + EPSILON;
}

/** `virtualizer.scrollToIndex`, skipped when the row is already where it would be scrolled to. */
export function revealIndex(
  virtualizer: RevealState & Pick<Virtualizer<HTMLElement, Element>, 'scrollToIndex'>,
  index: number,
  align: 'auto' | 'start',
): void {
  if (!scrollWouldStay(virtualizer, index, align)) virtualizer.scrollToIndex(index, { align });
}
