/**
 * A fast path for the common, block-style cassette YAML. The safe reader (yaml-reader.ts) runs
 * yaml's Lexer → Parser → Composer and then converts the Document; on a 43 MB go-vcr cassette the
 * Parser and Composer cost about four times what the Lexer does. Here yaml's own Lexer
 * (https://eemeli.org/yaml/#lexer) still decides every token boundary — where a plain, quoted or
 * block scalar ends, what is an indicator, what is a comment — and we build the values straight
 * from the lexemes: this file follows the tokens of each line, fast-yaml-tree.ts places entries by
 * indentation (YAML 1.2 §8.2) and fast-yaml-scalars.ts resolves scalars with yaml's own resolvers.
 *
 * The contract is "the slow path's result, or null". The subset: block mappings and sequences
 * (any indentation, compact `- key: value`, sequences indented or not under their key), plain,
 * quoted and block scalars, comments, `---` / `...`, empty values, flow collections with no empty
 * entries, and `!!binary` / `!binary` on scalars. Anything else — anchors, aliases, other tags,
 * explicit `?` keys, directives, a second document, a byte-order mark, tabs in white space, a value
 * starting on the line after its key, any lexer error token, any error a scalar resolver reports,
 * nesting past MAX_DEPTH — returns null, and readYaml runs the slow path, which then gives the
 * error or the warning. The differential tests in fast-yaml*.test.ts hold the two paths together.
 */
import { Lexer } from 'yaml';
import {
  blockString,
  coreBinary,
  DOUBLE,
  localBinary,
  PLAIN,
  scalarString,
  scalarValue,
  SINGLE,
  keyString,
  unsupported,
} from './fast-yaml-scalars';
import { MAX_IMPLICIT_KEY, ValueTree } from './fast-yaml-tree';
import type { YamlReadResult } from './yaml-reader';
import {
  M_STREAM,
  M_DOC_START,
  M_LINE,
  M_DASH,
  M_COLON,
  M_VALUE,
  M_KEY,
  M_TAG,
  M_HEADER,
  M_BODY,
  M_FLOW,
  SP_NONE,
  SP_NEWLINE,
  SP_SPACE,
} from './fast-yaml-modes';
import { readResult } from './fast-yaml-result';
import { readYamlLines } from './fast-yaml-lines';

/**
 * Reads `text` when it stays inside the supported subset; null otherwise (the caller then runs the
 * slow path). Never throws. The line reader (fast-yaml-lines.ts) goes first; what it declines goes
 * through yaml's Lexer here.
 */
export function readYamlFast(text: string): YamlReadResult | null {
  return readYamlLines(text) ?? readYamlLexed(text);
}

/** The Lexer-based tier alone (the differential tests compare each tier with the slow path). */
export function readYamlLexed(text: string): YamlReadResult | null {
  try {
    return new FastReader(text).read();
  } catch {
    // Unsupported is the normal "not for us"; anything else (a yaml internal error, a stack
    // overflow) is equally a reason to let the slow path speak.
    return null;
  }
}

class FastReader extends ValueTree {
  private readonly text: string;
  private mode = M_STREAM;
  private docStarted = false;
  /** Offset of the lexeme right after the document-start control: where `---` may stand. */
  private docStartAt = -1;
  private offset = 0;
  private lineStart = 0;
  /** The next lexeme is a scalar's source (yaml emits `\x1f` before plain and block scalar text). */
  private atScalar = false;
  /** Whether the previous lexeme was a line break (or there was none) or white space. */
  private spaced = SP_NEWLINE;
  /** M_KEY: the scalar that is a key if `:` follows. */
  private pendingKind = PLAIN;
  private pendingSource = '';
  private pendingOffset = 0;
  private pendingMustBeKey = false;
  /** M_TAG / M_HEADER: the tag on the value, if any. */
  private tag: string | null = null;
  private tagSpaced = false;
  private header = '';
  private headerOffset = 0;
  /** M_FLOW: the first token after a line break must be deeper than the enclosing block. */
  private flowLineCheck = false;
  private readonly warnings: Array<{ message: string; offset: number }> = [];

  constructor(text: string) {
    super();
    this.text = text;
  }

  read(): YamlReadResult {
    for (const lexeme of new Lexer().lex(this.text)) this.next(lexeme);
    if (this.atScalar) unsupported();
    if (this.mode === M_KEY) this.pendingAsValue();
    if (this.mode === M_TAG || this.mode === M_HEADER || this.mode === M_BODY || this.mode === M_FLOW)
      unsupported();
    this.closeAll();
    return this.result();
  }

