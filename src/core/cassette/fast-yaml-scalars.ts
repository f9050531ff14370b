/**
 * Scalar values for the fast YAML path (fast-yaml.ts), resolved the way the safe reader's composer
 * resolves them. Wherever folding or escapes are involved we hand a CST token we build ourselves to
 * yaml's own `CST.resolveAsScalar` (https://eemeli.org/yaml/#cst-nodes, "resolveAsScalar"), the
 * function the composer itself calls (compose/compose-scalar.js). Only the trivially exact cases
 * are shortcut, each with the reason it is exact next to it.
 */
import { CST, Document, isScalar } from 'yaml';
import type { ParseOptions, ScalarTag } from 'yaml';
import { decodeBase64 } from '../../lib/base64';
import { BinaryValue } from './raw-values';

/** Thrown inside the fast path for anything it does not handle; readYamlFast turns it into null. */
class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported('outside the fast YAML subset');

export function unsupported(): never {
  throw UNSUPPORTED;
}

/**
 * The composer's document, built with the options composeGuarded passes to `new Composer`
 * (yaml-compose.ts), so tag tests, their order and `ctx.options` are literally the ones it uses.
 */
const COMPOSER_DOC = new Document(null, { schema: 'core', uniqueKeys: false, strict: false });
const RESOLVE_OPTIONS = COMPOSER_DOC.options as ParseOptions;
/**
 * compose-scalar.js `findScalarTagByTest`: the first schema tag with `default === true` whose
 * `test` matches the plain value (YAML 1.2 §10.3.2, core schema tag resolution); else a string.
 */
const CORE_TESTED_TAGS: ScalarTag[] = COMPOSER_DOC.schema.tags.filter(
  (tag): tag is ScalarTag => tag.default === true && tag.test instanceof RegExp && !tag.collection,
);

/**
 * Every core-schema test (null `~|null|Null|NULL|`, bool, 0o/0x ints, ints, .inf/.nan, floats,
 * YAML 1.2 §10.3.2) needs an empty value or one of these first characters; anything else is a
 * string without running eight regular expressions. fast-yaml.test.ts checks this against the
 * schema's own tests.
 */
export const CORE_FIRST_CHARS = '~nNtTfF+-.0123456789';
const MAY_BE_TYPED = new Uint8Array(128);
for (const ch of CORE_FIRST_CHARS) MAY_BE_TYPED[ch.charCodeAt(0)] = 1;

function failOnError(): never {
  unsupported();
}

/** The typed value of a resolved plain scalar (null, boolean, number or the string itself). */
export function typePlain(value: string): unknown {
  if (value.length > 0) {
    const c = value.charCodeAt(0);
    if (c >= 128 || MAY_BE_TYPED[c] === 0) return value;
  }
  for (const tag of CORE_TESTED_TAGS) {
    if (tag.test!.test(value)) {
      const resolved = tag.resolve(value, failOnError, RESOLVE_OPTIONS);
      return isScalar(resolved) ? resolved.value : resolved;
    }
  }
  return value;
}

/** First characters resolve-flow-scalar.js `plainValue` reports as BAD_SCALAR_START. */
const BAD_PLAIN_START = new Set(['\t', ',', '%', '|', '>', '@', '`']);

function resolveFlow(type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar', source: string) {
  const token: CST.FlowScalar = { type, offset: 0, indent: 0, source };
  return CST.resolveAsScalar(token, false, failOnError).value;
}

/** The string of a plain scalar's source (YAML 1.2 §7.3.3 line folding for multi-line ones). */
export function plainString(source: string): string {
  if (source.length === 0 || BAD_PLAIN_START.has(source[0]!)) unsupported();
  // resolve-flow-scalar.js `unfoldLines` returns its input unchanged when it holds no line feed.
  if (!source.includes('\n')) return source;
  return resolveFlow('scalar', source);
}

