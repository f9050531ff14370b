/**
 * Cheap splitting of a block-YAML cassette's top-level interaction list (issue 9), so workers can
 * parse and normalize the interactions in parallel. A line scan over the file's bytes, no parse and
 * no decoding of the whole file: every character it looks at (space, `-`, `#`, tab, CR, LF, `%`)
 * is ASCII, and a UTF-8 byte below 0x80 is always that character (RFC 3629 §3), so byte offsets
 * are safe cut points and each piece is decoded by the worker that reads it. It finds the root key
 * (`interactions:` for go-vcr and vcrpy, `http_interactions:` for Ruby VCR) and the block sequence
 * items under it (`- ` at the list's indentation, YAML 1.2 §8.2.1 block sequences).
 *
 * It answers only when the split is certain; otherwise null, and the caller reads the whole
 * document as before. Not certain: JSON/flow text, directives (`%TAG` would not reach the pieces),
 * tabs or odd indentation in the list, a list key that is not alone on its line. Everything else
 * that could make a piece differ from its place in the whole (a quoted scalar cut at a split
 * point, a flow collection that spans items, an anchor that another item could name, bytes that
 * are not UTF-8) makes that piece refuse to load, and the caller falls back then too
 * (split-load.ts).
 */
import { decodeUtf8Lenient } from '../../../lib/text';

/** One interaction's bytes: `bytes.subarray(start, end)`, starting at column 0 of 1-based `line`. */
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

/** Returns the split, or null whenever a plain line scan could be wrong. */
export function splitInteractionList(bytes: Uint8Array): SplitPlan | null {
  const scanner = InteractionListScanner.start(bytes);
  if (!scanner) return null;
  let state: ScanState = 'more';
  while (state === 'more') state = scanner.scan(Infinity);
  return state === 'done' ? scanner.plan() : null;
}

export type ScanState = 'more' | 'done' | 'not-splittable';

/**
 * The line scan in steps, so a load can send out the first interactions while it still scans the
 * rest of a large file (issue 9: first rows early). `items` grows as the scan goes; every item but
 * the last is final (an item ends where the next begins).
 */
export class InteractionListScanner {
  readonly items: ItemSpan[] = [];
  /** Column of the list's `-` once the first item is seen; -1 before. */
  indent = -1;
  listEnd: number;
  private at: number;
  private line: number;
  private state: ScanState = 'more';

  private readonly bytes: Uint8Array;
  readonly key: string;

  private constructor(bytes: Uint8Array, key: string, keyLineEnd: number, keyLine: number) {
    this.bytes = bytes;
    this.key = key;
    this.at = keyLineEnd + 1;
    this.line = keyLine + 1;
    this.listEnd = bytes.length;
  }

