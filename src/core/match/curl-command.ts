/**
 * A `curl` command line (as "Copy as cURL" in browsers and this app's Raw view write it) → the
 * request it sends. The shell words come from `shell-quote` (a well-kept POSIX-quoting tokenizer:
 * single and double quotes, `$'…'`, backslashes), so only curl's own options are handled here,
 * after its manual (https://curl.se/docs/manpage.html). Only what the command says is taken:
 * curl's own default headers (User-Agent, Accept) are not invented, so a matcher that compares
 * headers sees the ones the command lists. `$VARS` stay as written.
 */
import { parse, type ParseEntry } from 'shell-quote';
import { encodeBase64 } from '../../lib/base64';
import { utf8ByteLength } from '../../lib/bytes';
import type { Header, HttpRequest } from '../model/http';

export class CurlParseError extends Error {}

/** Options that take a value and change nothing we compare (curl manual). */
const IGNORED_WITH_VALUE = new Set([
  '-o',
  '--output',
  '-m',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--retry-max-time',
  '-w',
  '--write-out',
  '-x',
  '--proxy',
  '-U',
  '--proxy-user',
  '--cacert',
  '--capath',
  '-E',
  '--cert',
  '--key',
  '--resolve',
  '--connect-to',
  '-c',
  '--cookie-jar',
  '-D',
  '--dump-header',
  '--limit-rate',
  '-y',
  '--speed-time',
  '-Y',
  '--speed-limit',
  '--max-filesize',
  '--interface',
  '--dns-servers',
  '-K',
  '--config',
  '--trace',
  '--trace-ascii',
  '--stderr',
  '--unix-socket',
  '--abstract-unix-socket',
  '--max-redirs',
  '-r',
  '--range',
  '-z',
  '--time-cond',
  '-T',
  '--upload-file',
  '--aws-sigv4',
  '--oauth2-bearer',
]);

/** Short options that take a value, for `-XPOST`-style joined forms. */
const SHORT_WITH_VALUE = new Set('XHdAeubFoxmwUEcDKyYrzT'.split(''));

const DATA_OPTIONS = new Set([
  '-d',
  '--data',
  '--data-ascii',
  '--data-binary',
  '--data-raw',
  '--json',
  '--data-urlencode',
]);

function words(command: string): string[] {
  // A backslash at a line end continues the command (POSIX shell); Windows `^` too is accepted.
  const joined = command.replace(/\\\r?\n/g, ' ').replace(/\^\r?\n/g, ' ');
  const entries: ParseEntry[] = parse(joined, (key: string) => `$${key}`);
  const out: string[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') out.push(entry);
    else if ('op' in entry && entry.op === 'glob') out.push(entry.pattern);
    else if ('op' in entry) break; // `|`, `&&`, `;`: the curl command ends there.
    // Comments are dropped.
  }
  return out;
}

/** Whether a text looks like a curl command (first word `curl`, maybe after `$ `). */
export function looksLikeCurl(text: string): boolean {
  return /^\s*(?:\$\s+)?curl(?:\.exe)?\s/i.test(text);
}

export interface ParsedCurl {
  request: HttpRequest;
  /** Options we did not understand (kept so the screen can say so). */
  ignored: string[];
}