/** A single-quoted scalar's value (YAML 1.2 §7.3.2: `''` is a quote, lines fold). */
export function singleQuotedString(source: string): string {
  if (source.length < 2 || source.charCodeAt(source.length - 1) !== 0x27) unsupported();
  // `singleQuotedValue` = unfoldLines(inner).replace(/''/g, "'"); unfoldLines is the identity
  // without a line feed.
  if (!source.includes('\n')) {
    const inner = source.slice(1, -1);
    return inner.includes("''") ? inner.replace(/''/g, "'") : inner;
  }
  return resolveFlow('single-quoted-scalar', source);
}

/** A double-quoted scalar's value (YAML 1.2 §7.3.1: escapes, line folding). */
export function doubleQuotedString(source: string): string {
  if (source.length < 2 || source.charCodeAt(source.length - 1) !== 0x22) unsupported();
  const inner = source.slice(1, -1);
  // Without `\` and without a line feed, `doubleQuotedValue` copies every character: the only
  // other rules trim white space before a line break and skip the `\r` of `\r\n`.
  if (!inner.includes('\\') && !inner.includes('\n')) return inner;
  return resolveFlow('double-quoted-scalar', source);
}

/**
 * A literal or folded block scalar (YAML 1.2 §8.1). `indent` is what yaml's Parser gives the
 * token: the indent of the enclosing block collection ("Block scalars use their parent rather than
 * header indent", parse/parser.js), which resolve-block-scalar.js adds to an explicit indentation
 * indicator. `resolveAsScalar` resolves as inside a collection (`atRoot` unset), so a zero-indented
 * root block scalar reports an error here and goes to the slow path.
 */
export function blockString(header: string, body: string, indent: number): string {
  const literal = literalBlockString(header, body, indent);
  if (literal !== null) return literal;
  const token: CST.BlockScalar = {
    type: 'block-scalar',
    offset: 0,
    indent,
    props: [{ type: 'block-scalar-header', offset: 0, indent, source: header }],
    source: body,
  };
  return CST.resolveAsScalar(token, false, failOnError).value;
}

/**
 * The common literal block scalar (`|`, `|-`, `|+` with auto-detected indentation, YAML 1.2
 * §8.1.2, chomping §8.1.1.2) without one string per line: streamed SSE bodies are megabytes of
 * short lines. This is resolve-block-scalar.js step by step — the same trim indent (leading blank
 * lines may raise it, the first content line sets it), the same "trailing more-indented blank lines
 * are content" rule and the same chomping — and it returns null, leaving the case to the library,
 * whenever the library would report an error, a line ends in a carriage return, or a blank line
 * is indented less than the content but not zero (then "drop every line's first n spaces" is not a
 * single string replacement). fast-yaml.test.ts checks it against `CST.resolveAsScalar`.
 */
export function literalBlockString(header: string, body: string, parentIndent: number): string | null {
  if (header !== '|' && header !== '|-' && header !== '|+') return null;
  let trimIndent = parentIndent;
  let contentSeen = false;
  /** End of the last line that is content (or a more-indented blank line after content). */
  let keptEnd = 0;
  let firstIndent = -1;
  /** The least indentation of a blank line that has some (0 if none). */
  let minBlankIndent = 0;
  for (let start = 0; start <= body.length;) {
    let nl = body.indexOf('\n', start);
    if (nl === -1) nl = body.length;
    if (nl > start && body.charCodeAt(nl - 1) === 0x0d) return null; // CRLF: `content.slice(0, -1)`
    let i = start;
    while (i < nl && body.charCodeAt(i) === 0x20) i++;
    const indent = i - start;
    const blank = i === nl;
    if (firstIndent === -1) firstIndent = indent;
    if (blank && indent > 0 && (minBlankIndent === 0 || indent < minBlankIndent)) minBlankIndent = indent;
    if (!contentSeen) {
      if (blank) {
        if (indent > trimIndent) trimIndent = indent;
      } else {
        // "more-indented leading empty lines" error, and "Block scalar values in collections must
        // be indented" (the fast path only reads block scalars inside collections).
        if (indent < trimIndent || indent === 0) return null;
        trimIndent = indent;
        contentSeen = true;
        keptEnd = nl;
      }
    } else if (!blank) {
      if (indent < trimIndent) return null; // "must not be less indented than their first line"
      keptEnd = nl;
    } else if (indent > trimIndent) keptEnd = nl;
    start = nl + 1;
  }
  if (!contentSeen || (minBlankIndent > 0 && minBlankIndent < trimIndent)) return null;
  if (header === '|+') return keptLiteral(body, trimIndent, firstIndent);

  const value = dedent(body.slice(0, keptEnd), trimIndent, firstIndent);
  return header === '|-' ? value : `${value}\n`;
}

