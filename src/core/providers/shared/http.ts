/**
 * HTTP helpers for adapters: header lookup (case-insensitive, first match, RFC 9110 §5.1), URL
 * parts without trusting the URL to parse, and status checks. Adapters see only an HttpExchange.
 */
import type { Header, HttpExchange } from '../../model/http';

/** First value of a header, case-insensitively, or null. */
export function header(headers: readonly Header[] | null | undefined, name: string): string | null {
  if (!headers) return null;
  const wanted = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === wanted) return h.value;
  return null;
}

/** Every value of a header, in recorded order. */
export function headerValues(headers: readonly Header[] | null | undefined, name: string): string[] {
  if (!headers) return [];
  const wanted = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => h.value);
}

export type UrlParts = Readonly<{ host: string; path: string; query: string }>;

/**
 * The last URL asked for: detection runs every adapter on one exchange in a row, and each asks
 * for the same URL's parts (a `new URL` each time was ~5% of reading a large cassette).
 */
let lastUrl: string | null = null;
let lastParts: UrlParts | null = null;

/** Split a URL into host, path and query without throwing on odd input. */
export function urlParts(url: string): UrlParts {
  if (url === lastUrl && lastParts) return lastParts;
  const parts = Object.freeze(parseUrlParts(url));
  lastUrl = url;
  lastParts = parts;
  return parts;
}

function parseUrlParts(url: string): { host: string; path: string; query: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.hostname.toLowerCase(), path: parsed.pathname, query: parsed.search };
  } catch {
    const match = /^(?:[a-z][a-z0-9+.-]*:\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?/i.exec(url);
    const host = (match?.[1] ?? '').replace(/^.*@/, '').replace(/:\d+$/, '').toLowerCase();
    return { host, path: match?.[2] || '/', query: match?.[3] ?? '' };
  }
}

/** Lower-case host name of a URL ("" when none). */
export function urlHost(url: string): string {
  return urlParts(url).host;
}

/** Path of a URL, without query ("/v1/chat/completions"). */
export function urlPath(url: string): string {
  return urlParts(url).path;
}

/** A query parameter of a URL, or null. */
export function queryParam(url: string, name: string): string | null {
  const query = urlParts(url).query;
  if (!query) return null;
  try {
    return new URLSearchParams(query).get(name);
  } catch {
    return null;
  }
}

/** True when the host is the domain or a subdomain of it (`hostIs('api.groq.com', 'groq.com')`). */
export function hostIs(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain);
}

/** Response status, or null. */
export function responseStatus(exchange: HttpExchange): number | null {
  return exchange.response?.status ?? null;
}

/** True for a 4xx or 5xx response. */
export function isHttpError(exchange: HttpExchange): boolean {
  const status = responseStatus(exchange);
  return status !== null && status >= 400;
}

/** Request media type, lower case without parameters, or "". */
export function requestMimeType(exchange: HttpExchange): string {
  const fromBody = exchange.request.body?.mimeType;
  if (fromBody) return fromBody.toLowerCase();
  return (header(exchange.request.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}
