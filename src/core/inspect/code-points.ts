/**
 * Text limits counted in Unicode code points, as `inspect --json` and facts.json define them
 * (shared/docs/inspect-json.md: "first 200 code points"; facts.json `_about.text_limit_codepoints`).
 *
 * JavaScript string `length` and `slice` count UTF-16 code units, so an emoji or any character
 * outside the Basic Multilingual Plane would count twice and could be cut in half. The string
 * iterator walks code points instead (ECMA-262 §22.1.5.1 %StringIteratorPrototype%): a surrogate
 * pair is one step, a lone surrogate is one step of its own, exactly like a Python `str` index.
 */

/** Number of Unicode code points in `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  let count = 0;
  // Fast path: only surrogate pairs make code units and code points differ.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The first `limit` code points of `text`, never splitting a surrogate pair. */
export function firstCodePoints(text: string, limit: number): string {
  if (limit <= 0) return '';
  // Every code point takes at least one code unit, so a short string cannot exceed the limit.
  if (text.length <= limit) return text;
  let taken = 0;
  let end = 0;
  for (const codePoint of text) {
    if (taken === limit) break;
    end += codePoint.length;
    taken++;
  }
  return text.slice(0, end);
}
