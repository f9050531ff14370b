/**
 * The "new" side of a match: the requests a failing run sends. They come as a second cassette or
 * HAR (recorded by that run), as one `curl` command, or as one raw HTTP request; which one is told
 * by the text itself, not by the file name.
 */
import { loadCassette, loadCassetteText } from '../cassette';
import { decodeFileBytes } from '../cassette/file-decoder';
import type { CassetteFormat, HttpRequest } from '../model/http';
import { looksLikeCurl, parseCurlCommand } from './curl-command';
import { looksLikeRawRequest, parseRawRequest } from './raw-http-request';

export interface IncomingRequests {
  kind: 'cassette' | 'curl' | 'raw-http';
  requests: HttpRequest[];
  /** For a cassette: its format. */
  format?: CassetteFormat;
  /** Things the reader should know (an assumed scheme, curl options not understood). */
  notes: string[];
}

/** Reads pasted or file text that is a curl command or a raw request, or null if it is neither. */
export function readSingleRequest(text: string): IncomingRequests | null {
  if (looksLikeCurl(text)) {
    const parsed = parseCurlCommand(text);
    return {
      kind: 'curl',
      requests: [parsed.request],
      notes:
        parsed.ignored.length > 0
          ? [`curl options not understood, left out: ${parsed.ignored.join(' ')}`]
          : [],
    };
  }
  if (looksLikeRawRequest(text)) {
    const parsed = parseRawRequest(text);
    return { kind: 'raw-http', requests: [parsed.request], notes: parsed.notes };
  }
  return null;
}

/** Text from the page (pasted): a curl command, a raw request, or a cassette's text. */
export function readIncomingText(text: string, name: string): IncomingRequests {
  return readSingleRequest(text) ?? fromCassette(loadCassetteText(text, name));
}

/** Bytes from a file (CLI): the same three kinds; a cassette may be gzip-compressed. */
export function readIncomingBytes(bytes: Uint8Array, name: string): IncomingRequests {
  const decoded = decodeFileBytes(bytes);
  if (decoded.ok) {
    const single = readSingleRequest(decoded.text);
    if (single) return single;
  }
  return fromCassette(loadCassette(bytes, name));
}

function fromCassette(cassette: ReturnType<typeof loadCassette>): IncomingRequests {
  return {
    kind: 'cassette',
    format: cassette.format,
    requests: cassette.exchanges.map((exchange) => exchange.request),
    notes: [],
  };
}
