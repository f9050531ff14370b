/**
 * Keeps Tab inside a modal dialog. A modal <dialog> makes the page inert, but Tab from its last
 * control still leaves it for the document itself (Chromium stops once on the page body, then the
 * browser's own UI) before it wraps. The APG dialog pattern
 * (https://www.w3.org/WAI/ARIA/apg/patterns/dialog-modal/) wraps from the last control to the
 * first and back, which this does.
 */
import type { KeyboardEvent } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type=hidden])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The controls Tab can reach inside `root`, in order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => !element.hidden && element.tabIndex >= 0 && element.getClientRects().length > 0,
  );
}

/**
 * A keydown handler for the dialog element: Tab and Shift+Tab move through the dialog's own
 * controls and wrap at its ends. It moves focus itself rather than only at the ends, so a control
 * the list does not know (focus on the dialog, on a non-tabbable element) cannot let Tab escape.
 */
export function trapTabKey(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const stops = tabStops(event.currentTarget);
  if (stops.length === 0) return;
  event.preventDefault();
  const position = stops.indexOf(document.activeElement as HTMLElement);
  const next =
    position < 0
      ? event.shiftKey
        ? stops.length - 1
        : 0
      : (position + (event.shiftKey ? -1 : 1) + stops.length) % stops.length;
  stops[next]?.focus();
}
