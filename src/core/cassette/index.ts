/**
 * Public entry of core/cassette: file bytes → `Cassette` (docs/architecture.md).
 * `loadCassette` throws only `CassetteLoadError`, carrying file, line/column, a snippet and the
 * formats tried with each one's reason. Softer problems (an undecodable body, an unsafe YAML tag)
 * become warnings on the exchange or the cassette, and the rest of the file still loads.
 */
import { CassetteLoadError } from '../model/errors';
import type { Cassette, CassetteFormat, Diagnostic, FormatAttempt, HttpExchange } from '../model/http';
import { decodeUnwrappedBytes, positionOfByte, unwrapFileBytes } from './file-decoder';
import type { DocumentReader, DocumentRoot, FormatModule } from './format-module';
import { emptyTiming } from './format-module';
import { DOCUMENT_READERS, FORMATS } from './formats';
import { parseDocumentText } from './parse-document';
import { checkInteractionCount, InflateBudget, LimitExceeded } from './limits';
import { checkInteractionListLength } from './split/count-interactions';
import type { DecodeOptions } from './body-decoder';
import { isRawMap } from './raw-values';
import { notACassetteMessage } from './sniff-file-kind';
import { buildSnippet } from './snippet';

export { CassetteLoadError } from '../model/errors';
export { parseDocumentText } from './parse-document';
export { FORMATS, detectFormat } from './formats';
export type { FormatModule } from './format-module';

/** Loads a cassette from the bytes of a file. The name is only used in messages. */
export function loadCassette(bytes: Uint8Array, fileName: string): Cassette {
  try {
    const unwrapped = unwrapFileBytes(bytes);
    if (!unwrapped.ok) throw new CassetteLoadError({ fileName, message: unwrapped.message, attempts: [] });
    checkInteractionListLength(unwrapped.bytes);
    // httprr and TOML files are read from their bytes (an httprr body may be gzip, not UTF-8).
    const reader = readerFor(unwrapped.bytes);
    if (reader) return loadWithReader(reader, unwrapped.bytes, fileName, unwrapped.steps);
    // A PNG, a ZIP, an HTML page: said in its own terms, without a line and column (issue 18).
    const layer = unwrapped.steps.find((step) => step === 'gzip' || step === 'zlib');
    const notCassette = notACassetteMessage(unwrapped.bytes, layer);
    if (notCassette) throw new CassetteLoadError({ fileName, message: notCassette, attempts: [] });
    const decoded = decodeUnwrappedBytes(unwrapped.bytes, unwrapped.steps);
    if (!decoded.ok) {
      const position = decoded.offset === undefined ? undefined : positionOfByte(bytes, decoded.offset);
      throw new CassetteLoadError({ fileName, message: decoded.message, ...position, attempts: [] });
    }
    return loadFromText(decoded.text, fileName, decoded.steps);
  } catch (error) {
    throw asLoadError(error, fileName);
  }
}

/** Convenience for tests and pasted text: loads a cassette from its text. */
export function loadCassetteText(text: string, fileName: string): Cassette {
  try {
    const steps: string[] = [];
    let source = text;
    if (source.charCodeAt(0) === 0xfeff) {
      source = source.slice(1);
      steps.push('UTF-8 BOM removed');
    }
    const reader = DOCUMENT_READERS.find((candidate) => candidate.sniff(source.slice(0, SNIFF_CHARS)));
    if (reader) return loadWithReader(reader, new TextEncoder().encode(source), fileName, steps);
    return loadFromText(source, fileName, steps);
  } catch (error) {
    throw asLoadError(error, fileName);
  }
}

function asLoadError(error: unknown, fileName: string): CassetteLoadError {
  if (error instanceof CassetteLoadError) return error;
  if (error instanceof LimitExceeded)
    return new CassetteLoadError({ fileName, message: error.message, attempts: [] });
  const detail =
    error instanceof RangeError ? 'the file is nested too deeply or too large to read' : String(error);
  return new CassetteLoadError({ fileName, message: `The file could not be read: ${detail}.`, attempts: [] });
}

/** How much of a file's start the document readers' `sniff` sees. */
const SNIFF_CHARS = 256;

function readerFor(bytes: Uint8Array): DocumentReader | null {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, SNIFF_CHARS));
  return DOCUMENT_READERS.find((reader) => reader.sniff(head)) ?? null;
}

function loadWithReader(
  reader: DocumentReader,
  bytes: Uint8Array,
  fileName: string,
  fileDecoding: string[],
): Cassette {
  const read = reader.read(bytes);
  if (!read.ok) {
    const { line, column } = read;
    const where = line ? ` at line ${line}${column ? `, column ${column}` : ''}` : '';
    throw new CassetteLoadError({
      fileName,
      message: `The file looks like ${reader.syntax} but cannot be read${where}: ${read.message}`,
      line,
      column,
      attempts: [{ format: reader.syntax, reason: read.message }],
    });
  }
  const warnings = read.warnings.map((message): Diagnostic => ({ severity: 'warning', message }));
  const lineOf = read.lineOf ?? (() => undefined);
  return loadFromRoot(read.root, { fileName, fileDecoding, warnings, lineOf });
}

interface RootSource {
  fileName: string;
  fileDecoding: string[];
  /** The reader's warnings, placed on the interaction whose lines hold them. */
  warnings: Diagnostic[];
  lineOf(node: object): number | undefined;
}

