/** Previous / next through pages of stream events, with the visible range. */

export interface EventPagerProps {
  page: number;
  pages: number;
  total: number;
  pageSize: number;
  onPage: (page: number) => void;
}

export function EventPager({ page, pages, total, pageSize, onPage }: EventPagerProps) {
  return (
    <nav className="ri-pager" aria-label="Event pages">
      <button type="button" className="ri-button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        ← Previous
      </button>
      <span>
        Events {(page * pageSize).toLocaleString('en-US')}–
        {(Math.min((page + 1) * pageSize, total) - 1).toLocaleString('en-US')} · page {page + 1} of{' '}
        {pages.toLocaleString('en-US')}
      </span>
      <button
        type="button"
        className="ri-button"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        Next →
      </button>
    </nav>
  );
}
