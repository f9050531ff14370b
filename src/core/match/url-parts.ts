/**
 * A URL split into its raw parts with the regular expression of RFC 3986 appendix B
 * (https://www.rfc-editor.org/rfc/rfc3986#appendix-B), without the WHATWG URL parser's
 * normalization: each recorder normalizes differently (Python's urlparse, Ruby's URI, url-parse),
 * so each profile applies its own rules to these raw parts.
 */

export interface UrlParts {
  /** Lower case, without ':'; '' when absent. */
  scheme: string;
  /** `user:pass` before '@', or null. */
  userinfo: string | null;
  /** As written (case kept); IPv6 without brackets. '' when absent. */
  host: string;
  /** The explicit port, or null. */
  port: number | null;
  path: string;
  /** After '?', or null when there is no '?'. */
  query: string | null;
  /** After '#', or null. */
  fragment: string | null;
}

const RFC3986 = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

export function splitUrl(url: string): UrlParts {
  const match = RFC3986.exec(url) ?? [];
  const authority = match[2] ?? '';
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at) : null;
  const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
  let host = hostPort;
  let port: number | null = null;
  const bracketed = /^\[([^\]]*)\](?::(\d*))?$/.exec(hostPort);
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2] ? Number(bracketed[2]) : null;
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && /^\d*$/.test(hostPort.slice(colon + 1))) {
      host = hostPort.slice(0, colon);
      const digits = hostPort.slice(colon + 1);
      port = digits === '' ? null : Number(digits);
    }
  }
  return {
    scheme: (match[1] ?? '').toLowerCase(),
    userinfo,
    host,
    port,
    path: match[3] ?? '',
    query: match[4] ?? null,
    fragment: match[5] ?? null,
  };
}

/** The default port of a scheme, as Python's vcrpy and Ruby's URI fill it in. */
export function defaultPort(scheme: string): number | null {
  if (scheme === 'https') return 443;
  if (scheme === 'http') return 80;
  return null;
}

/** `application/x-www-form-urlencoded` decoding of one component: '+' is a space, then %XX. */
export function decodeFormComponent(text: string): string {
  const spaced = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    // A stray '%' is kept as written, as Python's unquote and Ruby's decode_www_form do.
    return spaced.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
}

/** Splits a query or form body into decoded `[name, value]` pairs, in order ('&' only). */
export function formPairs(query: string): Array<[string, string, boolean]> {
  const pairs: Array<[string, string, boolean]> = [];
  for (const field of query.split('&')) {
    if (field === '') continue;
    const equals = field.indexOf('=');
    const name = equals >= 0 ? field.slice(0, equals) : field;
    const value = equals >= 0 ? field.slice(equals + 1) : '';
    pairs.push([decodeFormComponent(name), decodeFormComponent(value), equals >= 0]);
  }
  return pairs;
}
