/**
 * Base64 (RFC 4648 §4, standard alphabet, plus the URL-safe alphabet of §5) without `atob`/`Buffer`,
 * so the same code runs in a browser, a Web Worker and Node. Decoding is tolerant the way recorders
 * need: whitespace and line breaks (YAML `!!binary` folds every 76 characters) are skipped and
 * missing `=` padding is accepted.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** 255 = not a base64 character; 254 = whitespace (skipped). */
const DECODE_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(256).fill(255);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62; // URL-safe alphabet (RFC 4648 §5)
  table['_'.charCodeAt(0)] = 63;
  for (const ws of [' ', '\t', '\n', '\r', '\f', '\v']) table[ws.charCodeAt(0)] = 254;
  return table;
})();

/** Thrown by {@link decodeBase64} when the text is not base64. */
export class Base64Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base64Error';
  }
}

/**
 * Decodes base64 text to bytes. Whitespace is ignored, padding is optional.
 * @throws Base64Error on a character outside the alphabet or an impossible length.
 */
export function decodeBase64(text: string): Uint8Array {
  // Upper bound on output size; trimmed at the end.
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let outLength = 0;
  let buffer = 0;
  let bits = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 61 /* = */) {
      padding++;
      continue;
    }
    const value = code < 256 ? (DECODE_TABLE[code] ?? 255) : 255;
    if (value === 254) continue;
    if (value === 255 || padding > 0) {
      throw new Base64Error(`not base64: unexpected ${JSON.stringify(text[i])} at offset ${i}`);
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[outLength++] = (buffer >> bits) & 0xff;
    }
  }
  if (bits >= 6) throw new Base64Error('not base64: truncated final group');
  return out.subarray(0, outLength);
}

/** True when `text` (ignoring whitespace) is plausibly base64: alphabet only, sane length. */
export function looksLikeBase64(text: string): boolean {
  let count = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 61) {
      padding++;
      continue;
    }
    const value = code < 256 ? (DECODE_TABLE[code] ?? 255) : 255;
    if (value === 254) continue;
    if (value === 255 || padding > 0) return false;
    count++;
  }
  return count % 4 !== 1 && padding <= 2;
}

/** Encodes bytes as standard, padded base64. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    chunk +=
      ALPHABET[(triple >> 18) & 63]! +
      ALPHABET[(triple >> 12) & 63]! +
      (i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63]! : '=') +
      (i + 2 < bytes.length ? ALPHABET[triple & 63]! : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}
