/**
 * One raw HTTP/1.x request as text → `HttpRequest`: a request line `METHOD TARGET [HTTP/x.y]`
 * (RFC 9112 §3), header lines up to an empty line, then the body. The target may be a full URL
 * (absolute form) or a path with a `Host` header (origin form); then the scheme is not in the
 * text, so https is assumed and said in a note. `Host` and `Content-Length` become part of the
 * URL and the body rather than headers, as HTTP clients (and the recorders) keep them.
 */
import { utf8ByteLength } from '../../lib/bytes';
import type { Header, HttpRequest } from '../model/http';

export class RawRequestParseError extends Error {}

const REQUEST_LINE = /^([A-Z][A-Z0-9_-]*)[ \t]+(\S+)(?:[ \t]+(HTTP\/\d(?:\.\d)?))?[ \t]*$/;

/** Whether the text starts with an HTTP request line. */
export function looksLikeRawRequest(text: string): boolean {
  const first = text.replace(/^\s+/, '').split(/\r?\n/, 1)[0] ?? '';
  return REQUEST_LINE.test(first);
}

export interface ParsedRawRequest {
  request: HttpRequest;
  notes: string[];
}

export function parseRawRequest(text: string): ParsedRawRequest {
  const source = text.replace(/^\s+/, '');
  const split = /\r?\n\r?\n/.exec(source);
  const head = split ? source.slice(0, split.index) : source.replace(/\s+$/, '');
  let body = split ? source.slice(split.index + split[0].length) : '';
  const lines = head.split(/\r?\n/);
  const line = REQUEST_LINE.exec(lines[0] ?? '');
  if (!line)
    throw new RawRequestParseError('The first line is not an HTTP request line ("METHOD URL HTTP/1.1").');
  const [, method, target, protocol] = line;
  const headers: Header[] = [];
  let host: string | null = null;
  let length: number | null = null;
  for (let index = 1; index < lines.length; index++) {
    const headerLine = lines[index]!;
    const colon = headerLine.indexOf(':');
    if (colon <= 0)
      throw new RawRequestParseError(
        `Line ${index + 1} is not a header ("Name: value"): ${headerLine.slice(0, 60)}`,
      );
    const name = headerLine.slice(0, colon).trim();
    const value = headerLine.slice(colon + 1).trim();
    const lower = name.toLowerCase();
    if (lower === 'host') host = value;
    else if (lower === 'content-length') length = Number(value);
    else headers.push({ name, value });
  }
  const notes: string[] = [];
  body = trimBody(body, length, notes);
  let url = target!;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    if (host === null)
      throw new RawRequestParseError('The request line has a path but no Host header says where it went.');
    url = `https://${host}${url.startsWith('/') ? '' : '/'}${url}`;
    notes.push('The request names no scheme; https is assumed.');
  }
  const contentType = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? null;
  return {
    request: {
      method: method!,
      url,
      headers,
      body:
        body === ''
          ? null
          : {
              text: body,
              bytes: null,
              mimeType: contentType?.split(';')[0]?.trim().toLowerCase() ?? null,
              sizeBytes: utf8ByteLength(body),
              decoding: ['raw HTTP request'],
            },
      protocol: protocol ?? null,
    },
    notes,
  };
}

/**
 * A file usually ends with a newline the request did not send: with Content-Length the body is
 * cut to that many bytes; without it, one final line break is dropped, and the note says so.
 */
function trimBody(body: string, length: number | null, notes: string[]): string {
  if (length !== null && Number.isInteger(length) && length >= 0) {
    const bytes = new TextEncoder().encode(body);
    if (bytes.length > length) return new TextDecoder().decode(bytes.subarray(0, length));
    return body;
  }
  const trimmed = body.replace(/\r?\n$/, '');
  if (trimmed !== body)
    notes.push('The final line break of the file is taken as not part of the body (no Content-Length).');
  return trimmed;
}
