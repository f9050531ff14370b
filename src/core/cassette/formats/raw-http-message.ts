/**
 * Raw HTTP/1.1 messages as bytes (RFC 9112): the start line, header fields, and the body, plus the
 * chunked transfer coding (RFC 9112 §7.1). Used by the httprr format, whose records are the bytes
 * Go's `Request.Write` / `Response.Write` produced. Lenient where recorders are: a line may end in
 * CRLF or a bare LF (§2.2 allows a recipient to accept a bare LF).
 */
import type { Header } from '../../model/http';
import { concatBytes } from '../../../lib/bytes';

export interface HttpMessage {
  startLine: string;
  headers: Header[];
  body: Uint8Array;
  /** Set when the message was cut or malformed; what could be read is still returned. */
  problem?: string;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** The next line from `offset`: its text (without CR LF) and where the following line starts. */
function nextLine(bytes: Uint8Array, offset: number): { text: string; next: number } | null {
  if (offset >= bytes.length) return null;
  const end = bytes.indexOf(0x0a, offset);
  const stop = end < 0 ? bytes.length : end;
  const contentEnd = stop > offset && bytes[stop - 1] === 0x0d ? stop - 1 : stop;
  // Field values are octets (RFC 9110 §5.5); UTF-8 is what Go writes for non-ASCII ones.
  const raw = bytes.subarray(offset, contentEnd);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    text = latin1.decode(raw);
  }
  return { text, next: end < 0 ? bytes.length : end + 1 };
}

export function parseHttpMessage(bytes: Uint8Array): HttpMessage {
  const first = nextLine(bytes, 0);
  if (!first) return { startLine: '', headers: [], body: new Uint8Array(), problem: 'empty message' };
  const headers: Header[] = [];
  let offset = first.next;
  for (;;) {
    const line = nextLine(bytes, offset);
    if (!line) {
      return {
        startLine: first.text,
        headers,
        body: new Uint8Array(),
        problem: 'no blank line after the headers',
      };
    }
    offset = line.next;
    if (line.text === '') break;
    const colon = line.text.indexOf(':');
    if (colon <= 0) {
      // An obsolete folded line (§5.2) continues the previous value; anything else is kept as a name.
      const previous = headers.at(-1);
      if (previous && /^[ \t]/.test(line.text)) previous.value += ` ${line.text.trim()}`;
      else headers.push({ name: line.text.trim(), value: '' });
      continue;
    }
    headers.push({ name: line.text.slice(0, colon).trim(), value: line.text.slice(colon + 1).trim() });
  }
  return { startLine: first.text, headers, body: bytes.subarray(offset) };
}

export type DechunkResult = { ok: true; bytes: Uint8Array; chunks: number } | { ok: false; message: string };

/** Removes the chunked transfer coding (RFC 9112 §7.1): `size[;ext] CRLF data CRLF` … `0 CRLF`. */
export function dechunk(bytes: Uint8Array): DechunkResult {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    const line = nextLine(bytes, offset);
    if (!line) return { ok: false, message: 'ends without the last (zero-size) chunk' };
    const sizeText = line.text.split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText))
      return {
        ok: false,
        message: `chunk size ${JSON.stringify(utf8.decode(bytes.subarray(offset, offset + 20)))} is not hex`,
      };
    const size = parseInt(sizeText, 16);
    if (size === 0) break;
    const start = line.next;
    if (start + size > bytes.length) return { ok: false, message: 'a chunk runs past the end of the body' };
    parts.push(bytes.subarray(start, start + size));
    offset = start + size;
    // The CRLF (or LF) after the chunk data.
    if (bytes[offset] === 0x0d) offset++;
    if (bytes[offset] === 0x0a) offset++;
  }
  return { ok: true, bytes: concatBytes(parts), chunks: parts.length };
}
