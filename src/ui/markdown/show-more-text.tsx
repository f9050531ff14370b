/**
 * Long text in pages: the first `pageChars` characters, then "Show more" adds a page. Keeps a
 * 50 MB body or a huge message from putting megabytes of text in the DOM at once (issue 8, 9).
 * Cuts fall on a line break near the limit when there is one, so lines are not split mid-way.
 */
import { useState } from 'react';

export interface ShowMoreTextProps {
  text: string;
  pageChars?: number;
  className?: string;
  /** Applied to the visible slice only, so a transform of a huge text costs one page. */
  transform?: (slice: string) => string;
  /**
   * A tab stop on the text, for blocks that scroll sideways (raw bodies): a keyboard user can then
   * scroll them (WCAG 2.1.1, axe `scrollable-region-focusable`). Off by default, so short cards
   * do not each add a stop.
   */
  focusable?: boolean;
}

/** Where to cut `text` so that about `limit` characters show, preferring a line end. */
export function findCut(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const lineEnd = text.lastIndexOf('\n', limit);
  return lineEnd > limit * 0.8 ? lineEnd + 1 : limit;
}

export function ShowMoreText({
  text,
  pageChars = 20_000,
  className,
  transform,
  focusable = false,
}: ShowMoreTextProps) {
  const [limit, setLimit] = useState(pageChars);
  const cut = findCut(text, limit);
  const visible = text.slice(0, cut);
  const remaining = text.length - cut;
  return (
    <>
      <pre className={className} tabIndex={focusable ? 0 : undefined}>
        {transform ? transform(visible) : visible}
      </pre>
      {remaining > 0 && (
        <div className="show-more-bar">
          <button type="button" className="show-more-button" onClick={() => setLimit(cut + pageChars)}>
            Show more ({remaining.toLocaleString('en-US')} characters left)
          </button>
          <button type="button" className="show-more-button" onClick={() => setLimit(text.length)}>
            Show all
          </button>
        </div>
      )}
    </>
  );
}
