/**
 * Classify URLs found in untrusted cassette content (issue 8). A URL is either:
 * - `inline-image`: a data: URL of a raster image type, safe to show as `<img>` (an `<img>` never
 *   runs script, and SVG is excluded anyway so nothing document-like is ever rendered);
 * - `remote`: http(s), shown with its host name and loaded only on a click;
 * - `mail`: mailto:, harmless;
 * - `inert`: everything else (javascript:, vbscript:, data:text/html, data:image/svg+xml, file:, …),
 *   rendered as plain text, never as a live link.
 * Parsing uses the WHATWG URL parser (https://url.spec.whatwg.org/), the same one the browser
 * uses when it follows a link, so tricks like "java\tscript:" or leading spaces classify the same
 * way they would be navigated.
 */

export type UrlKind = 'inline-image' | 'remote' | 'mail' | 'inert';

export interface ClassifiedUrl {
  kind: UrlKind;
  /** The URL as written, for display. */
  text: string;
  /** Host name for remote URLs (shown before anything loads). */
  host?: string;
  /** Normalized href, only for kinds that may become live. */
  href?: string;
}

/** Raster image types a browser decodes as pixels only. SVG is deliberately absent. */
const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  'image/png',
  'image/jpeg',
  'image/jpg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
]);

/** True when `mimeType` is an image type we show inline as `<img>`. */
export function isInlineImageType(mimeType: string): boolean {
  return INLINE_IMAGE_TYPES.has(mimeType.trim().toLowerCase());
}

/** Classify one URL from untrusted content. Never throws. */
export function classifyUrl(raw: string): ClassifiedUrl {
  const text = raw;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    // Relative URLs have no meaning inside a cassette: keep them as text.
    return { kind: 'inert', text };
  }
  const protocol = url.protocol.toLowerCase();
  if (protocol === 'http:' || protocol === 'https:') {
    return { kind: 'remote', text, host: url.host, href: url.href };
  }
  if (protocol === 'mailto:') return { kind: 'mail', text, href: url.href };
  if (protocol === 'data:') {
    const mimeType = dataUrlMimeType(url.href);
    if (mimeType !== null && isInlineImageType(mimeType) && /;base64,/i.test(url.href.slice(0, 200))) {
      return { kind: 'inline-image', text, href: url.href };
    }
  }
  return { kind: 'inert', text };
}

/** The media type of a data: URL (RFC 2397), lower case, or null. */
export function dataUrlMimeType(href: string): string | null {
  const match = /^data:([^;,]*)[;,]/i.exec(href);
  if (!match) return null;
  return (match[1] ?? '').trim().toLowerCase() || 'text/plain';
}

/** Build a data: URL for inline bytes, or null when the type must not be rendered. */
export function toInlineImageUrl(mimeType: string, base64: string): string | null {
  if (!isInlineImageType(mimeType)) return null;
  // Base64 alphabet only, so the string cannot close the attribute or smuggle a second URL.
  const clean = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) return null;
  return `data:${mimeType.toLowerCase()};base64,${clean}`;
}

/**
 * react-markdown `urlTransform`: keep a URL only when some renderer of ours may use it. The
 * components for `a` and `img` then decide how (host shown first, click to load). See
 * https://github.com/remarkjs/react-markdown#urltransform.
 */
export function transformMarkdownUrl(url: string): string {
  const classified = classifyUrl(url);
  return classified.kind === 'inert' ? '' : (classified.href ?? '');
}
