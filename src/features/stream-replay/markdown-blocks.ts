/**
 * Splits growing markdown into top-level blocks at blank lines, outside fenced code
 * (CommonMark: a blank line ends a paragraph, https://spec.commonmark.org/0.31.2/#paragraphs;
 * fences are ``` or ~~~, https://spec.commonmark.org/0.31.2/#fenced-code-blocks). While a stream
 * grows, every block but the last is final, so the view memoizes them and re-parses only the
 * tail: a 5,000-event answer costs one small parse per event instead of the whole text.
 *
 * Loose lists split into one list per item; an ordered list keeps its numbering because the
 * item keeps its own start number.
 */
export function splitMarkdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  const lines = text.split('\n');
  let current: string[] = [];
  let fence: string | null = null;
  let blank = false;
  for (const line of lines) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && blank && line.trim() !== '' && !/^\s/.test(line) && current.length > 0) {
      // A non-indented line after a blank one starts a new block (indented lines may continue a list item).
      blocks.push(current.join('\n'));
      current = [];
    }
    current.push(line);
    if (marker) {
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    }
    blank = fence === null && line.trim() === '';
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}
