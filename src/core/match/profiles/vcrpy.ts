/**
 * vcrpy's matching rules (kevin1024/vcrpy at v8.2.1-4, b1fb62b).
 *
 * Default `match_on = ("method", "scheme", "host", "port", "path", "query")` (vcr/config.py,
 * `VCR.__init__`); the registered names are method, uri (alias url), scheme, host, port, path,
 * query, headers, raw_body and body (vcr/config.py `self.matchers`).
 * What each compares (vcr/request.py, vcr/matchers.py):
 * - scheme, host: `urlparse(uri).scheme` / `.hostname` (both lower case);
 * - port: the explicit port, else 443 for https and 80 for http;
 * - path: `.path` as written; uri: the whole URI string;
 * - query: `sorted(parse_qsl(query))`, so parameter order does not matter and blank values drop out;
 * - headers: a case-insensitive dict holding one value per name (the first of a recorded list);
 * - raw_body: the bytes; body: the bytes after a transformer both requests share by their
 *   headers: `application/x-www-form-urlencoded` → parse_qs, `application/json` → json.loads
 *   (so JSON key order does not matter), chunked Transfer-Encoding → de-chunked.
 *
 * Replay (vcr/cassette.py `play_response`): the first matching interaction whose play count is 0,
 * unless `allow_playback_repeats`.
 */
import type { HttpRequest } from '../../model/http';
import {
  bodyText,
  describeBodyDifference,
  exactBodyResult,
  headersResult,
  jsonEqual,
  valueResult,
} from '../compare-parts';
import type { MatcherResult, MatchProfile } from '../match-types';
import { defaultPort, formPairs, splitUrl } from '../url-parts';

function header(request: HttpRequest, name: string): string {
  return request.headers.find((entry) => entry.name.toLowerCase() === name)?.value ?? '';
}

/** Python's `sorted(parse_qsl(q))`: decoded pairs without blank values, sorted. */
export function pythonQuery(url: string): Array<[string, string]> {
  const query = splitUrl(url).query ?? '';
  return formPairs(query)
    .filter(([, value]) => value !== '')
    .map(([name, value]): [string, string] => [name, value])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** vcrpy's HeadersDict: lower-cased names, the first value of each. */
function vcrpyHeaders(request: HttpRequest): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const entry of request.headers) {
    const name = entry.name.toLowerCase();
    if (!groups.has(name)) groups.set(name, [entry.value]);
  }
  return groups;
}

/** The transformers vcrpy's `body` matcher would apply to this request, by name. */
function transformers(request: HttpRequest): string[] {
  const names: string[] = [];
  // Listed so both sides must agree on it, as in vcrpy; the bodies here are already whole text.
  if (header(request, 'transfer-encoding').toLowerCase().includes('chunked')) names.push('dechunk');
  const type = header(request, 'content-type').toLowerCase();
  if (type.includes('application/x-www-form-urlencoded')) names.push('form');
  if (type.includes('application/json')) names.push('json');
  return names;
}

function formKey(text: string): string {
  const map = new Map<string, string[]>();
  for (const [name, value] of formPairs(text)) {
    if (value === '') continue;
    map.set(name, [...(map.get(name) ?? []), value]);
  }
  return JSON.stringify([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function bodyMatcher(incoming: HttpRequest, recorded: HttpRequest): MatcherResult {
  const a = transformers(recorded);
  const b = transformers(incoming);
  const shared = a.length === b.length && a.every((name, i) => name === b[i]) ? a : [];
  const recordedText = bodyText(recorded);
  const incomingText = bodyText(incoming);
  if (shared.includes('json') && recordedText !== '' && incomingText !== '') {
    // json.loads raising makes vcrpy's matcher fail; here a body that is not JSON is no match.
    return jsonEqual(recordedText, incomingText) === true
      ? { name: 'body', ok: true }
      : { name: 'body', ok: false, difference: describeBodyDifference(recordedText, incomingText, false) };
  }
  if (shared.includes('form')) {
    return formKey(recordedText) === formKey(incomingText)
      ? { name: 'body', ok: true }
      : { name: 'body', ok: false, difference: describeBodyDifference(recordedText, incomingText, false) };
  }
  return exactBodyResult('body', recordedText, incomingText);
}

const MATCHERS: Record<string, (incoming: HttpRequest, recorded: HttpRequest) => MatcherResult> = {
  method: (i, r) => valueResult('method', r.method, i.method, i.method === r.method),
  uri: (i, r) => valueResult('uri', r.url, i.url, i.url === r.url),
  url: (i, r) => valueResult('url', r.url, i.url, i.url === r.url),
  scheme: (i, r) => {
    const [a, b] = [splitUrl(r.url).scheme, splitUrl(i.url).scheme];
    return valueResult('scheme', a, b, a === b);
  },
  host: (i, r) => {
    const [a, b] = [splitUrl(r.url).host.toLowerCase(), splitUrl(i.url).host.toLowerCase()];
    return valueResult('host', a, b, a === b);
  },
  port: (i, r) => {
    const portOf = (url: string) => {
      const parts = splitUrl(url);
      return parts.port ?? defaultPort(parts.scheme);
    };
    const [a, b] = [portOf(r.url), portOf(i.url)];
    return valueResult('port', a, b, a === b);
  },
  path: (i, r) => {
    const [a, b] = [splitUrl(r.url).path, splitUrl(i.url).path];
    return valueResult('path', a, b, a === b);
  },
  query: (i, r) => {
    const [a, b] = [pythonQuery(r.url), pythonQuery(i.url)];
    const equal = JSON.stringify(a) === JSON.stringify(b);
    return valueResult('query', a, b, equal);
  },
  headers: (i, r) => headersResult('headers', vcrpyHeaders(r), vcrpyHeaders(i)),
  raw_body: (i, r) => exactBodyResult('raw_body', bodyText(r), bodyText(i)),
  body: bodyMatcher,
};

export const vcrpyProfile: MatchProfile = {
  id: 'vcrpy',
  label: 'vcrpy (match_on)',
  source: 'kevin1024/vcrpy vcr/config.py, vcr/matchers.py, vcr/request.py, v8.2.1-4-gb1fb62b',
  available: Object.keys(MATCHERS),
  defaults: ['method', 'scheme', 'host', 'port', 'path', 'query'],
  replay: 'first-unplayed',
  compare(incoming, recorded, on) {
    return on.flatMap((name) => {
      const matcher = MATCHERS[name];
      return matcher ? [matcher(incoming, recorded)] : [];
    });
  },
};
