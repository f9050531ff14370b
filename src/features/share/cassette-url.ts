/**
 * `#url=<address>` (issue 6): which addresses are accepted, how GitHub page addresses become raw
 * file addresses, and the fetch itself with a size cap and errors a person can act on.
 *
 * - `github.com/OWNER/REPO/blob/REF/PATH` → `raw.githubusercontent.com/OWNER/REPO/REF/PATH`
 *   (the raw host serves files with `Access-Control-Allow-Origin: *`).
 * - `gist.github.com/USER/ID` → `gist.githubusercontent.com/USER/ID/raw` (the gist's first file);
 *   `gist.github.com/USER/ID/raw/...` → the same path on gist.githubusercontent.com.
 * - A fetch that fails with a TypeError is, for a reachable server, a CORS refusal
 *   (https://fetch.spec.whatwg.org/#concept-network-error: the page cannot tell them apart, so the
 *   message names both causes, CORS first).
 */
import { boundedSharedName } from '../../core/share/share-codec';

/** Larger downloads are stopped: a link must not make the tab fetch gigabytes. */
export const MAX_URL_BYTES = 200 * 1024 * 1024;

/** Turns a pasted address into the address to fetch, or an error message. */
export function resolveCassetteUrl(address: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { ok: false, message: `"${address.slice(0, 200)}" is not a web address.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `Only http and https addresses can be loaded, not ${url.protocol}` };
  }
  url.hash = '';
  const parts = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'github.com' && parts.length >= 5 && (parts[2] === 'blob' || parts[2] === 'raw')) {
    const [owner, repo, , ...rest] = parts;
    return { ok: true, url: new URL(`https://raw.githubusercontent.com/${owner}/${repo}/${rest.join('/')}`) };
  }
  if (url.hostname === 'gist.github.com' && parts.length >= 2) {
    const [user, id, ...rest] = parts;
    const tail = rest[0] === 'raw' ? rest.join('/') : 'raw';
    return { ok: true, url: new URL(`https://gist.githubusercontent.com/${user}/${id}/${tail}`) };
  }
  return { ok: true, url };
}

/** "host/path" shown as the file's name, so the page says where the cassette came from. */
export function sourceLabel(url: URL): string {
  return boundedSharedName(`${url.host}${decodeURIComponentSafe(url.pathname)}`);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The cassette's bytes and the address they came from after any redirect. */
export interface FetchedCassette {
  bytes: Uint8Array;
  /**
   * `Response.url`: the final address once redirects were followed
   * (https://fetch.spec.whatwg.org/#dom-response-url); the requested one when it is empty.
   */
  url: URL;
}

/** Fetches the cassette bytes; rejects with an Error whose message is shown in the failure panel. */
export async function fetchCassette(url: URL, fetcher: typeof fetch = fetch): Promise<FetchedCassette> {
  let response: Response;
  try {
    // No cookies or referrer go along: the address is all the other server learns.
    response = await fetcher(url.href, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-cache',
    });
  } catch {
    throw new Error(
      `the server at ${url.host} does not allow other sites to read this file (CORS), or it could not be reached. ` +
        'Download the file and open it with "Open file", or host it where cross-origin reads are allowed ' +
        '(raw.githubusercontent.com and gist raw addresses are).',
    );
  }
  if (response.status === 404)
    throw new Error(`${url.host} has no file at ${url.pathname} (HTTP 404 Not Found).`);
  if (!response.ok) {
    throw new Error(
      `${url.host} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url.pathname}.`,
    );
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > MAX_URL_BYTES) throw new Error(tooLarge(declared));
  return { bytes: await readCapped(response), url: finalUrl(response, url) };
}

function finalUrl(response: Response, requested: URL): URL {
  try {
    return response.url ? new URL(response.url) : requested;
  } catch {
    return requested;
  }
}

function tooLarge(bytes: number): string {
  return `the file is ${Math.round(bytes / 1024 / 1024)} MB; links load files up to ${MAX_URL_BYTES / 1024 / 1024} MB. Download it and open it with "Open file".`;
}

async function readCapped(response: Response): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_URL_BYTES) {
      void reader.cancel();
      throw new Error(tooLarge(total));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
