/**
 * httprr traces (Go; rsc.io/httprr, vendored by langchaingo as internal/httprr).
 * Format reference: https://pkg.go.dev/rsc.io/httprr ("httprr trace v1"), and
 * shared/docs/cassette-formats.md d-6b:
 *
 *   httprr trace v1\n
 *   <request length> <response length>\n<request bytes><response bytes>   (repeated)
 *
 * Each request is what Go's `http.Request.Write` wrote and each response what
 * `http.Response.Write` wrote: a start line, header lines (CRLF, or a bare LF where a recorder
 * edited the file), a blank line, the body. Bodies may use the chunked transfer coding
 * (RFC 9112 §7.1) and a content coding such as gzip; both are undone, and the body's decoding
 * steps say so for the raw view. The file is read as bytes, since a gzip body is not UTF-8.
 * Timing: none recorded.
 */
import type { Header, HttpBody, HttpExchange, HttpRequest, HttpResponse } from '../../model/http';
import { decodeBody } from '../body-decoder';
import type { DocumentReader, FormatModule, NormalizeContext } from '../format-module';
import { emptyTiming, warningsFor } from '../format-module';
import { headerValues } from '../headers';
import { dechunk, parseHttpMessage, type HttpMessage } from './raw-http-message';

const MAGIC = 'httprr trace v1\n';

/** One record: the raw request and response bytes, and where the record starts in the file. */
export class HttprrRecord {
  readonly request: Uint8Array;
  readonly response: Uint8Array;
  readonly line: number;
  constructor(request: Uint8Array, response: Uint8Array, line: number) {
    this.request = request;
    this.response = response;
    this.line = line;
  }
}

/** The document root an httprr file reads to: its records, in order (a list no YAML file can make). */
export class HttprrTrace {
  readonly records: HttprrRecord[] = [];
}

function countLines(bytes: Uint8Array, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i++) if (bytes[i] === 0x0a) lines++;
  return lines;
}

/** A record header line, `<request bytes> <response bytes>`, at a position of the latin1 text. */
const RECORD_HEADER = /(\d+) (\d+)\r?\n/y;
/** A record header followed by a request line: where a record starts when the counts are off. */
const NEXT_RECORD = /\d+ \d+\r?\n[A-Z]+ \S+ HTTP\/\d/g;
/** A response's status line. */
const STATUS_LINE = /HTTP\/\d(?:\.\d)? \d{3}\b/g;

function searchFrom(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index : -1;
}

function recordHeaderAt(text: string, at: number): boolean {
  RECORD_HEADER.lastIndex = at;
  return RECORD_HEADER.test(text);
}

/**
 * Where one record's parts are. The byte counts are trusted when they land on a status line and
 * on the next record (or the end); when they do not (the file was edited after recording, e.g.
 * a key masked by hand), the request and response are found by their start lines instead.
 */
function locateRecord(
  text: string,
  start: number,
  requestLength: number,
  responseLength: number,
): { responseStart: number; end: number; exact: boolean } {
  const responseStart = start + requestLength;
  const end = responseStart + responseLength;
  const landsOnNext = end === text.length || (end < text.length && recordHeaderAt(text, end));
  if (text.startsWith('HTTP/', responseStart) && landsOnNext) return { responseStart, end, exact: true };
  const status = searchFrom(STATUS_LINE, text, start);
  const foundResponse = status < 0 ? Math.min(responseStart, text.length) : status;
  const next = searchFrom(NEXT_RECORD, text, foundResponse + 1);
  return { responseStart: foundResponse, end: next < 0 ? text.length : next, exact: false };
}

