/**
 * Cheap splitting of a block-YAML cassette's top-level interaction list (issue 9), so workers can
 * parse and normalize the interactions in parallel. A line scan, no parse: it finds the root key
 * (`interactions:` for go-vcr and vcrpy, `http_interactions:` for Ruby VCR) and the block sequence
 * items under it (`- ` at the list's indentation, YAML 1.2 §8.2.1 block sequences).
 *
 * It answers only when the split is certain; otherwise null, and the caller reads the whole
 * document as before. Not certain: JSON/flow text, directives (`%TAG` would not reach the pieces),
 * anchors anywhere (an alias in one item may name an anchor in another), tabs or odd indentation
 * in the list, a list key that is not alone on its line. Everything else that could make a piece
 * differ from its place in the whole (a quoted scalar cut at a split point, a flow collection that
 * spans items) makes that piece fail to parse, and the caller falls back then too
 * (split-load.ts).
 */

/** One interaction's text: `text.slice(start, end)`, starting at column 0 of 1-based `line`. */
export interface ItemSpan {
  start: number;
  end: number;
  line: number;
}

export interface SplitPlan {
  /** The root key holding the list. */
  key: string;
  /** Where the list's items end (the rest of the root mapping follows). */
  listEnd: number;
  items: ItemSpan[];
}

const LIST_KEYS = ['interactions', 'http_interactions'];

/**
 * An anchor property (`&name`) where YAML could read one: after a line start, a space or a flow
 * indicator (§6.9.2). Also matches `&` in some text (then we only lose the fast path).
 */
const ANCHOR = /(?:^|[\s,[{])&[^\s,[\]{}]/m;

/** Returns the split, or null whenever a plain line scan could be wrong. */
export function splitInteractionList(text: string): SplitPlan | null {
  const first = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text)?.[0];
  if (first === undefined || first === '{' || first === '[' || first === '%') return null;
  if (ANCHOR.test(text)) return null;

  // The list key: alone on a column-0 line (a trailing comment is fine).
  let keyLineEnd = -1;
  let key = '';
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const end = lineEnd(text, at);
    const content = text.slice(at, end).replace(/\r$/, '');
    if (content.startsWith('%')) return null;
    const match = /^([a-z_]+):\s*(#.*)?$/.exec(content);
    if (match && LIST_KEYS.includes(match[1]!)) {
      key = match[1]!;
      keyLineEnd = end;
      break;
    }
    at = end + 1;
    line++;
  }
  if (keyLineEnd < 0) return null;

  const items: ItemSpan[] = [];
  let indent = -1;
  at = keyLineEnd + 1;
  line++;
  let listEnd = text.length;
  while (at < text.length) {
    // Char codes only: this loop visits every line of a 43 MB file.
    const end = lineEnd(text, at);
    let p = at;
    while (p < end && text.charCodeAt(p) === 0x20) p++;
    const spaces = p - at;
    const c = p < end ? text.charCodeAt(p) : -1;
    if (c === 0x09) return null;
    if (c === -1 || c === 0x0d || c === 0x23) {
      // Blank or comment lines belong to the item before (or sit before the first).
    } else if (indent < 0) {
      if (!isItemStart(text, p, end)) return null; // not a block sequence (flow list, scalar, …)
      indent = spaces;
      items.push({ start: at, end: text.length, line });
    } else if (spaces === indent && isItemStart(text, p, end)) {
      items.at(-1)!.end = at;
      items.push({ start: at, end: text.length, line });
    } else if (spaces < indent || (indent === 0 && spaces === 0)) {
      // Column 0 content ends the list (the next root key, `...` or `---`); anything else shallower is odd.
      if (spaces !== 0) return null;
      listEnd = at;
      break;
    } else if (spaces === indent) return null; // content at the item column that is not an item
    at = end + 1;
    line++;
  }
  if (items.length === 0) return null;
  items.at(-1)!.end = listEnd;
  return { key, listEnd, items };
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}

/** `-` followed by a space or the end of the line: a block sequence entry (§8.2.1). */
function isItemStart(text: string, p: number, end: number): boolean {
  if (text.charCodeAt(p) !== 0x2d) return false;
  const next = p + 1 < end ? text.charCodeAt(p + 1) : -1;
  return next === -1 || next === 0x20 || next === 0x0d;
}
