/**
 * The open cassettes, by name, with interaction and error counts; one click switches (issue 2).
 * Each entry is a button with `aria-current` on the selected one, so the list works by keyboard
 * and reads well to screen readers. Counts are passed in: the app computes them once per file.
 */
import { formatCount, plural } from '../../ui/format';

export type CassetteListItem =
  | { id: string; name: string; status: 'loading'; stage: string }
  | { id: string; name: string; status: 'loaded'; interactions: number; errors: number }
  | { id: string; name: string; status: 'failed'; message: string };

export interface CassetteListProps {
  items: CassetteListItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onClose: (id: string) => void;
}

function Detail({ item }: { item: CassetteListItem }) {
  if (item.status === 'loading') {
    return (
      <span className="cassette-list__detail cassette-list__detail--loading">
        <span className="spinner" aria-hidden="true" /> {item.stage}…
      </span>
    );
  }
  if (item.status === 'failed') {
    return <span className="cassette-list__detail cassette-list__detail--failed">could not load</span>;
  }
  return (
    <span className="cassette-list__detail">
      {plural(item.interactions, 'interaction')}
      {item.errors > 0 && <span className="error-count"> · {plural(item.errors, 'error')}</span>}
    </span>
  );
}

export function CassetteList({ items, selectedId, onSelect, onClose }: CassetteListProps) {
  if (items.length === 0) return null;
  return (
    <nav className="cassette-list" aria-label="Open cassettes">
      <h2 className="sidebar-heading">
        Cassettes <span className="sidebar-heading__count">{formatCount(items.length)}</span>
      </h2>
      <ul>
        {items.map((item) => {
          const selected = item.id === selectedId;
          return (
            <li
              key={item.id}
              className={`cassette-list__item cassette-list__item--${item.status}${selected ? ' is-selected' : ''}`}
            >
              <button
                type="button"
                className="cassette-list__select"
                aria-current={selected ? 'true' : undefined}
                onClick={() => onSelect(item.id)}
                title={item.name}
              >
                <span className="cassette-list__name">{item.name}</span>
                <Detail item={item} />
              </button>
              <button
                type="button"
                className="icon-button cassette-list__close"
                aria-label={`Close ${item.name}`}
                title="Close"
                onClick={() => onClose(item.id)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