export const httprrDocumentReader: DocumentReader = {
  syntax: 'httprr',
  sniff: (head) => head.startsWith(MAGIC) || head.startsWith('httprr trace v1\r\n'),
  read(bytes) {
    const trace = new HttprrTrace();
    // latin1 maps each byte to one character, so text positions are byte offsets.
    const text = new TextDecoder('latin1').decode(bytes);
    const warnings: string[] = [];
    let offset = text.indexOf('\n') + 1;
    let line = 2;
    while (offset < text.length) {
      RECORD_HEADER.lastIndex = offset;
      const match = RECORD_HEADER.exec(text);
      if (!match) {
        if (text.slice(offset).trim() === '') break;
        const found = JSON.stringify(text.slice(offset, offset + 40).split('\n')[0]);
        return {
          ok: false,
          message: `expected "<request bytes> <response bytes>", found ${found}`,
          line,
          column: 1,
        };
      }
      const start = offset + match[0].length;
      const place = locateRecord(text, start, Number(match[1]), Number(match[2]));
      if (!place.exact)
        warnings.push(
          `record ${trace.records.length + 1} (line ${line}): its byte counts do not match the bytes (edited after recording?); its request and response were found by their start lines`,
        );
      const request = bytes.subarray(start, place.responseStart);
      const response = bytes.subarray(place.responseStart, place.end);
      trace.records.push(new HttprrRecord(request, response, line));
      line += 1 + countLines(bytes, start, place.end);
      offset = place.end;
    }
    return {
      ok: true,
      root: trace as unknown as Record<string, unknown>,
      warnings,
      lineOf: (node) => (node instanceof HttprrRecord ? node.line : undefined),
    };
  },
};

/** A message body: chunked transfer coding removed, then the content coding (by decodeBody). */
function readBody(message: HttpMessage, warnings: string[], context: NormalizeContext): HttpBody | null {
  const steps = ['httprr raw HTTP'];
  let body = message.body;
  const transfer = (headerValues(message.headers, 'transfer-encoding') ?? '').toLowerCase();
  if (transfer.includes('chunked')) {
    const unchunked = dechunk(body);
    if (unchunked.ok) {
      body = unchunked.bytes;
      steps.push(`chunked transfer coding removed (${unchunked.chunks} chunks)`);
    } else {
      warnings.push(`chunked body cannot be read (${unchunked.message}); shown as stored`);
      steps.push('chunked (not undone)');
    }
  }
  return decodeBody({ value: body, steps, headers: message.headers }, warnings, context.decode);
}

/** The request target as a URL: absolute in the start line, else built from Host (RFC 9112 §3.2). */
function requestUrl(target: string, headers: readonly Header[]): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return target;
  const host = headerValues(headers, 'host');
  return host ? `https://${host}${target}` : target;
}

function readRequest(bytes: Uint8Array, warnings: string[], context: NormalizeContext): HttpRequest {
  const message = parseHttpMessage(bytes);
  if (message.problem) warnings.push(`request: ${message.problem}`);
  const [method = '', target = '', protocol = ''] = message.startLine.split(' ');
  return {
    method: method.toUpperCase(),
    url: requestUrl(target, message.headers),
    headers: message.headers,
    body: readBody(message, warnings, context),
    protocol: protocol || null,
  };
}

function readResponse(bytes: Uint8Array, warnings: string[], context: NormalizeContext): HttpResponse | null {
  if (bytes.length === 0) return null;
  const message = parseHttpMessage(bytes);
  if (message.problem) warnings.push(`response: ${message.problem}`);
  const match = /^(\S+)\s+(\d{3})(?:\s+(.*))?$/.exec(message.startLine);
  if (!match)
    warnings.push(`response status line not understood: ${JSON.stringify(message.startLine.slice(0, 60))}`);
  return {
    status: match ? Number(match[2]) : null,
    statusText: match?.[3] || null,
    headers: message.headers,
    body: readBody(message, warnings, context),
    protocol: match?.[1] ?? null,
  };
}

function normalize(node: unknown, context: NormalizeContext): HttpExchange {
  const warnings: string[] = [];
  const record =
    node instanceof HttprrRecord ? node : new HttprrRecord(new Uint8Array(), new Uint8Array(), 0);
  if (!(node instanceof HttprrRecord)) warnings.push('record is not an httprr record; shown empty');
  return {
    index: context.index,
    request: readRequest(record.request, warnings, context),
    response: readResponse(record.response, warnings, context),
    timing: emptyTiming(),
    warnings: warningsFor(context.index, warnings, context.sourceLine),
    ...(context.sourceLine ? { sourceLine: context.sourceLine } : {}),
  };
}

export const httprrFormat: FormatModule = {
  id: 'httprr',
  probe: (root) => (root instanceof HttprrTrace ? null : 'the file does not start with "httprr trace v1"'),
  describe: () => ({ formatVariant: 'httprr trace v1', recorder: null, notes: [] }),
  interactionNodes: (root) => (root instanceof HttprrTrace ? root.records : []),
  normalize,
};