function loadFromText(text: string, fileName: string, fileDecoding: string[]): Cassette {
  if (text.trim() === '')
    throw new CassetteLoadError({ fileName, message: 'The file is empty.', attempts: [] });
  const parsed = parseDocumentText(text);
  if (!parsed.ok) {
    const { line, column } = parsed.error;
    const where = line ? ` at line ${line}${column ? `, column ${column}` : ''}` : '';
    throw new CassetteLoadError({
      fileName,
      message: `The file is not valid YAML or JSON${where}: ${parsed.error.message}`,
      line,
      column,
      snippet: line ? buildSnippet(text, line, column) : undefined,
      attempts: [{ format: 'yaml', reason: parsed.error.message }],
    });
  }
  const { root, warnings, lineOf } = parsed.doc;
  return loadFromRoot(root, { fileName, fileDecoding, warnings, lineOf });
}

function loadFromRoot(root: unknown, source: RootSource): Cassette {
  const { fileName, fileDecoding } = source;
  const attempts: FormatAttempt[] = [];
  let chosen: FormatModule | null = null;
  for (const format of FORMATS) {
    const reason = format.probe(root);
    if (reason === null) {
      chosen = format;
      break;
    }
    attempts.push({ format: format.id, reason });
  }
  if (chosen === null || !isDocumentRoot(root)) {
    const tried = attempts.map((attempt) => attempt.format).join(', ');
    throw new CassetteLoadError({
      fileName,
      message: `${describeUnknownRoot(root)} Tried: ${tried}.`,
      attempts,
    });
  }

  const description = chosen.describe(root);
  const nodes = chosen.interactionNodes(root);
  checkInteractionCount(nodes.length);
  const exchanges: HttpExchange[] = [];
  const decode: DecodeOptions = { inflateBudget: new InflateBudget() };
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    const sourceLine = typeof node === 'object' && node !== null ? source.lineOf(node) : undefined;
    exchanges.push(normalizeSafely(chosen, node, index, sourceLine, decode));
  }
  const warnings: Diagnostic[] = description.notes.map((message) => ({ severity: 'warning', message }));
  placeWarnings(source.warnings, exchanges, warnings);
  return {
    fileName,
    format: chosen.id,
    formatVariant: description.formatVariant,
    recorder: description.recorder,
    fileDecoding,
    exchanges,
    warnings,
  };
}

/**
 * Normalizes ONE raw interaction node (as found in the document tree) with a given format.
 * For progressive loading (issue 9): a worker that parsed a slice of the interaction list can
 * turn each node into an exchange without loading the whole file. Never throws.
 */
export function normalizeInteractionNode(
  format: CassetteFormat,
  node: unknown,
  index: number,
  sourceLine?: number,
  decode: DecodeOptions = {},
): HttpExchange {
  const module = FORMATS.find((candidate) => candidate.id === format);
  if (!module)
    throw new CassetteLoadError({
      fileName: '',
      message: `Unknown cassette format ${format}.`,
      attempts: [],
    });
  return normalizeSafely(module, node, index, sourceLine, decode);
}

function isDocumentRoot(root: unknown): root is DocumentRoot {
  return isRawMap(root) || Array.isArray(root);
}

function describeUnknownRoot(root: unknown): string {
  if (root === null || root === undefined)
    return 'The file has no content (only a document marker or comments).';
  if (Array.isArray(root))
    return "The file is a list, but not of nock or ExVCR recordings (pre-1.0 vcrpy cassettes are lists of Python objects; run vcrpy's migration first).";
  if (typeof root !== 'object') return `The file is a single ${typeof root} value, not a cassette.`;
  return 'The file is not a recognized cassette format.';
}

function normalizeSafely(
  format: FormatModule,
  node: unknown,
  index: number,
  sourceLine: number | undefined,
  decode: DecodeOptions,
): HttpExchange {
  try {
    return format.normalize(node, { index, sourceLine, decode });
  } catch (error) {
    // A file-wide budget refuses the whole file (limits.ts); it is not this interaction's problem.
    if (error instanceof LimitExceeded) throw error;
    // A format module must not throw; if one does, keep the interaction visible with the reason.
    return {
      index,
      request: { method: '', url: '', headers: [], body: null, protocol: null },
      response: null,
      timing: emptyTiming(),
      warnings: [
        {
          severity: 'warning',
          message: `interaction could not be read: ${String(error)}`,
          exchangeIndex: index,
        },
      ],
      ...(sourceLine ? { sourceLine } : {}),
    };
  }
}

/** Reader warnings with a line go to the interaction that contains that line; others stay global. */
function placeWarnings(
  readerWarnings: readonly Diagnostic[],
  exchanges: HttpExchange[],
  global: Diagnostic[],
): void {
  const starts = exchanges.filter((e) => e.sourceLine !== undefined);
  for (const warning of readerWarnings) {
    let owner: HttpExchange | undefined;
    if (warning.line !== undefined) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]!.sourceLine! <= warning.line) {
          owner = starts[mid];
          lo = mid + 1;
        } else hi = mid - 1;
      }
    }
    if (owner) owner.warnings.push({ ...warning, exchangeIndex: owner.index });
    else global.push(warning);
  }
}
