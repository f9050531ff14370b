/**
 * Ruby VCR's matching rules (vcr/vcr at v6.4.0-5, 66dbbaf).
 *
 * Default `match_requests_on = [:method, :uri]` (lib/vcr/request_matcher_registry.rb,
 * `DEFAULT_MATCHERS`). Built-in matchers, same file (`register_built_ins`):
 * - method: `r1.method == r2.method` (VCR's methods are symbols; compared case-insensitively here
 *   because this model upper-cases every method);
 * - uri: `r1.parsed_uri == r2.parsed_uri`, Ruby's `URI#==`, which compares normalized components:
 *   scheme and host in lower case, the port (the scheme's default when absent), an empty http(s)
 *   path as '/', and the query string as written, so parameter order matters;
 * - host: `host.chomp('.')`, as written; path: as written;
 * - query: both through the query parser (`URI.decode_www_form` into name → [values], configuration.rb),
 *   so the order of names does not matter;
 * - headers: hash equality of name → [values] with names as recorded (case matters);
 * - body: string equality; body_as_json: equal strings or equal `JSON.parse` results.
 *
 * Replay (lib/vcr/cassette/http_interaction_list.rb): the first matching interaction not used yet
 * (it moves to the used list); with `allow_playback_repeats`, otherwise the most recently used
 * matching one (`@used_interactions.unshift`, then `find`).
 */
import type { HttpRequest } from '../../model/http';
import {
  bodyText,
  describeBodyDifference,
  exactBodyResult,
  groupHeaders,
  headersResult,
  jsonEqual,
  valueResult,
} from '../compare-parts';
import type { MatcherResult, MatchProfile } from '../match-types';
import { defaultPort, formPairs, splitUrl } from '../url-parts';

/** Ruby's URI#normalize then component_ary, as one comparable string. */
export function rubyUriKey(url: string): string {
  const parts = splitUrl(url);
  const scheme = parts.scheme;
  let path = parts.path;
  if (path === '' && (scheme === 'http' || scheme === 'https')) path = '/';
  return JSON.stringify([
    scheme,
    parts.userinfo,
    parts.host.toLowerCase(),
    parts.port ?? defaultPort(scheme),
    path,
    parts.query,
    parts.fragment,
  ]);
}

/** `URI.decode_www_form` into a name → [values] hash, compared without regard to name order. */
function rubyQueryKey(url: string): string {
  const map = new Map<string, string[]>();
  for (const [name, value] of formPairs(splitUrl(url).query ?? ''))
    map.set(name, [...(map.get(name) ?? []), value]);
  return JSON.stringify([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const NO_SKIP = new Set<string>();

const MATCHERS: Record<string, (incoming: HttpRequest, recorded: HttpRequest) => MatcherResult> = {
  method: (i, r) =>
    valueResult('method', r.method, i.method, i.method.toUpperCase() === r.method.toUpperCase()),
  uri: (i, r) => valueResult('uri', r.url, i.url, rubyUriKey(i.url) === rubyUriKey(r.url)),
  host: (i, r) => {
    const [a, b] = [splitUrl(r.url).host.replace(/\.$/, ''), splitUrl(i.url).host.replace(/\.$/, '')];
    return valueResult('host', a, b, a === b);
  },
  path: (i, r) => {
    const [a, b] = [splitUrl(r.url).path, splitUrl(i.url).path];
    return valueResult('path', a, b, a === b);
  },
  query: (i, r) =>
    valueResult(
      'query',
      splitUrl(r.url).query,
      splitUrl(i.url).query,
      rubyQueryKey(i.url) === rubyQueryKey(r.url),
    ),
  headers: (i, r) =>
    headersResult(
      'headers',
      groupHeaders(r.headers, (name) => name, NO_SKIP),
      groupHeaders(i.headers, (name) => name, NO_SKIP),
    ),
  body: (i, r) => exactBodyResult('body', bodyText(r), bodyText(i)),
  body_as_json: (i, r) => {
    const [a, b] = [bodyText(r), bodyText(i)];
    if (a === b || jsonEqual(a, b) === true) return { name: 'body_as_json', ok: true };
    return { name: 'body_as_json', ok: false, difference: describeBodyDifference(a, b, false) };
  },
};

export const rubyVcrProfile: MatchProfile = {
  id: 'ruby-vcr',
  label: 'Ruby VCR (match_requests_on)',
  source: 'vcr/vcr lib/vcr/request_matcher_registry.rb, cassette/http_interaction_list.rb, v6.4.0-5-g66dbbaf',
  available: Object.keys(MATCHERS),
  defaults: ['method', 'uri'],
  replay: 'ruby-used-list',
  compare(incoming, recorded, on) {
    return on.flatMap((name) => {
      const matcher = MATCHERS[name];
      return matcher ? [matcher(incoming, recorded)] : [];
    });
  },
};