/**
 * A `|+` body once its trim indent is known (literalBlockString's last step, and the line reader's
 * when its own walk already proved the rest): each line loses `trimIndent` spaces (the first what
 * it has of them), and a final line break is kept or added.
 */
export function keptLiteral(body: string, trimIndent: number, firstIndent = trimIndent): string {
  const kept = dedent(body, trimIndent, firstIndent);
  return kept.endsWith('\n') ? kept : `${kept}\n`;
}

/**
 * Each line becomes `indent.slice(trimIndent) + content`, joined with line feeds: every line
 * after a line feed loses exactly `trimIndent` spaces (content lines have that many, blank ones
 * either that many or more, or none at all), and the first line loses what it has of them.
 */
function dedent(text: string, trimIndent: number, firstIndent: number): string {
  return text.replaceAll(`\n${' '.repeat(trimIndent)}`, '\n').slice(Math.min(firstIndent, trimIndent));
}

/**
 * `!!binary` as the safe reader ends up reading it: bytes decoded from the scalar's string.
 * yaml's own binary tag also runs on `!!binary` (it is a known tag of every schema): Node's Buffer
 * accepts anything, but the browser build calls `atob`, whose failure becomes a parse error. So only
 * text both decoders accept goes this way (RFC 4648 §4 alphabet, whole quads, at most `==`, white
 * space the forgiving-base64 algorithm strips); anything else is left to the slow path.
 */
export function coreBinary(value: string): BinaryValue {
  const compact = value.replace(/[ \t\n\r]/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) unsupported();
  return new BinaryValue(decodeBase64(value), 'yaml !!binary');
}

/**
 * Ruby's `!binary` local tag: yaml leaves it unresolved (a warning the safe reader ignores), and the
 * safe reader decodes the string itself, or keeps the text with a warning (yaml-reader.ts
 * `convertScalar`). Returns the value and, on failure, the warning message.
 */
export function localBinary(value: string): { value: BinaryValue | string; warning?: string } {
  try {
    return { value: new BinaryValue(decodeBase64(value), 'yaml !binary') };
  } catch (error) {
    return {
      value,
      warning: `!binary value is not base64 (${(error as Error).message}); shown as text`,
    };
  }
}

/** Scalar kinds, by lexeme: plain (after yaml's `\x1f` control), `'…'`, `"…"`. */
export const PLAIN = 0;
export const SINGLE = 1;
export const DOUBLE = 2;

/** A flow scalar's string (no typing). */
export function scalarString(kind: number, source: string): string {
  if (kind === SINGLE) return singleQuotedString(source);
  if (kind === DOUBLE) return doubleQuotedString(source);
  return plainString(source);
}

/** A value scalar: plain ones are typed by the core schema, quoted ones are strings (§10.3.2). */
export function scalarValue(kind: number, source: string): unknown {
  return kind === PLAIN ? typePlain(plainString(source)) : scalarString(kind, source);
}

/**
 * A mapping key as the safe reader spells it (yaml-reader.ts `keyString`): the value if it is a
 * string, else the scalar's `source`, which compose-scalar.js sets to the resolved string — so for
 * every untagged scalar, the resolved string, untyped.
 */
export const keyString = scalarString;
