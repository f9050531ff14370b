/**
 * Characters no export should carry raw (issue 14): C0 controls but tab and line breaks, DEL, C1
 * controls (8-bit CSI/OSC, which a terminal would obey when the export goes to stdout), the bidi
 * controls that reorder what is read ("Trojan Source", CVE-2021-42574), and U+2028/U+2029.
 * Zero-width joiners are left alone: emoji sequences need them (the page does the same in
 * messages, ui/markdown/escape-invisible.ts `escapeBidiControls`).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Markdown: each unsafe character as a visible `⟨U+202E⟩` marker, as the page's raw view shows it. */
export function markUnsafeCharacters(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => `⟨U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}

/** JSON text: each unsafe character as a `\uXXXX` escape (it can only occur inside a string), so the data read back is the same. */
export function escapeUnsafeInJson(json: string): string {
  return json.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
