/**
 * What a file that is not a cassette is, from its first bytes (issue 18): "a PNG image, not a
 * cassette" says more than "not UTF-8 text at line 1, column 1", where a line and a column mean
 * nothing. Signatures are the formats' own magic numbers (`sniffBinaryMimeType` in lib/bytes: PNG
 * spec §5.2, JFIF, GIF89a, PDF 1.7 §7.5.2, PKWARE APPNOTE §4.3, WebAssembly Core §5.5.16), the POSIX
 * tar "ustar" magic at offset 257, and for HTML the WHATWG MIME Sniffing standard's HTML patterns
 * (§7.1, "identifying a resource with an unknown MIME type": `<!DOCTYPE HTML`, `<HTML`, `<HEAD`,
 * `<BODY`, `<SCRIPT`, … after leading whitespace). "Binary" follows the same standard's binary
 * data byte test (§7.1, "binary data byte": 0x00–0x08, 0x0B, 0x0E–0x1A, 0x1C–0x1F): no cassette
 * text holds them. Pure: no DOM, bytes in, words out.
 */
import { sniffBinaryMimeType } from '../../lib/bytes';

/** How each sniffed type is named in a message, with its article. */
const BINARY_KINDS: Record<string, string> = {
  'image/png': 'a PNG image',
  'image/jpeg': 'a JPEG image',
  'image/gif': 'a GIF image',
  'image/webp': 'a WebP image',
  'audio/wav': 'a WAV audio file',
  'audio/mpeg': 'an MP3 audio file',
  'audio/ogg': 'an Ogg audio file',
  'application/pdf': 'a PDF document',
  'application/zip': 'a ZIP archive',
  'application/wasm': 'a WebAssembly module',
  'application/zstd': 'a Zstandard-compressed file',
};

/** WHATWG MIME Sniffing §7.1 HTML patterns, each followed by a space or ">" ("tag-terminating byte"). */
const HTML_START =
  /^[\t\n\f\r ]*<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\t\n\f\r >]/i;

/** How far into the file the binary-byte test looks: enough to see a binary file, cheap on a big one. */
const BINARY_SCAN_BYTES = 8192;

/** A file type recognised from a binary signature (not text), e.g. "a PNG image"; null otherwise. */
export function sniffBinaryKind(bytes: Uint8Array): string | null {
  const mime = sniffBinaryMimeType(bytes);
  if (mime !== null && mime !== 'application/gzip') return BINARY_KINDS[mime] ?? null;
  if (isTar(bytes)) return 'a tar archive';
  return null;
}

/** An HTML page (a saved error page, a login redirect), from its first non-blank characters. */
export function isHtmlPage(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512));
  return HTML_START.test(head.replace(/^\uFEFF/, ''));
}

/** Whether the first bytes hold any byte no text file holds (WHATWG "binary data byte"). */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SCAN_BYTES);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return true;
  }
  return false;
}

/**
 * The message for a file that is plainly not a cassette, or null when it may be one (then the
 * parsers decide, and their line and column mean something). `compressedWith` names a layer the
 * loader already took off ("gzip"), so a gzip file that holds something else says so.
 */
export function notACassetteMessage(bytes: Uint8Array, compressedWith?: string): string | null {
  const within = compressedWith ? `a ${compressedWith}-compressed file holding ` : '';
  const kind = sniffBinaryKind(bytes);
  if (kind) return `This is ${within}${kind}, not a cassette.`;
  if (isHtmlPage(bytes))
    return `This is ${within}an HTML page, not a cassette (a saved web page or an error page from a server?).`;
  if (looksBinary(bytes))
    return `This is ${within}binary data, not a cassette: cassettes are text (YAML, JSON, TOML or HTTP).`;
  return null;
}

/** POSIX ustar header: "ustar" at offset 257 (POSIX.1-2017, pax "ustar Interchange Format"). */
function isTar(bytes: Uint8Array): boolean {
  if (bytes.length < 262) return false;
  const magic = [0x75, 0x73, 0x74, 0x61, 0x72];
  return magic.every((byte, i) => bytes[257 + i] === byte);
}
