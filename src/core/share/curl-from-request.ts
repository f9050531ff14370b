/**
 * A recorded request as a POSIX-shell `curl` command ("Copy as cURL", issue 18), the inverse of
 * core/match's `parseCurlCommand`. Every word is single-quoted (POSIX.1-2017 Shell Command
 * Language §2.2.2: nothing inside single quotes is special, so a `'` is written `'\''`); the body
 * goes as `--data-raw`, which sends it as is, without curl's `@file` reading
 * (https://curl.se/docs/manpage.html#--data-raw). A body that is not text is piped through
 * `base64 -d` into `--data-binary @-`, since no POSIX quoting carries a NUL byte.
 * Left out, as browsers' "Copy as cURL" leaves them out: `Content-Length` (curl computes it),
 * HTTP/2 pseudo-headers (`:authority`), and `Content-Encoding` when the recorder already undid it
 * (the body copied is the decoded one).
 */
import { encodeBase64 } from '../../lib/base64';
import type { Header, HttpBody, HttpRequest } from '../model/http';

/** Compression steps of a body's decoding chain (core/cassette/body-decoder names them so). */
const COMPRESSION_STEPS = /^(?:gzip|deflate|brotli|br|zstd|zlib)\b/i;

/** A word quoted for a POSIX shell: the same bytes come back from the shell, whatever they are. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The headers curl should send: as recorded, without those curl computes or that no longer apply. */
export function curlHeaders(request: Pick<HttpRequest, 'headers' | 'body'>): Header[] {
  const decompressed =
    request.body?.decoding.some((step) => COMPRESSION_STEPS.test(step) && !step.endsWith('not undone')) ??
    false;
  return request.headers.filter(({ name }) => {
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower.startsWith(':')) return false;
    return !(decompressed && lower === 'content-encoding');
  });
}

export interface CurlOptions {
  /** Applied to the URL, each header value and the body text before quoting (secret masking). */
  transform?: (text: string) => string;
}

/** `curl -X METHOD 'URL' -H 'Name: value' … --data-raw 'body'`, one option per line. */
export function requestToCurl(
  request: HttpRequest,
  { transform = (text) => text }: CurlOptions = {},
): string {
  const lines = [`curl -X ${shellQuote(request.method)} ${shellQuote(transform(request.url))}`];
  for (const { name, value } of curlHeaders(request))
    lines.push(`-H ${shellQuote(`${name}: ${transform(value)}`)}`);
  const body = bodyArgument(request.body, transform);
  if (body?.option) lines.push(body.option);
  const command = lines.join(' \\\n  ');
  return body?.pipe ? `${body.pipe} \\\n  | ${command}` : command;
}

function bodyArgument(
  body: HttpBody | null,
  transform: (text: string) => string,
): { option: string; pipe?: string } | null {
  if (!body || body.sizeBytes === 0) return null;
  if (body.text !== null) return { option: `--data-raw ${shellQuote(transform(body.text))}` };
  if (body.bytes)
    return {
      option: '--data-binary @-',
      pipe: `printf %s ${shellQuote(encodeBase64(body.bytes))} | base64 -d`,
    };
  return null;
}
