/**
 * A cassette as a HAR 1.2 archive (http://www.softwareishard.com/blog/har-12-spec/), for Chrome
 * DevTools' "Import HAR file" and any HAR reader. Every field the spec requires is written:
 * `log.version`, `creator`, `entries[]` with `startedDateTime`, `time`, `request`, `response`,
 * `cache`, `timings`. Bodies are the decoded ones (as a browser exports them: `content.text` is
 * the decoded body, the `Content-Encoding` header stays as recorded); a binary body is written as
 * base64 with `encoding: "base64"` (spec: "encoding [string, optional]"; Chrome does the same).
 * Nothing is invented: a time the cassette did not record is 0 ms and the entry says so in its
 * `comment`; sizes not known are -1, as the spec asks.
 *
 * `mask` is applied to every string that carries recorded data (export-cassette.ts passes the
 * secret masking of core/share); a base64 body cannot be masked as text and is left out of it.
 */
import { encodeBase64 } from '../../lib/base64';
import type { Header, HttpBody, HttpExchange, RecordedTiming } from '../model/http';

/** HAR's `{name, value}` pairs (headers, query string, cookies). */
export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarContent {
  size: number;
  mimeType: string;
  text?: string;
  encoding?: 'base64';
  compression?: number;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarNameValue[];
    queryString: HarNameValue[];
    cookies: HarNameValue[];
    headersSize: number;
    bodySize: number;
    postData?: { mimeType: string; text: string; encoding?: 'base64'; params: HarNameValue[] };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarNameValue[];
    cookies: HarNameValue[];
    content: HarContent;
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: {
    blocked: number;
    dns: number;
    connect: number;
    ssl: number;
    send: number;
    wait: number;
    receive: number;
  };
  comment?: string;
}

export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string; comment?: string };
    entries: HarEntry[];
    comment?: string;
  };
}

export interface HarOptions {
  /** The exporting tool's version (`log.creator.version`). */
  creatorVersion: string;
  /** Applied to every recorded string (URLs, header values, text bodies); identity by default. */
  mask?: (text: string) => string;
  /** `log.comment`, e.g. where the archive came from and that it is masked. */
  comment?: string;
}

/** The Unix epoch: the start time of an entry whose cassette recorded none (said in its comment). */
const NO_TIME = '1970-01-01T00:00:00.000Z';

/** An ISO 8601 start time from what the cassette recorded, or null. */
function startedAt(timing: RecordedTiming): string | null {
  for (const value of [timing.startedAt, timing.recordedAt]) {
    if (!value) continue;
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date.toISOString();
  }
  return null;
}

function headerValue(headers: readonly Header[], name: string): string | null {
  return headers.find((header) => header.name.toLowerCase() === name)?.value ?? null;
}

function queryString(url: string, mask: (text: string) => string): HarNameValue[] {
  try {
    const parsed = new URL(url);
    return Array.from(parsed.searchParams, ([name, value]) => ({ name, value: mask(value) }));
  } catch {
    return [];
  }
}

/** Cookie header → HAR cookies (RFC 6265 §4.2.1: `name=value` pairs separated by `; `). */
function requestCookies(headers: readonly Header[], mask: (text: string) => string): HarNameValue[] {
  return headers
    .filter((header) => header.name.toLowerCase() === 'cookie')
    .flatMap((header) => header.value.split(/;\s*/))
    .filter((pair) => pair.includes('='))
    .map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at).trim(), value: mask(pair.slice(at + 1).trim()) };
    });
}

function mimeTypeOf(headers: readonly Header[], body: HttpBody | null): string {
  return headerValue(headers, 'content-type') ?? body?.mimeType ?? '';
}

/** A body as HAR text: decoded text as is, binary as base64. */
function bodyText(body: HttpBody, mask: (text: string) => string): { text: string; encoding?: 'base64' } {
  if (body.text !== null) return { text: mask(body.text) };
  if (body.bytes !== null) return { text: encodeBase64(body.bytes), encoding: 'base64' };
  return { text: '' };
}

function maskHeaders(headers: readonly Header[], mask: (text: string) => string): HarNameValue[] {
  return headers.map((header) => ({ name: header.name, value: mask(header.value) }));
}

export function exchangeToHarEntry(
  exchange: HttpExchange,
  mask: (text: string) => string = (t) => t,
): HarEntry {
  const { request, response, timing } = exchange;
  const notes: string[] = [];
  const started = startedAt(timing);
  if (started === null) notes.push('start time not recorded');
  const wait = timing.waitMs ?? timing.durationMs ?? 0;
  const receive = timing.receiveMs ?? 0;
  if (timing.durationMs === null && timing.waitMs === null) notes.push('duration not recorded');
  const requestBody = request.body;
  const entry: HarEntry = {
    startedDateTime: started ?? NO_TIME,
    time: wait + receive,
    request: {
      method: request.method,
      url: mask(request.url),
      httpVersion: request.protocol ?? 'HTTP/1.1',
      headers: maskHeaders(request.headers, mask),
      queryString: queryString(request.url, mask),
      cookies: requestCookies(request.headers, mask),
      headersSize: -1,
      bodySize: requestBody ? requestBody.sizeBytes : 0,
      ...(requestBody
        ? {
            postData: {
              mimeType: mimeTypeOf(request.headers, requestBody),
              ...bodyText(requestBody, mask),
              params: [],
            },
          }
        : {}),
    },
    response: {
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: response?.protocol ?? request.protocol ?? 'HTTP/1.1',
      headers: maskHeaders(response?.headers ?? [], mask),
      cookies: [],
      content: {
        size: response?.body?.sizeBytes ?? 0,
        mimeType: mimeTypeOf(response?.headers ?? [], response?.body ?? null),
        ...(response?.body ? bodyText(response.body, mask) : {}),
      },
      redirectURL: mask(headerValue(response?.headers ?? [], 'location') ?? ''),
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait, receive },
  };
  if (response === null) notes.push('no response recorded');
  if (notes.length > 0) entry.comment = `cassette-viewer: ${notes.join('; ')}`;
  return entry;
}

/** The whole archive: one entry per interaction, in file order. */
export function cassetteToHar(exchanges: readonly HttpExchange[], options: HarOptions): HarLog {
  const mask = options.mask ?? ((text: string) => text);
  return {
    log: {
      version: '1.2',
      creator: { name: 'cassette-viewer', version: options.creatorVersion },
      entries: exchanges.map((exchange) => exchangeToHarEntry(exchange, mask)),
      ...(options.comment ? { comment: options.comment } : {}),
    },
  };
}