export function parseCurlCommand(command: string): ParsedCurl {
  const all = words(command.replace(/^\s*\$\s+/, ''));
  if (!/^curl(\.exe)?$/i.test(all[0] ?? ''))
    throw new CurlParseError('The command does not start with curl.');
  const headers: Header[] = [];
  const data: string[] = [];
  const ignored: string[] = [];
  let method: string | null = null;
  let url: string | null = null;
  let protocol: string | null = null;
  let get = false;
  let json = false;

  const args = all.slice(1);
  for (let index = 0; index < args.length; index++) {
    let word = args[index]!;
    let value: string | undefined;
    const takeValue = (): string => {
      if (value !== undefined) return value;
      const next = args[++index];
      if (next === undefined) throw new CurlParseError(`${word} needs a value.`);
      return next;
    };
    if (word.startsWith('--') && word.includes('=')) {
      value = word.slice(word.indexOf('=') + 1);
      word = word.slice(0, word.indexOf('='));
    } else if (/^-[A-Za-z]/.test(word) && word.length > 2 && SHORT_WITH_VALUE.has(word[1]!)) {
      value = word.slice(2);
      word = word.slice(0, 2);
    }
    if (word === '-X' || word === '--request') method = takeValue().toUpperCase();
    else if (word === '--url') url = takeValue();
    else if (word === '-H' || word === '--header') addHeader(headers, takeValue());
    else if (DATA_OPTIONS.has(word)) {
      const text = takeValue();
      if (word !== '--data-raw' && word !== '--data-urlencode' && text.startsWith('@'))
        throw new CurlParseError(
          `${word} ${text}: the body is read from a file; paste the body itself instead.`,
        );
      if (word === '--json') json = true;
      data.push(
        word === '--data-urlencode'
          ? urlencodeField(text)
          : word === '-d' || word === '--data' || word === '--data-ascii'
            ? text.replace(/[\r\n]/g, '')
            : text,
      );
    } else if (word === '-A' || word === '--user-agent') setHeader(headers, 'User-Agent', takeValue());
    else if (word === '-e' || word === '--referer') setHeader(headers, 'Referer', takeValue());
    else if (word === '-b' || word === '--cookie') setHeader(headers, 'Cookie', takeValue());
    else if (word === '-u' || word === '--user')
      setHeader(headers, 'Authorization', `Basic ${encodeBase64(new TextEncoder().encode(takeValue()))}`);
    else if (word === '-G' || word === '--get') get = true;
    else if (word === '-I' || word === '--head') method = 'HEAD';
    else if (word === '--http1.1' || word === '--http1.0') protocol = `HTTP/${word.slice(6)}`;
    else if (word === '--http2' || word === '--http2-prior-knowledge') protocol = 'HTTP/2.0';
    else if (IGNORED_WITH_VALUE.has(word)) takeValue();
    else if (word.startsWith('-') && word !== '-') {
      // Flags such as -s, -S, -L, -k, -v, -i, -N, --compressed change nothing we compare.
      if (
        !/^-[sSLkviNfg#0-9]+$|^--(silent|show-error|location|insecure|verbose|include|no-buffer|compressed|fail|globoff|progress-bar)$/.test(
          word,
        )
      )
        ignored.push(word);
    } else if (url === null) url = word;
    else ignored.push(word);
  }
  if (url === null) throw new CurlParseError('The curl command has no URL.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) url = `http://${url}`; // curl's default scheme.
  let body = data.length > 0 ? data.join('&') : null;
  if (json) {
    if (!hasHeader(headers, 'content-type'))
      headers.push({ name: 'Content-Type', value: 'application/json' });
    if (!hasHeader(headers, 'accept')) headers.push({ name: 'Accept', value: 'application/json' });
  }
  if (get && body !== null) {
    url += (url.includes('?') ? '&' : '?') + body;
    body = null;
  }
  const contentType = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? null;
  return {
    request: {
      method: method ?? (body !== null ? 'POST' : 'GET'),
      url,
      headers,
      body:
        body === null
          ? null
          : {
              text: body,
              bytes: null,
              mimeType: contentType?.split(';')[0]?.trim().toLowerCase() ?? null,
              sizeBytes: utf8ByteLength(body),
              decoding: ['curl command'],
            },
      protocol,
    },
    ignored,
  };
}

function hasHeader(headers: Header[], lower: string): boolean {
  return headers.some((header) => header.name.toLowerCase() === lower);
}

function setHeader(headers: Header[], name: string, value: string): void {
  const at = headers.findIndex((header) => header.name.toLowerCase() === name.toLowerCase());
  if (at >= 0) headers[at] = { name, value };
  else headers.push({ name, value });
}

/** `-H "Name: value"`; `Name;` sends an empty header; `Name:` removes one (curl manual, -H). */
function addHeader(headers: Header[], text: string): void {
  const colon = text.indexOf(':');
  if (colon < 0) {
    if (text.endsWith(';')) headers.push({ name: text.slice(0, -1).trim(), value: '' });
    return;
  }
  const name = text.slice(0, colon).trim();
  const value = text.slice(colon + 1).trim();
  if (value === '') {
    for (let at = headers.length - 1; at >= 0; at--)
      if (headers[at]!.name.toLowerCase() === name.toLowerCase()) headers.splice(at, 1);
    return;
  }
  headers.push({ name, value });
}

/** `--data-urlencode`: `name=content` encodes the content; `=content` and `content` encode it all. */
function urlencodeField(text: string): string {
  const equals = text.indexOf('=');
  if (equals < 0) return encodeURIComponent(text);
  const name = text.slice(0, equals);
  const content = encodeURIComponent(text.slice(equals + 1));
  return name === '' ? content : `${name}=${content}`;
}
