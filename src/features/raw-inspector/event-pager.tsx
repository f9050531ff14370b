/**
 * Paging through stream events, with the visible range: first, previous, next, last, and (on the
 * pager above the list) "Go to event" for a stream of many pages, where paging by hundreds would
 * not reach event 50,000 (issue 8's 100,000-event body).
 */
import { useId, useState, type FormEvent } from 'react';

export interface EventPagerProps {
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** Shows a "Go to event" box that hands over the event number typed (counted from 0). */
  onGoToEvent?: (eventIndex: number) => void;
}

export function EventPager({ page, pages, total, pageSize, onPage, onGoToEvent }: EventPagerProps) {
  const inputId = useId();
  const [target, setTarget] = useState('');
  const last = pages - 1;
  const goTo = (event: FormEvent) => {
    event.preventDefault();
    const index = Number(target);
    if (target.trim() === '' || !Number.isInteger(index)) return;
    onGoToEvent?.(Math.max(0, Math.min(total - 1, index)));
  };
  return (
    <nav className="ri-pager" aria-label="Event pages">
      <button type="button" className="ri-button" disabled={page === 0} onClick={() => onPage(0)}>
        ⇤ First
      </button>
      <button type="button" className="ri-button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ← Previous
      </button>
      <span>
        Events {(page * pageSize).toLocaleString('en-US')}–
        {(Math.min((page + 1) * pageSize, total) - 1).toLocaleString('en-US')} · page{' '}
        {(page + 1).toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
      </span>
      <button type="button" className="ri-button" disabled={page >= last} onClick={() => onPage(page + 1)}>
        Next →
      </button>
      <button type="button" className="ri-button" disabled={page >= last} onClick={() => onPage(last)}>
        Last ⇥
      </button>
      {onGoToEvent && (
        <form className="ri-pager__goto" onSubmit={goTo}>
          <label htmlFor={inputId}>Go to event</label>
          <input
            id={inputId}
            type="number"
            inputMode="numeric"
            min={0}
            max={total - 1}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          />
          <button type="submit" className="ri-button">
            Go
          </button>
        </form>
      )}
    </nav>
  );
}
