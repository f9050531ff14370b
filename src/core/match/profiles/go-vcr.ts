/**
 * go-vcr's matching rules.
 *
 * `go-vcr` (v1, v2, v3): the default matcher compares only the method and the URL,
 * `r.Method == i.Method && r.URL.String() == i.URL` — dnaeon/go-vcr cassette/cassette.go,
 * `DefaultMatcher`, at tags v2.3.0 (c444037) and v3.2.0 (10c5feb).
 *
 * `go-vcr-v4`: v4's default matcher (`NewDefaultMatcher`, pkg/cassette/cassette.go at v4.0.1-5,
 * e0eabf6) also compares Proto/ProtoMajor/ProtoMinor, the headers (`http.Header`, after deleting
 * the names given by `WithIgnoreHeaders`, `WithIgnoreUserAgent`, `WithIgnoreAuthorization`), the
 * body byte for byte, ContentLength, TransferEncoding, Host, the parsed form, Trailer, RemoteAddr
 * and RequestURI. This model keeps method, URL, protocol, headers and body; content length and the
 * form follow from the body and URL, and the other fields are empty for a client's request.
 * Go keeps Host and Content-Length outside `http.Header`, so they are not compared as headers.
 *
 * Replay, every version: the first interaction in file order that matches and has not been
 * replayed (`(c.ReplayableInteractions || !i.replayed) && c.Matcher(r, i.Request)`,
 * `Cassette.GetInteraction`/`getInteraction`).
 */
import type { HttpRequest } from '../../model/http';
import { bodyText, exactBodyResult, groupHeaders, headersResult, valueResult } from '../compare-parts';
import type { MatcherResult, MatchOptions, MatchProfile } from '../match-types';

/** Go's textproto.CanonicalMIMEHeaderKey: `content-type` → `Content-Type`. */
export function canonicalGoHeader(name: string): string {
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

function method(incoming: HttpRequest, recorded: HttpRequest): MatcherResult {
  return valueResult('method', recorded.method, incoming.method, incoming.method === recorded.method);
}

function url(incoming: HttpRequest, recorded: HttpRequest): MatcherResult {
  return valueResult('url', recorded.url, incoming.url, incoming.url === recorded.url);
}

export const goVcrProfile: MatchProfile = {
  id: 'go-vcr',
  label: 'go-vcr v1–v3 (method, URL)',
  source: 'dnaeon/go-vcr cassette/cassette.go DefaultMatcher, tags v2.3.0 and v3.2.0',
  available: ['method', 'url'],
  defaults: ['method', 'url'],
  replay: 'first-unplayed',
  compare(incoming, recorded, on) {
    const results: MatcherResult[] = [];
    if (on.includes('method')) results.push(method(incoming, recorded));
    if (on.includes('url')) results.push(url(incoming, recorded));
    return results;
  },
};

/** Header names v4 leaves out: the options' names plus the two Go keeps outside `Header`. */
function skippedHeaders(options: MatchOptions): Set<string> {
  return new Set([
    'host',
    'content-length',
    ...(options.ignoreHeaders ?? []).map((name) => name.toLowerCase()),
  ]);
}

export const goVcrV4Profile: MatchProfile = {
  id: 'go-vcr-v4',
  label: 'go-vcr v4 (default matcher)',
  source: 'dnaeon/go-vcr pkg/cassette/cassette.go NewDefaultMatcher, v4.0.1-5-ge0eabf6',
  available: ['method', 'url', 'proto', 'headers', 'body'],
  defaults: ['method', 'url', 'proto', 'headers', 'body'],
  replay: 'first-unplayed',
  compare(incoming, recorded, on, options) {
    const results: MatcherResult[] = [];
    if (on.includes('method')) results.push(method(incoming, recorded));
    if (on.includes('url')) results.push(url(incoming, recorded));
    if (on.includes('proto')) {
      if (incoming.protocol === null || recorded.protocol === null)
        results.push({
          name: 'proto',
          ok: true,
          skipped: `not compared: the ${incoming.protocol === null ? 'new request' : 'recording'} does not say`,
        });
      else
        results.push(
          valueResult('proto', recorded.protocol, incoming.protocol, recorded.protocol === incoming.protocol),
        );
    }
    if (on.includes('headers')) {
      const skip = skippedHeaders(options);
      results.push(
        headersResult(
          'headers',
          groupHeaders(recorded.headers, canonicalGoHeader, skip),
          groupHeaders(incoming.headers, canonicalGoHeader, skip),
        ),
      );
    }
    if (on.includes('body')) results.push(exactBodyResult('body', bodyText(recorded), bodyText(incoming)));
    return results;
  },
};
