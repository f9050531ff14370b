/**
 * The first tier of the fast YAML path (issue 15, decision 1): a hand-written line reader for the
 * block style recorders write (nearly every go-vcr file fits it; Ruby VCR's multi-line strings do
 * not, and go to the next tier). yaml's Lexer is a generator that yields every token, space and
 * line break one at a time; on the 43 MB bench file that was a fifth of the whole load. Here each
 * line is read in one pass: its indentation, at most one `- `, an optional plain `key:`, and a
 * value that ends on that line (a plain, single- or double-quoted scalar, `{}` or `[]`), or a
 * block scalar header whose body is cut exactly where yaml's Lexer cuts it
 * (parse/lexer.js `parseBlockScalar` and `continueScalar`, followed step by step below).
 *
 * The values are built by the same ValueTree (fast-yaml-tree.ts) and the same scalar resolvers
 * (fast-yaml-scalars.ts) as the Lexer-based tier, with the same calls in the same order, so what is
 * new here is only where a token ends. Anything outside that subset — a tab, a carriage return, a
 * byte-order mark, a comment, `---`, a tag, an anchor, a quoted or non-plain key, a scalar that goes
 * on to the next line, a line deeper than the value before it allows — returns null, and
 * readYamlFast tries the Lexer-based tier, which leaves what it cannot read to the safe reader.
 * The differential tests compare each tier with the safe reader on their own
 * (fast-yaml-differential.test-support.ts).
 */
import { resultAtLines } from './fast-yaml-result';
import {
  blockString,
  DOUBLE,
  keptLiteral,
  keyString,
  PLAIN,
  scalarValue,
  SINGLE,
  unsupported,
} from './fast-yaml-scalars';
import { MAX_IMPLICIT_KEY, ValueTree } from './fast-yaml-tree';
import type { YamlReadResult } from './yaml-reader';

const SPACE = 0x20;
const LF = 0x0a;

/** Characters of a key this tier reads: letters, digits and `_ - . /` (first: letter, digit, `_`). */
const KEY_CHAR = new Uint8Array(128);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./')
  KEY_CHAR[ch.charCodeAt(0)] = 1;
const isKeyStart = (c: number) => c < 128 && KEY_CHAR[c] === 1 && c !== 0x2d && c !== 0x2e && c !== 0x2f;

