/**
 * The normalized HTTP vocabulary every cassette format is turned into.
 * It follows HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) where HAR has a word for it:
 * ordered `{name, value}` headers keep duplicates and order, `startedDateTime` is an ISO string.
 * Everything here is plain data so it can cross a Web Worker boundary by structured clone.
 */

/** One HTTP header, in recorded order; duplicates are kept as separate entries. */
export interface Header {
  name: string;
  value: string;
}

/** Severity of a load-time finding. */
export type DiagnosticSeverity = 'warning' | 'error';

/** A problem found while loading, with as much location as is known. */
export interface Diagnostic {
  severity: DiagnosticSeverity;
  message: string;
  /** Interaction index (from 0) the finding belongs to, if any. */
  exchangeIndex?: number;
  /** 1-based line and column in the cassette file, if known. */
  line?: number;
  column?: number;
}

/**
 * A decoded body. `text` is set when the bytes are text in a known charset; `bytes` is set when the
 * body is binary (images, audio, AWS event-stream). `decoding` lists each step taken, in order,
 * for the raw view: e.g. ["yaml !!binary", "base64", "gzip", "UTF-8"].
 */
export interface HttpBody {
  text: string | null;
  bytes: Uint8Array | null;
  /** Media type without parameters, lower case (`application/json`), or null if unknown. */
  mimeType: string | null;
  /** Size in bytes of the decoded body. */
  sizeBytes: number;
  decoding: string[];
  /**
   * Set when the recording stored the body as structured data rather than text
   * (pydantic-ai `parsed_body`, HAR `postData.params`); `text` then holds its JSON rendering.
   */
  structured?: unknown;
}

/** A request as recorded. `method` is upper case. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Header[];
  body: HttpBody | null;
  /** e.g. "HTTP/1.1", when recorded. */
  protocol: string | null;
}

/** A response as recorded. `status` is null when the recording has none. */
export interface HttpResponse {
  status: number | null;
  statusText: string | null;
  headers: Header[];
  body: HttpBody | null;
  protocol: string | null;
}

/**
 * What the file recorded about time. Nothing here is invented: a field is null when the format
 * does not record it (see shared/docs/cassette-formats.md, "Where timing lives").
 */
export interface RecordedTiming {
  /** go-vcr `duration` (time to response headers) or HAR entry `time`, in ms. */
  durationMs: number | null;
  /** Where durationMs came from. */
  durationSource: 'go-vcr-duration' | 'har-time' | null;
  /** HAR `timings.wait` (time to first byte), ms. */
  waitMs: number | null;
  /** HAR `timings.receive` (time reading the body), ms. */
  receiveMs: number | null;
  /** HAR `startedDateTime`, ISO string. */
  startedAt: string | null;
  /** Ruby VCR `recorded_at` (1 s resolution), cassetter `recorded_at` (ISO), as written in the file. */
  recordedAt: string | null;
}

/** One recorded request/response pair. */
export interface HttpExchange {
  /** Position in the file, from 0. */
  index: number;
  request: HttpRequest;
  response: HttpResponse | null;
  timing: RecordedTiming;
  /** Problems specific to this interaction (undecodable body, unsafe tag, …). */
  warnings: Diagnostic[];
  /** 1-based line in the source file where this interaction starts, if known. */
  sourceLine?: number;
}

/** On-disk cassette formats, spelled as in `inspect --json`. */
export type CassetteFormat =
  | 'go-vcr-v1'
  | 'go-vcr-v2'
  | 'vcrpy'
  | 'ruby-vcr'
  | 'polly'
  | 'har'
  | 'langchain-yaml-gz'
  | 'cassetter'
  | 'nock'
  | 'httprr'
  | 'exvcr';

/** A loaded cassette: the normalized exchanges plus what we learnt about the file. */
export interface Cassette {
  fileName: string;
  format: CassetteFormat;
  /** Human label of the dialect, e.g. "version 2", "pydantic-ai parsed_body", "r-vcr (VCR-vcr/2.1.0)". */
  formatVariant: string;
  /** `recorded_with`, Polly `creator`, …, or null. */
  recorder: string | null;
  /** Whole-file steps before parsing, e.g. ["gzip", "UTF-8 BOM removed"]. */
  fileDecoding: string[];
  exchanges: HttpExchange[];
  warnings: Diagnostic[];
}

/** Why one format rejected a document, for the "formats tried" part of an error message. */
export interface FormatAttempt {
  format: CassetteFormat | string;
  reason: string;
}
