/**
 * Search highlights without touching the DOM (issue 17): the CSS Custom Highlight API paints
 * ranges of text (https://drafts.csswg.org/css-highlight-api-1/, `CSS.highlights`, `Highlight`),
 * so React's nodes and the markdown renderer's output stay exactly as they are, and no untrusted
 * text is ever re-parsed or wrapped in new markup. Styled with `::highlight(name)`. Where the API
 * is missing the page still counts and scrolls to matches; it only paints nothing.
 */
import { matchRanges } from '../core/search/query-terms';

/** Ranges of `pattern`'s matches in the text under `root`, in document order, node by node. */
export function rangesIn(root: Node, pattern: RegExp): Range[] {
  const ranges: Range[] = [];
  const document = root.ownerDocument ?? (root as Document);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (const [start, end] of matchRanges(text, pattern)) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  return ranges;
}

type Registry = { set(name: string, highlight: unknown): void; delete(name: string): void };

function registry(): Registry | null {
  const css = (globalThis as { CSS?: { highlights?: Registry } }).CSS;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

/** Paints `ranges` as the highlight `name` (replacing what it painted before); false when unsupported. */
export function paintHighlight(name: string, ranges: readonly Range[]): boolean {
  const highlights = registry();
  if (!highlights) return false;
  if (ranges.length === 0) {
    highlights.delete(name);
    return true;
  }
  // add() one by one, not `new Highlight(...ranges)`: a long body can hold more matches than an
  // engine takes as arguments (src/lib/arrays.ts).
  const highlight = new Highlight();
  for (const range of ranges) highlight.add(range);
  highlights.set(name, highlight);
  return true;
}

/** Opens every closed `<details>` around the range, so the match it marks can be seen. */
export function revealRange(range: Range): void {
  let element = range.startContainer.parentElement;
  while (element) {
    if (element instanceof HTMLDetailsElement && !element.open) element.open = true;
    element = element.parentElement;
  }
}
