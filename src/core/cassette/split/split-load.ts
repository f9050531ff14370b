/**
 * Loading a cassette piece by piece (issue 9). `planSplitLoad` reads the document's root without
 * its interactions (plus the first one, which format probes look at) and picks the format exactly
 * as `loadCassette` does; `loadPiece` parses and normalizes ONE interaction's text. Both use the
 * same safe reader as a whole-file load (parse-document.ts → yaml-reader.ts: flow-depth guard, no
 * tag construction, `Object.create(null)` maps, bounded depth and aliases).
 *
 * Exactness: a piece gives the same exchange as its place in the whole file (same index, source
 * line, warnings). Whenever that cannot be promised — the piece is not UTF-8 or does not parse on
 * its own, it holds an anchor (an alias in another piece could name it), or the reader had
 * something to say about the root or about nesting/aliases — these return null and the caller
 * loads the whole document the old way.
 */
import type { CassetteFormat, Diagnostic, HttpExchange } from '../../model/http';
import { FORMATS } from '../formats';
import type { DecodeOptions } from '../body-decoder';
import { normalizeInteractionNode } from '../index';
import { LimitExceeded } from '../limits';
import { parseDocumentText } from '../parse-document';
import { isRawMap } from '../raw-values';
import { decodeUtf8Strict } from '../../../lib/text';
import type { SplitPlan } from './split-interaction-list';

export interface SplitLoadPlan {
  format: CassetteFormat;
  formatVariant: string;
  recorder: string | null;
  /** Document-level warnings, as `loadCassette` puts them on the cassette. */
  warnings: Diagnostic[];
}

/**
 * An anchor property (`&name`) where YAML could read one: after a line start, a space or a flow
 * indicator (§6.9.2). Also matches `&` in some text (then we only lose the fast path). Pieces
 * start at line starts, so testing each piece finds exactly what testing the whole text would.
 */
const ANCHOR = /(?:^|[\s,[{])&[^\s,[\]{}]/m;

function hasAnchor(text: string): boolean {
  return text.includes('&') && ANCHOR.test(text);
}

/**
 * One piece's text, decoded as strict UTF-8 like a whole file (a BOM inside the file is kept), or
 * null when the bytes are not UTF-8 (the whole-file load then says where).
 */
export function decodePiece(bytes: Uint8Array): string | null {
  return decodeUtf8Strict(bytes);
}

/** The document with only its first interaction: what the format probes need. */
export function planSplitLoad(bytes: Uint8Array, split: SplitPlan): SplitLoadPlan | null {
  const first = split.items[0];
  if (!first) return null;
  const head = decodePiece(bytes.subarray(0, first.end));
  const rest = decodePiece(bytes.subarray(split.listEnd));
  if (head === null || rest === null) return null;
  const headerText = head + rest;
  if (hasAnchor(headerText)) return null;
  const parsed = parseDocumentText(headerText);
  if (!parsed.ok || parsed.doc.syntax !== 'yaml') return null;
  // Warnings inside the first interaction come again from its piece; any other one means the root
  // says something a piece cannot (or lines after the list moved), so read the whole file.
  const firstEndLine = first.line + countLines(bytes, first.start, first.end);
  const inFirst = (line: number | undefined) =>
    line !== undefined && line >= first.line && line < firstEndLine;
  if (parsed.doc.warnings.some((warning) => !inFirst(warning.line))) return null;
  const root = parsed.doc.root;
  if (!isRawMap(root)) return null;
  for (const format of FORMATS) {
    if (format.probe(root) !== null) continue;
    // The chosen format must read its interactions from the very list we split.
    const nodes = format.interactionNodes(root);
    if (nodes.length !== 1 || root[split.key] !== nodes || !Array.isArray(nodes)) return null;
    const description = format.describe(root);
    return {
      format: format.id,
      formatVariant: description.formatVariant,
      recorder: description.recorder,
      warnings: description.notes.map((message) => ({ severity: 'warning', message })),
    };
  }
  return null;
}

function countLines(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a, from); at >= 0 && at < to; at = bytes.indexOf(0x0a, at + 1)) count++;
  return count;
}

/** Reader warnings that depend on the whole document (shared budgets, absolute depth). */
const WHOLE_DOCUMENT_WARNINGS = /alias expansion|nested deeper|more than one YAML document/;

/**
 * Parses one interaction's text (starting at column 0 of `line` in the file) and normalizes it as
 * interaction `index`. Null when the piece cannot stand for its place in the whole file.
 */
export function loadPiece(
  format: CassetteFormat,
  pieceText: string,
  index: number,
  line: number,
  decode: DecodeOptions = {},
): HttpExchange | null {
  if (hasAnchor(pieceText)) return null;
  const parsed = parseDocumentText(pieceText);
  if (!parsed.ok || parsed.doc.syntax !== 'yaml') return null;
  const root = parsed.doc.root;
  if (!Array.isArray(root) || root.length !== 1) return null;
  const { warnings } = parsed.doc;
  if (warnings.some((warning) => warning.line === undefined || WHOLE_DOCUMENT_WARNINGS.test(warning.message)))
    return null;
  const node = root[0];
  // A warning inside a non-mapping item is placed by line on a neighbour in a whole-file load.
  if (warnings.length > 0 && (typeof node !== 'object' || node === null)) return null;
  const shift = line - 1;
  const nodeLine = typeof node === 'object' && node !== null ? parsed.doc.lineOf(node) : undefined;
  let exchange: HttpExchange;
  try {
    exchange = normalizeInteractionNode(
      format,
      node,
      index,
      nodeLine === undefined ? undefined : nodeLine + shift,
      decode,
    );
  } catch (error) {
    // Over a file-wide budget: the whole-file load refuses the file and names the limit.
    if (error instanceof LimitExceeded) return null;
    throw error;
  }
  // As loadCassette's placeWarnings does: reader warnings inside an interaction go to it.
  for (const warning of warnings) {
    exchange.warnings.push({ ...warning, line: warning.line! + shift, exchangeIndex: index });
  }
  return exchange;
}
