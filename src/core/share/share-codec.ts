/**
 * Links that carry a cassette: `#c=<codec>:<payload>`. Codec "d1" is raw DEFLATE (RFC 1951, via
 * fflate) over UTF-8 "file name, LF, file text", then base64url without padding (RFC 4648 §5).
 * The data sits in the URL fragment, which browsers never send to a server (RFC 3986 §3.5). The
 * codec prefix is versioned so a later codec can be added without breaking old links.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

/** The codec written by this version. */
export const SHARE_CODEC = 'd1';

/** Above this many characters, chat apps and GitHub comments start to cut links. */
export const LONG_LINK_CHARS = 16_000;

/** Inflating a link never produces more than this (a crafted link must not exhaust memory). */
export const MAX_SHARED_BYTES = 64 * 1024 * 1024;

/**
 * A file name carried by a link (inside the payload, or as `n=`) is cut to this many characters:
 * a crafted link held a 40-million-character name, and the page froze for a minute laying it out
 * in the file list, the title and the download name (issue 14).
 */
export const MAX_SHARED_NAME_CHARS = 200;

/** A link's file name, cut to MAX_SHARED_NAME_CHARS (an ellipsis marks the cut). */
export function boundedSharedName(name: string): string {
  if (name.length <= MAX_SHARED_NAME_CHARS) return name;
  return `${name.slice(0, MAX_SHARED_NAME_CHARS - 1)}…`;
}

/** A cassette carried by a link. */
export interface SharedCassette {
  fileName: string;
  text: string;
}

/** Encodes a cassette as `<codec>:<payload>`, the value of the `c` hash parameter. */
export function encodeSharePayload({ fileName, text }: SharedCassette): string {
  const safeName = fileName.replace(/[\r\n]/g, ' ');
  const bytes = deflateSync(strToU8(`${safeName}\n${text}`), { level: 9 });
  return `${SHARE_CODEC}:${toBase64Url(bytes)}`;
}

/** Decodes the value of the `c` hash parameter; throws an Error with a user-facing message. */
export function decodeSharePayload(value: string): SharedCassette {
  const colon = value.indexOf(':');
  const codec = colon < 0 ? '' : value.slice(0, colon);
  if (codec !== SHARE_CODEC) {
    throw new Error(
      codec
        ? `This link uses the share format "${codec}", which this version of Cassette Viewer does not know.`
        : 'This link has no share format prefix; it was probably cut short when it was copied.',
    );
  }
  const bytes = fromBase64Url(value.slice(colon + 1));
  const decoded = strFromU8(inflateCapped(bytes));
  const newline = decoded.indexOf('\n');
  if (newline < 0) throw new Error('The shared data is incomplete: the link was probably cut short.');
  // Only the bounded head of the name is kept (a slice of a 40 MB name would keep it alive).
  const name = boundedSharedName(decoded.slice(0, Math.min(newline, MAX_SHARED_NAME_CHARS + 1)));
  return { fileName: name || 'shared cassette', text: decoded.slice(newline + 1) };
}

function inflateCapped(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_SHARED_BYTES) tooLarge = true;
    else chunks.push(chunk);
  });
  try {
    // Feed in slices so a crafted payload is stopped soon after it passes the cap.
    const step = 64 * 1024;
    for (let offset = 0; offset < bytes.length && !tooLarge; offset += step) {
      inflate.push(bytes.subarray(offset, offset + step), offset + step >= bytes.length);
    }
  } catch {
    throw new Error('The shared data is damaged: the link was probably cut short or edited.');
  }
  if (tooLarge)
    throw new Error(`The shared data inflates past ${MAX_SHARED_BYTES / 1024 / 1024} MiB; not opened.`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) {
    binary += String.fromCharCode(...bytes.subarray(i, i + step));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Inverse of toBase64Url; accepts standard base64 too. Throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  const clean = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (/[^A-Za-z0-9+/=]/.test(clean)) {
    throw new Error('The shared data has characters that base64url does not use; the link was changed.');
  }
  let binary: string;
  try {
    binary = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  } catch {
    throw new Error('The shared data is not valid base64url; the link was probably cut short.');
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
