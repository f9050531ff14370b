/**
 * Two panes and a splitter between them (issue 17, "a layout that gives the reading room"): side
 * by side when `sideBySide`, stacked otherwise. The splitter is the APG window splitter
 * (https://www.w3.org/WAI/ARIA/apg/patterns/windowsplitter/): a focusable `role="separator"` with
 * `aria-valuenow` (the first pane's share, in percent), moved by dragging it (pointer capture) or by
 * the arrow keys (5%), Page Up/Down (20%), Home and End. Each orientation remembers its own share
 * in localStorage, so a reload keeps the size.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { readStored, writeStored } from './stored-value';

export interface SplitPaneProps {
  /** Side by side (a vertical splitter) or stacked (a horizontal one). */
  sideBySide: boolean;
  /** localStorage key prefix; the orientation is appended. */
  storageKey: string;
  /** The first pane's share in percent when nothing is remembered, per orientation. */
  defaultShare: { sideBySide: number; stacked: number };
  /** Accessible name of the splitter, e.g. "Resize the interactions list". */
  label: string;
  /** The id of the first pane (the splitter's aria-controls). */
  firstId: string;
  first: ReactNode;
  second: ReactNode;
}

const MIN_SHARE = 10;
const MAX_SHARE = 85;
const STEP = 5;
const PAGE_STEP = 20;

const clamp = (share: number) => Math.round(Math.max(MIN_SHARE, Math.min(MAX_SHARE, share)));

function readShare(key: string, fallback: number): number {
  return readStored(
    key,
    (text) => {
      const stored = Number(text);
      return Number.isFinite(stored) && stored > 0 ? clamp(stored) : null;
    },
    fallback,
  );
}

export function SplitPane({
  sideBySide,
  storageKey,
  defaultShare,
  label,
  firstId,
  first,
  second,
}: SplitPaneProps) {
  const key = `${storageKey}.${sideBySide ? 'side-by-side' : 'stacked'}`;
  const fallback = sideBySide ? defaultShare.sideBySide : defaultShare.stacked;
  const [shares, setShares] = useState<Record<string, number>>({});
  const share = shares[key] ?? readShare(key, fallback);
  const rootRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  const set = useCallback(
    (next: number) => {
      const value = clamp(next);
      setShares((previous) => ({ ...previous, [key]: value }));
      writeStored(key, String(value));
    },
    [key],
  );

  const shareAt = (event: PointerEvent<HTMLDivElement>): number | null => {
    const box = rootRef.current?.getBoundingClientRect();
    if (!box) return null;
    const size = sideBySide ? box.width : box.height;
    if (size <= 0) return null;
    return ((sideBySide ? event.clientX - box.left : event.clientY - box.top) / size) * 100;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    dragging.current = true;
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const next = shareAt(event);
    if (next !== null) set(next);
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const back = sideBySide ? 'ArrowLeft' : 'ArrowUp';
    const forward = sideBySide ? 'ArrowRight' : 'ArrowDown';
    const steps: Record<string, number> = {
      [back]: share - STEP,
      [forward]: share + STEP,
      PageUp: share - PAGE_STEP,
      PageDown: share + PAGE_STEP,
      Home: MIN_SHARE,
      End: MAX_SHARE,
    };
    const next = steps[event.key];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  };

  const orientation = sideBySide ? 'side-by-side' : 'stacked';
  return (
    <div
      ref={rootRef}
      className={`split-pane split-pane--${orientation}`}
      // The panes share the space as fractions, so the splitter's own size never overflows it.
      // Stacked, the list never gets less than its own minimum (toolbar and header; its rows
      // scroll): at phone widths the toolbar wraps to three lines and ran under the splitter.
      style={
        sideBySide
          ? { gridTemplateColumns: `minmax(0, ${share}fr) auto minmax(0, ${100 - share}fr)` }
          : { gridTemplateRows: `minmax(min-content, ${share}fr) auto minmax(0, ${100 - share}fr)` }
      }
    >
      <div className="split-pane__first" id={firstId}>
        {first}
      </div>
      <div
        className="split-pane__splitter"
        role="separator"
        tabIndex={0}
        aria-label={label}
        aria-controls={firstId}
        // A side-by-side layout has a vertical splitter (APG: aria-orientation is the separator's).
        aria-orientation={sideBySide ? 'vertical' : 'horizontal'}
        aria-valuenow={share}
        aria-valuemin={MIN_SHARE}
        aria-valuemax={MAX_SHARE}
        aria-valuetext={`list ${share}%`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane__second">{second}</div>
    </div>
  );
}