  /** Finds the list key; null when the text is not for a line scan. */
  static start(bytes: Uint8Array): InteractionListScanner | null {
    const first = firstContentByte(bytes);
    // Flow or JSON text, a directive, or a first character outside ASCII: not for a line scan.
    if (first < 0 || first === 0x7b || first === 0x5b || first === 0x25 || first >= 0x80) return null;
    // The list key: alone on a column-0 line (a trailing comment is fine).
    let line = 1;
    for (let at = 0; at < bytes.length; line++) {
      const end = lineEnd(bytes, at);
      if (bytes[at] === 0x25) return null;
      // Lines before the list are few (`version: 2`, comments): decoding each one costs nothing.
      const content = decodeUtf8Lenient(bytes.subarray(at, end)).replace(/\r$/, '');
      const match = /^([a-z_]+):\s*(#.*)?$/.exec(content);
      if (match && LIST_KEYS.includes(match[1]!))
        return new InteractionListScanner(bytes, match[1]!, end, line);
      at = end + 1;
    }
    return null;
  }

  /** Items that will not change any more. */
  get finishedCount(): number {
    return this.state === 'done' ? this.items.length : Math.max(0, this.items.length - 1);
  }

  /** Scans up to `maxLines` more lines. */
  scan(maxLines: number): ScanState {
    if (this.state !== 'more') return this.state;
    const { bytes, items } = this;
    let { at, line, indent } = this;
    let budget = maxLines;
    while (at < bytes.length && budget-- > 0) {
      // Byte compares only: this loop visits every line of a 43 MB file.
      const end = lineEnd(bytes, at);
      let p = at;
      while (p < end && bytes[p] === 0x20) p++;
      const spaces = p - at;
      const c = p < end ? bytes[p]! : -1;
      if (c === 0x09) return (this.state = 'not-splittable');
      if (c === -1 || c === 0x0d || c === 0x23) {
        // Blank or comment lines belong to the item before (or sit before the first).
      } else if (indent < 0) {
        // Not a block sequence (flow list, scalar, …).
        if (!isItemStart(bytes, p, end)) return (this.state = 'not-splittable');
        indent = this.indent = spaces;
        items.push({ start: at, end: bytes.length, line });
      } else if (spaces === indent && isItemStart(bytes, p, end)) {
        items.at(-1)!.end = at;
        items.push({ start: at, end: bytes.length, line });
      } else if (spaces < indent || (indent === 0 && spaces === 0)) {
        // Column 0 content ends the list (the next root key, `...` or `---`); anything else shallower is odd.
        if (spaces !== 0) return (this.state = 'not-splittable');
        this.listEnd = at;
        return this.end();
      } else if (spaces === indent) return (this.state = 'not-splittable'); // content at the item column that is not an item
      at = end + 1;
      line++;
    }
    this.at = at;
    this.line = line;
    return at < bytes.length ? 'more' : this.end();
  }

  /** The whole split, once the scan is done. */
  plan(): SplitPlan {
    return { key: this.key, listEnd: this.listEnd, items: this.items };
  }

  private end(): ScanState {
    if (this.items.length === 0) return (this.state = 'not-splittable');
    this.items.at(-1)!.end = this.listEnd;
    return (this.state = 'done');
  }
}

/**
 * Where the list probably ends, read from the end of the file before the scan gets there: the
 * run of column-0 lines at the end that are not list items (`recorded_with: VCR 6.0.0`,
 * `version: 1`), with blank and comment lines. A guess: the scan, when done, says whether it was
 * right (a tail with nested lines makes it wrong, and the caller then reads the file whole).
 */
export function guessListEnd(bytes: Uint8Array, indent: number, notBefore: number): number {
  let guess = bytes.length;
  let end = bytes.length;
  while (end > notBefore) {
    const start = bytes.lastIndexOf(0x0a, end - 1) + 1;
    if (start < notBefore) break;
    const c = start < end ? bytes[start]! : -1;
    const blank = c === -1 || c === 0x0d || c === 0x23 || isBlankLine(bytes, start, end);
    if (!blank) {
      if (c === 0x20 || (indent === 0 && isItemStart(bytes, start, end))) break;
      guess = start;
    }
    end = start - 1;
  }
  return guess;
}

function isBlankLine(bytes: Uint8Array, from: number, to: number): boolean {
  let p = from;
  while (p < to && bytes[p] === 0x20) p++;
  return p === to || bytes[p] === 0x0d || bytes[p] === 0x23;
}

function lineEnd(bytes: Uint8Array, from: number): number {
  const end = bytes.indexOf(0x0a, from);
  return end < 0 ? bytes.length : end;
}

/** The first byte that is not ASCII whitespace, or -1. */
function firstContentByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return b;
  }
  return -1;
}

/** `-` followed by a space or the end of the line: a block sequence entry (§8.2.1). */
function isItemStart(bytes: Uint8Array, p: number, end: number): boolean {
  if (bytes[p] !== 0x2d) return false;
  const next = p + 1 < end ? bytes[p + 1]! : -1;
  return next === -1 || next === 0x20 || next === 0x0d;
}
