/**
 * What the detail shows when the search leaves no call (issue 17: a hidden call is never the one
 * shown): the query, and a way back to every call.
 */
export interface SearchNoMatchProps {
  query: string;
  onClear: () => void;
}

export function SearchNoMatch({ query, onClear }: SearchNoMatchProps) {
  return (
    <div className="panel-note search-no-match" role="status">
      <p>
        No call matches “{query.trim()}”: none holds every word in its URL, model, status, messages, tools or
        errors.
      </p>
      <button type="button" className="cv-link-button" onClick={onClear}>
        Clear the search
      </button>
    </div>
  );
}