/**
 * First characters of a plain scalar this tier leaves to the Lexer: YAML 1.2 §7.3.3 indicators
 * (`-`, `?`, `:` only when a space or the line's end follows, handled apart), and those yaml reports
 * as a bad plain start (resolve-flow-scalar.js).
 */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`?:'].map((ch) => ch.charCodeAt(0)));

const BLOCK_HEADERS = new Set(['|', '|-', '|+', '>', '>-', '>+']);

/** Reads `text` when every line is in this tier's subset; null otherwise. Never throws. */
export function readYamlLines(text: string): YamlReadResult | null {
  // Three single-character searches are cheaper than one character-class regex over the text.
  if (text.includes('\t') || text.includes('\r') || text.includes('\uFEFF')) return null;
  try {
    return new LineReader(text).read();
  } catch {
    return null;
  }
}

/**
 * ValueTree records where each early mapping starts (its `start` argument goes to `mapStarts` and
 * nowhere else); this reader passes the 1-based line it is on, which is what the result reports,
 * so no second pass over the text counts line breaks (readResult's lineLocator).
 */
class LineReader extends ValueTree {
  private readonly text: string;
  /** A line indented deeper than this would continue the value before it (not this tier's). */
  private maxIndent = Infinity;
  /** The 1-based number of the line being read. */
  private lineNo = 1;
  /** Lines a block scalar's body took after its header line. */
  private bodyLines = 0;

  constructor(text: string) {
    super();
    this.text = text;
  }

  read(): YamlReadResult {
    const { text } = this;
    let pos = 0;
    // A leading `---` line (go-vcr writes one) starts the one document and gives it nothing else.
    const first = text.search(/[^ \n]/);
    if (first !== -1 && text.startsWith('---\n', first) && (first === 0 || text[first - 1] === '\n')) {
      pos = first + 4;
      for (let k = 0; k < pos; k++) if (text.charCodeAt(k) === LF) this.lineNo++;
    }
    while (pos < text.length) {
      let nl = text.indexOf('\n', pos);
      if (nl === -1) nl = text.length;
      let i = pos;
      while (i < nl && text.charCodeAt(i) === SPACE) i++;
      if (i === nl) {
        pos = nl + 1; // a blank line
        this.lineNo++;
        continue;
      }
      if (i - pos > this.maxIndent) unsupported();
      pos = this.line(pos, i, nl);
      this.lineNo += 1 + this.bodyLines;
      this.bodyLines = 0;
    }
    if (!this.rootSet) unsupported();
    this.closeAll();
    return resultAtLines(this.root, this.mapStarts);
  }

  /** One line whose first character is at `i`; returns where the next line starts. */
  private line(lineStart: number, i: number, nl: number): number {
    const { text } = this;
    if (text.charCodeAt(i) === 0x2d /* - */) {
      const next = i + 1 < nl ? text.charCodeAt(i + 1) : LF;
      if (next === LF) unsupported(); // a bare `-`: its value starts on the next line
      if (next === SPACE) {
        const dashColumn = i - lineStart;
        this.seqEntry(dashColumn, this.lineNo);
        i += 2;
        while (i < nl && text.charCodeAt(i) === SPACE) i++;
        if (i === nl) unsupported();
        const colon = this.keyEnd(i, nl);
        if (colon === -1) return this.value(i, nl, dashColumn);
        return this.keyAndValue(lineStart, i, colon, nl);
      }
    }
    // `-x` is a plain scalar; a line that is neither `- …` nor `key: …` (a scalar on its own line,
    // `---`, a comment) is not this tier's.
    const colon = this.keyEnd(i, nl);
    if (colon === -1) unsupported();
    return this.keyAndValue(lineStart, i, colon, nl);
  }

  /** The offset of the `:` ending a plain key at `i` (followed by a space or the line's end), or -1. */
  private keyEnd(i: number, nl: number): number {
    const { text } = this;
    if (!isKeyStart(text.charCodeAt(i))) return -1;
    let j = i + 1;
    while (j < nl) {
      const c = text.charCodeAt(j);
      if (c >= 128 || KEY_CHAR[c] !== 1) break;
      j++;
    }
    if (j >= nl || text.charCodeAt(j) !== 0x3a /* : */) return -1;
    return j + 1 === nl || text.charCodeAt(j + 1) === SPACE ? j : -1;
  }

  private keyAndValue(lineStart: number, i: number, colon: number, nl: number): number {
    const { text } = this;
    if (colon - i >= MAX_IMPLICIT_KEY) unsupported();
    const column = i - lineStart;
    this.mapKey(column, this.lineNo, keyString(PLAIN, text.slice(i, colon)));
    let v = colon + 1;
    while (v < nl && text.charCodeAt(v) === SPACE) v++;
    if (v === nl) {
      // `key:` alone: a collection on the next lines, or null.
      this.maxIndent = Infinity;
      return nl + 1;
    }
    return this.value(v, nl, column);
  }

  /**
   * The value at `v` of the key or `-` at column `owner`: it must end on this line (a block
   * scalar's body takes the lines after it), and no later line may be deeper than `owner`.
   */
  private value(v: number, nl: number, owner: number): number {
    const { text } = this;
    const c = text.charCodeAt(v);
    let end: number;
    if (c === 0x27 /* ' */) {
      end = this.singleQuotedEnd(v, nl);
      this.setValue(scalarValue(SINGLE, text.slice(v, end)));
    } else if (c === 0x22 /* " */) {
      end = this.doubleQuotedEnd(v, nl);
      this.setValue(scalarValue(DOUBLE, text.slice(v, end)));
    } else if (c === 0x7c /* | */ || c === 0x3e /* > */) {
      this.maxIndent = owner;
      return this.blockScalar(text.slice(v, nl), nl + 1, owner + 1);
    } else if ((c === 0x7b || c === 0x5b) && v + 2 === nl) {
      // `{}` or `[]`, the only flow collections this tier reads.
      const isMap = c === 0x7b;
      if (text.charCodeAt(v + 1) !== (isMap ? 0x7d : 0x5d)) unsupported();
      this.openFlow(isMap, this.lineNo);
      this.closeFlow(isMap);
      end = nl;
    } else {
      end = this.plainEnd(v, nl);
      this.setValue(scalarValue(PLAIN, text.slice(v, end)));
    }
    if (end !== nl) unsupported(); // anything after a quoted scalar: spaces, a comment
    this.maxIndent = owner;
    return nl + 1;
  }

  /** A plain scalar that is the whole rest of the line: no `: `, ` #`, trailing `:` or space. */
  private plainEnd(v: number, nl: number): number {
    const { text } = this;
    const first = text.charCodeAt(v);
    if (NOT_PLAIN_START.has(first)) unsupported();
    if (first === 0x2d /* - */ && (v + 1 === nl || text.charCodeAt(v + 1) === SPACE)) unsupported();
    let previous = first;
    for (let j = v + 1; j < nl; j++) {
      const c = text.charCodeAt(j);
      if ((c === SPACE && previous === 0x3a) || (c === 0x23 /* # */ && previous === SPACE)) unsupported();
      previous = c;
    }
    if (previous === 0x3a || previous === SPACE) unsupported();
    return nl;
  }

  /** The end (after the closing quote) of a single-quoted scalar on this line (`''` is a quote). */
  private singleQuotedEnd(v: number, nl: number): number {
    const { text } = this;
    for (let j = v + 1; ;) {
      const q = text.indexOf("'", j);
      if (q === -1 || q >= nl) unsupported();
      if (text.charCodeAt(q + 1) !== 0x27) return q + 1;
      j = q + 2;
    }
  }

  /** The end of a double-quoted scalar on this line (`\` escapes the next character). */
  private doubleQuotedEnd(v: number, nl: number): number {
    const { text } = this;
    for (let j = v + 1; j < nl; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x5c /* \ */) j++;
      else if (c === 0x22) return j + 1;
    }
    return unsupported();
  }

  /**
   * A block scalar's body, cut as parse/lexer.js `parseBlockScalar` cuts it (no indentation
   * indicator, so `blockScalarIndent` is -1; no tab or CR, which readYamlLines excluded):
   * `indentNext` is the owner's column + 1 (`:` and `-` set it so, pushIndicators and
   * parseBlockStart); the body's indentation is its first non-blank line's, if at least that; it
   * goes on through lines that are blank or indented that much (`continueScalar`); without `+`,
   * trailing blank lines indented no more than that are left out. Returns the next line's start.
   */
  private blockScalar(header: string, start: number, indentNext: number): number {
    if (!BLOCK_HEADERS.has(header) || start > this.text.length) unsupported();
    const { text } = this;
    let nl = start - 1;
    /** Line feeds in text[start..nl]: the lines the body takes after the header line. */
    let lines = 0;
    let indent = 0;
    let k = start;
    /** The least indentation of a body line that is blank but for spaces (0: none has any). */
    let minBlankIndent = 0;
    for (; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === SPACE) indent += 1;
      else if (c === LF) {
        nl = k;
        lines++;
        indent = 0;
      } else break;
    }
    /** The body's first line has content: no blank line, not only spaces before the text ends. */
    const contentFirst = lines === 0 && k < text.length;
    const bodyIndent = indent;
    if (indent >= indentNext) {
      for (;;) {
        const lineStart = nl + 1;
        const cs = continueAt(text, lineStart, bodyIndent);
        if (cs === -1) break;
        if (
          cs > lineStart &&
          text.charCodeAt(cs) === LF &&
          (minBlankIndent === 0 || cs - lineStart < minBlankIndent)
        )
          minBlankIndent = cs - lineStart;
        nl = text.indexOf('\n', cs);
        if (nl === -1) break;
        lines++;
      }
      if (nl === -1) nl = text.length;
    }
    if (!header.endsWith('+')) {
      for (;;) {
        let q = nl - 1;
        const lastChar = q;
        while (text.charCodeAt(q) === SPACE) q--;
        if (text.charCodeAt(q) !== LF || q < start || q + 1 + indent <= lastChar) break;
        // The line feed at nl (if nl is not the text's end) is no longer the body's.
        if (nl < text.length) lines--;
        nl = q;
      }
    }
    this.bodyLines = lines;
    const body = text.slice(start, nl + 1);
    // `|+` whose first line has content (a streamed body as go-vcr writes it): this walk already
    // saw what literalBlockString would check line by line again (its first line sets the trim
    // indent, every later line has that much or is blank, and a blank line indented less than the
    // content but not zero goes the slow way), so only the cut is left. literalBlockString's other
    // check, the body at least as deep as the enclosing collection, holds here: indentNext is one
    // past the owning key or `-`, which is at or past that collection's indent.
    const kept =
      header === '|+' &&
      contentFirst &&
      bodyIndent >= indentNext &&
      (minBlankIndent === 0 || minBlankIndent >= bodyIndent);
    this.setValue(kept ? keptLiteral(body, bodyIndent) : blockString(header, body, this.blockIndent));
    return nl + 1;
  }
}

/** parse/lexer.js `continueScalar` with `indentNext > 0`: where the line at `offset` goes on, or -1. */
function continueAt(text: string, offset: number, indentNext: number): number {
  let indent = 0;
  while (text.charCodeAt(offset + indent) === SPACE) indent++;
  const c = text.charCodeAt(offset + indent);
  return c === LF || indent >= indentNext ? offset + indent : -1;
}
