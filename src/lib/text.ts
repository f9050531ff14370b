/**
 * Text decoding with the WHATWG Encoding Standard (https://encoding.spec.whatwg.org/), through
 * `TextDecoder`, which exists in browsers, workers and Node. Labels such as `utf-8`, `latin1`,
 * `windows-1252`, `shift_jis` are resolved by the standard's label table.
 */

const BOM = 0xfeff;

/** Returns `text` without a leading U+FEFF byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}

/** True when the bytes start with the UTF-8 BOM (ef bb bf). */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

let strictUtf8: TextDecoder | null = null;

/** Decodes UTF-8 strictly; returns null when the bytes are not valid UTF-8. Keeps a BOM as U+FEFF. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  strictUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

let lenientUtf8: TextDecoder | null = null;

/** Decodes UTF-8, replacing invalid sequences with U+FFFD. */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  lenientUtf8 ??= new TextDecoder('utf-8', { ignoreBOM: true });
  return lenientUtf8.decode(bytes);
}

/** Canonical WHATWG encoding name for a charset label, or null when the label is unknown. */
export function normalizeCharset(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/**
 * Decodes bytes in the given charset. Returns null if the charset is unknown or, for UTF-8, the
 * bytes are invalid; the caller then decides whether the body is binary.
 */
export function decodeText(bytes: Uint8Array, charset: string): string | null {
  const encoding = normalizeCharset(charset);
  if (encoding === null) return null;
  if (encoding === 'utf-8') return decodeUtf8Strict(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Splits a media type such as `text/html; charset=UTF-8` into its lower-case essence and charset. */
export function parseMediaType(value: string | null | undefined): {
  essence: string | null;
  charset: string | null;
} {
  if (!value) return { essence: null, charset: null };
  const [type = '', ...params] = value.split(';');
  const essence = type.trim().toLowerCase() || null;
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    if (param.slice(0, eq).trim().toLowerCase() === 'charset') {
      charset =
        param
          .slice(eq + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1') || null;
    }
  }
  return { essence, charset };
}

/** True for media types whose bodies are text (so decoding them as text is right). */
export function isTextualMediaType(essence: string | null): boolean {
  if (essence === null) return false;
  if (essence.startsWith('text/')) return true;
  if (essence.endsWith('+json') || essence.endsWith('+xml')) return true;
  return [
    'application/json',
    'application/x-ndjson',
    'application/jsonl',
    'application/ndjson',
    'application/xml',
    'application/javascript',
    'application/x-www-form-urlencoded',
    'application/graphql',
    'application/yaml',
    'application/x-yaml',
  ].includes(essence);
}
