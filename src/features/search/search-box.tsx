/**
 * The search box (issue 17): one field that filters the calls by anything they hold and walks the
 * matches in the conversation. Enter goes to the next match, Shift+Enter to the previous one (as
 * in a browser's find bar), Escape clears. "n of m" counts the matches in the conversation text of
 * the calls that are left; the count is announced politely (`aria-live`; not a second `status` role, which the status bar is).
 */
import type { KeyboardEvent } from 'react';
import { formatCount } from '../../ui/format';
import './search-box.css';

export interface SearchBoxProps {
  query: string;
  onQueryChange: (query: string) => void;
  /** True while the worker's index has not answered the current query. */
  pending: boolean;
  /** The index could not answer: the rows' own facts are matched instead. */
  error: string | null;
  /** Matches in the conversation and the current one (from 0), or null when none is chosen. */
  hitCount: number;
  hitPosition: number | null;
  /** Whether the query has terms (an empty box shows no count). */
  active: boolean;
  onNext: () => void;
  onPrevious: () => void;
  /** The box got focus: the worker may start building its index. */
  onFocus?: () => void;
}

function hitLabel({ pending, hitCount, hitPosition, active }: SearchBoxProps): string {
  if (!active) return '';
  if (pending) return 'Searching…';
  if (hitCount === 0) return 'No match in the conversation';
  return `${hitPosition === null ? '–' : formatCount(hitPosition + 1)} of ${formatCount(hitCount)}`;
}

export function SearchBox(props: SearchBoxProps) {
  const { query, onQueryChange, hitCount, onNext, onPrevious, error } = props;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) onPrevious();
      else onNext();
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      onQueryChange('');
    }
  };
  const canStep = props.active && !props.pending && hitCount > 0;
  return (
    <div className="search-box" role="search">
      <input
        type="search"
        className="text-input search-box__input"
        placeholder="Search URLs, models, messages, tools, errors…"
        aria-label="Filter interactions"
        aria-describedby="search-box-hits"
        title="Enter: next match · Shift+Enter: previous · Escape: clear"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
        onFocus={props.onFocus}
      />
      <span id="search-box-hits" className="search-box__hits" aria-live="polite">
        {hitLabel(props)}
      </span>
      <button
        type="button"
        className="search-box__step"
        aria-label="Previous match (Shift+Enter)"
        disabled={!canStep}
        onClick={onPrevious}
      >
        ↑
      </button>
      <button
        type="button"
        className="search-box__step"
        aria-label="Next match (Enter)"
        disabled={!canStep}
        onClick={onNext}
      >
        ↓
      </button>
      {error && (
        <span className="search-box__error" role="alert">
          Message text not searched ({error}); URL, model and status still are.
        </span>
      )}
    </div>
  );
}
