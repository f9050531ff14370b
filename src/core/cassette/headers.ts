/**
 * Header normalization to the ordered `{name, value}` list of HAR 1.2 (model/http.ts).
 * Recorders store headers as a map of lists (go-vcr `http.Header`, vcrpy, Ruby VCR), a flat map
 * (the R port of VCR), or a HAR array of `{name, value}` (Polly, browsers; old Polly recordings
 * may have `value: [..]`). A multi-value list becomes repeated entries, in recorded order.
 */
import type { Header } from '../model/http';
import { decodeUtf8Lenient } from '../../lib/text';
import { asString, BinaryValue, field, isRawMap } from './raw-values';

function pushValues(out: Header[], name: string, value: unknown): void {
  // vcrpy writes some header values as `!!binary` (bytes in Python); they are ASCII text.
  if (value instanceof BinaryValue) value = decodeUtf8Lenient(value.bytes);
  if (Array.isArray(value)) {
    for (const item of value) pushValues(out, name, item);
    return;
  }
  const text = asString(value);
  if (text !== null) out.push({ name, value: text });
  else if (value === null || value === undefined) out.push({ name, value: '' });
  else out.push({ name, value: safeJson(value) });
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** Reads headers stored as a map (`{Name: [v1, v2]}` or `{Name: v}`) or a HAR array. */
export function readHeaders(raw: unknown): Header[] {
  const out: Header[] = [];
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      const name = asString(field(entry, 'name'));
      if (name === null) continue;
      pushValues(out, name, field(entry, 'value'));
    }
    return out;
  }
  if (isRawMap(raw)) {
    for (const name of Object.keys(raw)) pushValues(out, name, raw[name]);
  }
  return out;
}

/** First value of a header, case-insensitively, or null. */
export function headerValue(headers: readonly Header[], name: string): string | null {
  const lower = name.toLowerCase();
  for (const header of headers) if (header.name.toLowerCase() === lower) return header.value;
  return null;
}

/** All values of a header joined with ", " (RFC 9110 §5.3), or null. */
export function headerValues(headers: readonly Header[], name: string): string | null {
  const lower = name.toLowerCase();
  const values = headers.filter((h) => h.name.toLowerCase() === lower).map((h) => h.value);
  return values.length > 0 ? values.join(', ') : null;
}
