/**
 * The contract every on-disk format implements (one module per format in `formats/`).
 * A module is split so that later work (issue 9: progressive loading in workers) can normalize any
 * subset of interactions: `probe` and `describe` look at the document root only, `interactionNodes`
 * returns the raw list cheaply, and `normalize` turns ONE raw interaction node into an exchange.
 */
import type { CassetteFormat, HttpExchange, RecordedTiming } from '../model/http';
import type { DecodeOptions } from './body-decoder';
import type { RawMap } from './raw-values';

export interface NormalizeContext {
  /** Position of the interaction in the file, from 0. */
  index: number;
  /** 1-based source line of the interaction node, when the reader knows it. */
  sourceLine?: number;
  decode: DecodeOptions;
}

export interface FormatDescription {
  formatVariant: string;
  recorder: string | null;
  /** Document-level findings (e.g. an unsupported version read anyway). */
  notes: string[];
}

/**
 * A document root: a parsed mapping, or a list (nock and ExVCR files are JSON arrays), or the
 * object a `DocumentReader` built.
 */
export type DocumentRoot = RawMap | unknown[];

export interface FormatModule {
  id: CassetteFormat;
  /** null when this format reads the document; otherwise one sentence saying why not. */
  probe(root: unknown): string | null;
  describe(root: DocumentRoot): FormatDescription;
  /** The raw interaction nodes, in file order. */
  interactionNodes(root: DocumentRoot): unknown[];
  /** Normalizes one raw interaction. Never throws: problems go to `warnings` on the exchange. */
  normalize(node: unknown, context: NormalizeContext): HttpExchange;
}

/** A timing record with nothing known. */
export function emptyTiming(): RecordedTiming {
  return {
    durationMs: null,
    durationSource: null,
    waitMs: null,
    receiveMs: null,
    startedAt: null,
    recordedAt: null,
  };
}

/** Builds an exchange's warnings list from plain messages. */
export function warningsFor(index: number, messages: readonly string[], line?: number) {
  return messages.map((message) => ({
    severity: 'warning' as const,
    message,
    exchangeIndex: index,
    ...(line ? { line } : {}),
  }));
}

/** What a `DocumentReader` made of a file: a document root, or why it could not. */
export type DocumentReadResult =
  | {
      ok: true;
      root: DocumentRoot;
      warnings: string[];
      /** 1-based line where an interaction node starts, when the reader knows it. */
      lineOf?: (node: object) => number | undefined;
    }
  | { ok: false; message: string; line?: number; column?: number };

/**
 * A reader for a file syntax that is neither YAML nor JSON (httprr's raw HTTP records, cassetter's
 * TOML form). It turns the file's bytes into a document root, which the format modules then probe
 * as usual. Chosen by content only: `sniff` sees the start of the file's text.
 */
export interface DocumentReader {
  /** The syntax, for messages: "httprr", "TOML". */
  syntax: string;
  /** True when the file starts like this syntax (its first characters, decoded leniently). */
  sniff(head: string): boolean;
  read(bytes: Uint8Array): DocumentReadResult;
}
