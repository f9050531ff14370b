/**
 * The yaml pipeline (https://eemeli.org/yaml/#parser) run by hand, with a guard on flow depth.
 */
import { Composer, Lexer, Parser, YAMLWarning } from 'yaml';
import type { Document, LineCounter } from 'yaml';

/**
 * yaml's parser and composer slow down quadratically on deeply nested flow collections
 * (`[[[[…`, 100k levels ≈ 7 s) and, past ~2,000 levels, `parseDocument` can abort the whole
 * process (V8 "RegExpCompiler Allocation failed"). Real cassettes nest flow collections a few
 * levels deep. So we drive yaml's pipeline ourselves — Lexer → Parser.next → Composer, which is
 * what `parseDocument` does (yaml/dist/public-api.js) — and count flow depth on the lexemes as they
 * pass: brackets inside quoted or block scalars are part of a scalar lexeme, so they never count.
 * This costs nothing extra: the text is lexed once, as before.
 */
export const MAX_FLOW_DEPTH = 128;

/** Thrown by {@link composeGuarded} when flow collections nest deeper than MAX_FLOW_DEPTH. */
export class TooDeep extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super('too deep');
    this.offset = offset;
  }
}

function* guardedLexemes(text: string): Generator<string> {
  let depth = 0;
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme.length === 1) {
      const c = lexeme.charCodeAt(0);
      if (c === 0x5b || c === 0x7b) {
        if (++depth > MAX_FLOW_DEPTH) throw new TooDeep(offset);
      } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
      // Lexer control lexemes (document \x02, flow end \x18, scalar \x1f) are not source text.
      else if (c === 0x02 || c === 0x18 || c === 0x1f) {
        yield lexeme;
        continue;
      }
    }
    offset += lexeme.length;
    yield lexeme.length > LARGE_SCALAR && lexeme.charCodeAt(0) === 0x22 ? fastDoubleQuoted(lexeme) : lexeme;
  }
}

/** Double-quoted scalars longer than this get the fast path below. */
const LARGE_SCALAR = 64 * 1024;

/**
 * yaml resolves double-quoted scalars one character at a time (`res += ch` in
 * compose/resolve-flow-scalar.js), which spends most of its time in GC: a 50 MB line takes ~30 s.
 * A double-quoted scalar with no `\\`, no `'` and no line break means exactly the same as the
 * single-quoted one with the same characters (YAML 1.2 §7.3.1, §7.3.2), whose resolution is a
 * single slice. Same length, so every later offset, line and column stays right.
 */
function fastDoubleQuoted(lexeme: string): string {
  const last = lexeme.length - 1;
  if (lexeme.charCodeAt(last) !== 0x22) return lexeme;
  const body = lexeme.slice(1, last);
  if (body.includes('\\') || body.includes("'") || body.includes('\n') || body.includes('\r')) return lexeme;
  return `'${body}'`;
}

/** parseDocument(text, options) with the flow-depth guard and without pretty-printed errors. */
export function composeGuarded(text: string, lineCounter: LineCounter): Document.Parsed {
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ schema: 'core', uniqueKeys: false, strict: false });
  lineCounter.addNewLine(0);
  function* cst() {
    for (const lexeme of guardedLexemes(text)) yield* parser.next(lexeme);
    yield* parser.end();
  }
  let doc: Document.Parsed | null = null;
  for (const next of composer.compose(cst(), true, text.length)) {
    if (!doc) doc = next;
    else {
      // Only the first document is a cassette; say so instead of failing the whole file.
      doc.warnings.push(
        new YAMLWarning(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'the file holds more than one YAML document; only the first is read',
        ),
      );
      break;
    }
  }
  return doc!;
}
