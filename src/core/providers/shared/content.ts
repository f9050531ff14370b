/**
 * Content-part builders shared by adapters: text, unknown (kept, never dropped), and media from a
 * URL, where a `data:` URL (RFC 2397) becomes inline bytes so the view can show a thumbnail without
 * any network request.
 */
import type { ContentPart, MediaSource } from '../../model/conversation';

/** Base64 of the UTF-8 bytes of a string (btoa alone only takes Latin-1). */
function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A text part. */
export function textPart(text: string): ContentPart {
  return { kind: 'text', text };
}

/** Something the adapter does not understand, kept whole for the raw view. */
export function unknownPart(label: string, raw: unknown): ContentPart {
  return { kind: 'unknown', label, raw };
}

/** `data:image/png;base64,AAAA` → inline media; any other URL stays a remote reference. */
export function mediaFromUrl(url: string, fallbackMime = 'application/octet-stream'): MediaSource {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),/i.exec(url.slice(0, 256));
  if (match) {
    const mimeType = (match[1] || fallbackMime).toLowerCase();
    const payload = url.slice(match[0].length);
    const isBase64 = /;base64/i.test(match[2] ?? '');
    if (isBase64) return { kind: 'inline', mimeType, base64: payload };
    try {
      return { kind: 'inline', mimeType, base64: utf8ToBase64(decodeURIComponent(payload)) };
    } catch {
      return { kind: 'url', url };
    }
  }
  return { kind: 'url', url };
}

/** Inline media from base64 bytes and a media type (Anthropic `source`, Gemini `inlineData`). */
export function inlineMedia(mimeType: string | undefined, base64: string): MediaSource {
  return { kind: 'inline', mimeType: (mimeType ?? 'application/octet-stream').toLowerCase(), base64 };
}
