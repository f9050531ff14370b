/**
 * Polly.JS's matching rules (Netflix/pollyjs at v6.0.7, d031861).
 *
 * Default `matchRequestsBy` (packages/@pollyjs/core/src/defaults/config.js): method, headers,
 * body and order true; url: protocol, username, password, hostname, port, pathname and query true,
 * hash false. A request's identifiers are normalized (src/utils/normalize-request.js): the method
 * upper-cased; headers with lower-case names (utils/http-headers.js), minus `headers.exclude`; the
 * body as the adapter serialized it, compared as text (so JSON key order matters); the URL through
 * url-parse with disabled parts blanked and query parameters sorted by name. Polly hashes the
 * identifiers into `_id`; here the recorded entry's request is normalized the same way and the two
 * are compared part by part, which gives the same answer and says which part differs.
 *
 * Replay (src/-private/request.js `_identify`, packages/@pollyjs/persister/src/index.js
 * `findEntry`): the entry with the same `_id` and the same `_order`, the count of earlier requests
 * with that id in this run. With `order: false` every request has order 0, so repeats replay the
 * first entry.
 */
import type { HttpRequest } from '../../model/http';
import { bodyText, exactBodyResult, groupHeaders, headersResult, valueResult } from '../compare-parts';
import type { MatcherResult, MatchOptions, MatchProfile } from '../match-types';
import { decodeFormComponent, defaultPort, splitUrl } from '../url-parts';

export const POLLY_URL_PARTS = [
  'protocol',
  'username',
  'password',
  'hostname',
  'port',
  'pathname',
  'query',
  'hash',
] as const;
type UrlPart = (typeof POLLY_URL_PARTS)[number];

/** The url-parse view of one part: protocol with ':', lower-case host, default ports dropped. */
function urlPart(url: string, part: UrlPart): unknown {
  const parts = splitUrl(url);
  switch (part) {
    case 'protocol':
      return parts.scheme === '' ? '' : `${parts.scheme}:`;
    case 'username':
      return parts.userinfo === null ? '' : decodeFormComponent(parts.userinfo.split(':')[0] ?? '');
    case 'password':
      return parts.userinfo === null ? '' : decodeFormComponent(parts.userinfo.split(':').slice(1).join(':'));
    case 'hostname':
      return parts.host.toLowerCase();
    case 'port':
      return parts.port === null || parts.port === defaultPort(parts.scheme) ? '' : String(parts.port);
    case 'pathname':
      return parts.path === '' && parts.host !== '' ? '/' : parts.path;
    case 'query': {
      // querystringify keeps the first value of a repeated name; fast-json-stable-stringify sorts.
      const query: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const field of (parts.query ?? '').split('&')) {
        if (field === '') continue;
        const equals = field.indexOf('=');
        const name = decodeFormComponent(equals >= 0 ? field.slice(0, equals) : field);
        if (!(name in query)) query[name] = decodeFormComponent(equals >= 0 ? field.slice(equals + 1) : '');
      }
      return Object.keys(query)
        .sort()
        .map((name) => `${name}=${query[name]}`)
        .join('&');
    }
    case 'hash':
      return parts.fragment === null ? '' : `#${parts.fragment}`;
  }
}

/** Which url parts `on` asks for: `url` means Polly's defaults; `url.hash` adds one part. */
export function pollyUrlParts(on: readonly string[]): UrlPart[] {
  const chosen = new Set<UrlPart>();
  if (on.includes('url')) for (const part of POLLY_URL_PARTS) if (part !== 'hash') chosen.add(part);
  for (const part of POLLY_URL_PARTS) if (on.includes(`url.${part}`)) chosen.add(part);
  for (const part of POLLY_URL_PARTS) if (on.includes(`-url.${part}`)) chosen.delete(part);
  return POLLY_URL_PARTS.filter((part) => chosen.has(part));
}

function compare(incoming: HttpRequest, recorded: HttpRequest, on: readonly string[], options: MatchOptions) {
  const results: MatcherResult[] = [];
  if (on.includes('method'))
    results.push(
      valueResult(
        'method',
        recorded.method,
        incoming.method,
        incoming.method.toUpperCase() === recorded.method.toUpperCase(),
      ),
    );
  if (on.includes('headers')) {
    const skip = new Set((options.ignoreHeaders ?? []).map((name) => name.toLowerCase()));
    const lower = (name: string) => name.toLowerCase();
    results.push(
      headersResult(
        'headers',
        groupHeaders(recorded.headers, lower, skip),
        groupHeaders(incoming.headers, lower, skip),
      ),
    );
  }
  // An empty body is no identifier at all (`if (this[key] && matchRequestsBy[key])`).
  if (on.includes('body')) results.push(exactBodyResult('body', bodyText(recorded), bodyText(incoming)));
  for (const part of pollyUrlParts(on)) {
    const [a, b] = [urlPart(recorded.url, part), urlPart(incoming.url, part)];
    results.push(valueResult(`url.${part}`, a, b, a === b));
  }
  return results;
}

export const pollyProfile: MatchProfile = {
  id: 'polly',
  label: 'Polly.JS (matchRequestsBy)',
  source:
    'Netflix/pollyjs core/src/defaults/config.js, utils/normalize-request.js, -private/request.js, v6.0.7',
  available: ['method', 'headers', 'body', 'order', 'url', ...POLLY_URL_PARTS.map((part) => `url.${part}`)],
  defaults: ['method', 'headers', 'body', 'order', 'url'],
  replay: 'polly-order',
  compare,
};
