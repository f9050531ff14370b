/**
 * Make invisible and direction-changing characters visible (issue 8). Bidi overrides can reorder
 * what a reader sees ("Trojan Source", CVE-2021-42574, https://trojansource.codes/) and zero-width
 * characters hide content, so the raw view shows each as a marker like `⟨U+202E⟩`.
 * Code points follow Unicode's Bidi_Control and Default_Ignorable_Code_Point properties
 * (https://www.unicode.org/reports/tr9/#Directional_Formatting_Characters).
 */

/** Bidi controls: embeddings, overrides, isolates, and the implicit marks. */
const BIDI_CONTROLS = '\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069';
/**
 * Zero-width and other default-ignorable characters that render as nothing. Combining marks and
 * variation selectors (U+034F, U+FE0x) are left alone: they shape visible text such as emoji.
 */
const ZERO_WIDTH =
  '\u00AD\u115F\u1160\u17B4\u17B5\u180E\u200B\u200C\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0';
/** C0 and C1 controls except tab, line feed and carriage return. */
const CONTROLS = '\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F';

// Each character is listed on purpose, one by one: the rule below reads fillers and joiners as
// combining with their neighbours, which is exactly why they must be caught.
// eslint-disable-next-line no-misleading-character-class
const ALL_INVISIBLE = new RegExp(`[${BIDI_CONTROLS}${ZERO_WIDTH}${CONTROLS}]|\u200D`, 'g');
const BIDI_ONLY = new RegExp(`[${BIDI_CONTROLS}]`, 'g');

/** `⟨U+202E⟩` for one character. */
export function codePointMarker(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * Replace every invisible, bidi or control character with a visible marker. Lone surrogates
 * (invalid UTF-16) are marked too, so broken text never renders as nothing.
 */
export function escapeInvisible(text: string): string {
  return text
    .replace(ALL_INVISIBLE, codePointMarker)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, codePointMarker);
}

/**
 * Replace only bidi controls. Used in rendered messages, where zero-width joiners are legitimate
 * (emoji sequences) but a direction override could disguise what the model wrote.
 */
export function escapeBidiControls(text: string): string {
  return text.replace(BIDI_ONLY, codePointMarker);
}

/** True when `text` contains anything `escapeInvisible` would mark. */
export function hasInvisible(text: string): boolean {
  ALL_INVISIBLE.lastIndex = 0;
  const found = ALL_INVISIBLE.test(text);
  ALL_INVISIBLE.lastIndex = 0;
  return found;
}