  /** One lexeme; the kinds are those of `CST.tokenType` (yaml parse/cst.js). */
  private next(lex: string): void {
    const start = this.offset;
    if (this.atScalar) {
      this.atScalar = false;
      this.offset += lex.length;
      if (this.mode === M_BODY || this.mode === M_HEADER) this.blockScalar(lex);
      else this.scalar(PLAIN, lex, start);
      this.spaced = this.mode === M_LINE ? SP_NEWLINE : SP_NONE; // after a block scalar's last line break
      return;
    }
    const c = lex.charCodeAt(0);
    if (lex.length === 1 && (c === 0x02 || c === 0x1f)) {
      // Lexer control lexemes (not source text): "a document starts", "a scalar follows".
      if (c === 0x1f) {
        if (this.mode === M_KEY) this.pendingAsValue();
        this.atScalar = true;
      } else if (this.docStarted || this.mode !== M_STREAM) unsupported();
      else {
        this.docStarted = true;
        this.docStartAt = this.offset;
        this.mode = M_LINE;
      }
      return;
    }
    this.offset += lex.length;
    const spaced = this.spaced;
    this.spaced = SP_NONE;
    // White space between tokens (a tab is allowed in some places, but never as indentation).
    if (c === 0x20) {
      if (lex.includes('\t') || this.mode === M_BODY) unsupported();
      if (this.mode === M_TAG) this.tagSpaced = true;
      this.spaced = SP_SPACE;
      return;
    }
    // "Comments must be separated from other tokens by white space characters" (YAML 1.2 §6.6;
    // yaml's compose/resolve-props.js). yaml reports it after `,` or `:`, and inside a flow
    // mapping even for a comment at the start of a line after a value (the Parser keeps that line
    // break with the value), so in flow collections only a space before `#` will do.
    if (c === 0x23 /* # */ && (spaced === SP_NONE || (this.mode === M_FLOW && spaced !== SP_SPACE)))
      unsupported();
    if (this.mode === M_KEY) {
      if (lex === ':') return this.pendingAsKey(start);
      this.pendingAsValue();
    }
    if (lex === '\n' || lex === '\r\n') return this.newline();
    if (c === 0x23 /* # */) return this.comment(start);
    if (this.mode === M_FLOW) return this.flowToken(lex, c, start);
    // Outside the document only blank and comment lines are ours (not a directive, a byte-order
    // mark, or content after `...`).
    if (this.mode === M_STREAM) unsupported();
    if (lex === '---') {
      // Only straight after the document-start control; a later `---` starts a second document.
      if (start !== this.docStartAt) unsupported();
      this.mode = M_DOC_START;
      return;
    }
    if (lex === '...') {
      if (this.mode !== M_LINE) unsupported();
      this.closeAll();
      this.mode = M_STREAM;
      return;
    }
    if (this.mode === M_DOC_START || this.mode === M_VALUE || this.mode === M_BODY) unsupported();
    switch (c) {
      case 0x2d /* - */:
        if (lex !== '-' || (this.mode !== M_LINE && this.mode !== M_DASH)) unsupported();
        this.seqEntry(start - this.lineStart, start);
        this.mode = M_DASH;
        return;
      case 0x27 /* ' */:
        return this.scalar(SINGLE, lex, start);
      case 0x22 /* " */:
        return this.scalar(DOUBLE, lex, start);
      case 0x7c /* | */:
      case 0x3e /* > */:
        return this.blockHeader(lex, start);
      case 0x21 /* ! */:
        // Only the two binary tags the safe reader decodes, on a scalar (yaml-reader.ts convertScalar).
        if ((lex !== '!!binary' && lex !== '!binary') || (this.mode !== M_COLON && this.mode !== M_DASH))
          unsupported();
        this.tag = lex;
        this.tagSpaced = false;
        this.mode = M_TAG;
        return;
      case 0x5b /* [ */:
      case 0x7b /* { */:
        // A value after `key:` or `- `, or the whole document (JSON-like YAML; yaml's Parser gives a
        // root flow collection indent 0, so its lines may start anywhere).
        if (lex.length !== 1) unsupported();
        if (this.mode !== M_COLON && this.mode !== M_DASH && (this.mode !== M_LINE || this.rootSet))
          unsupported();
        this.openFlow(c === 0x7b, start);
        this.mode = M_FLOW;
        return;
    }
    // `?`, `:` without a key, anchors, aliases, directives, a byte-order mark, flow indicators
    // outside a flow collection, the flow-error control and anything yaml calls "not a token".
    unsupported();
  }

  private newline(): void {
    this.lineStart = this.offset;
    this.spaced = SP_NEWLINE;
    switch (this.mode) {
      case M_STREAM:
        return;
      case M_TAG:
      case M_BODY:
        return unsupported();
      case M_HEADER:
        this.mode = M_BODY;
        return;
      case M_FLOW:
        this.flowLineCheck = true;
        return;
      default:
        this.mode = M_LINE;
    }
  }

  private comment(start: number): void {
    if (this.mode === M_TAG || this.mode === M_BODY) unsupported();
    if (this.mode === M_FLOW) this.checkFlowLine(start);
  }

  private scalar(kind: number, source: string, start: number): void {
    const nl = source.lastIndexOf('\n');
    if (nl !== -1) this.lineStart = start + nl + 1;
    switch (this.mode) {
      case M_LINE:
      case M_DASH:
        this.pendingKind = kind;
        this.pendingSource = source;
        this.pendingOffset = start;
        this.pendingMustBeKey = this.mode === M_LINE;
        this.mode = M_KEY;
        return;
      case M_COLON:
        this.setValue(scalarValue(kind, source));
        this.mode = M_VALUE;
        return;
      case M_TAG:
        if (!this.tagSpaced) unsupported();
        this.setValue(this.tagged(scalarString(kind, source), start));
        this.mode = M_VALUE;
        return;
      case M_FLOW:
        this.checkFlowLine(start);
        return this.flowScalar(kind, source, nl !== -1);
    }
    unsupported();
  }

  /** `key:` — the scalar before `:` is an implicit key (YAML 1.2 §8.2.2), on one line. */
  private pendingAsKey(colon: number): void {
    const source = this.pendingSource;
    if (source.includes('\n') || colon - this.pendingOffset >= MAX_IMPLICIT_KEY) unsupported();
    this.mapKey(this.pendingOffset - this.lineStart, this.pendingOffset, keyString(this.pendingKind, source));
    this.mode = M_COLON;
  }

  /** No `:` after the scalar: the value of `- ` (at a line start it would be a root scalar: not ours). */
  private pendingAsValue(): void {
    if (this.pendingMustBeKey) unsupported();
    this.setValue(scalarValue(this.pendingKind, this.pendingSource));
    this.mode = M_VALUE;
  }

  private tagged(value: string, start: number): unknown {
    const tag = this.tag;
    this.tag = null;
    if (tag === '!!binary') return coreBinary(value);
    const read = localBinary(value);
    if (read.warning !== undefined) this.warnings.push({ message: read.warning, offset: start });
    return read.value;
  }

  private blockHeader(lex: string, start: number): void {
    if (this.mode === M_TAG) {
      if (!this.tagSpaced) unsupported();
    } else if (this.mode !== M_COLON && this.mode !== M_DASH) unsupported();
    this.header = lex;
    this.headerOffset = start;
    this.mode = M_HEADER;
  }

  private blockScalar(body: string): void {
    const value = blockString(this.header, body, this.blockIndent);
    this.setValue(this.tag === null ? value : this.tagged(value, this.headerOffset));
    // The body runs through its last line break (parse/lexer.js parseBlockScalar), unless the
    // input ends first.
    const nl = body.lastIndexOf('\n');
    if (nl === body.length - 1) {
      this.lineStart = this.offset;
      this.mode = M_LINE;
    } else {
      if (nl !== -1) this.lineStart = this.offset - body.length + nl + 1;
      this.mode = M_VALUE;
    }
  }

  /** A continuation line of a flow collection must be deeper than its block parent (lexer indentNext). */
  private checkFlowLine(start: number): void {
    if (!this.flowLineCheck) return;
    this.flowLineCheck = false;
    if (start - this.lineStart <= this.top!.indent) unsupported();
  }

  private flowToken(lex: string, c: number, start: number): void {
    this.checkFlowLine(start);
    if (lex.length === 1) {
      switch (c) {
        case 0x2c /* , */:
          return this.flowComma();
        case 0x3a /* : */:
          return this.flowColon();
        case 0x5d /* ] */:
        case 0x7d /* } */:
          if (this.closeFlow(c === 0x7d)) this.mode = M_VALUE;
          return;
        case 0x5b /* [ */:
        case 0x7b /* { */:
          return this.openFlow(c === 0x7b, start);
      }
    }
    if (c === 0x27 /* ' */ || c === 0x22 /* " */)
      return this.scalar(c === 0x27 ? SINGLE : DOUBLE, lex, start);
    unsupported();
  }

  private result(): YamlReadResult {
    return readResult(this.text, this.root, this.mapStarts, this.warnings);
  }
}
