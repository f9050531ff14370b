/**
 * Hex preview of binary bodies (AWS event-stream frames, images, compressed bytes), in the
 * classic `xxd` layout: offset, 16 bytes in hex, and the printable ASCII column.
 */

/** Render up to `maxBytes` of `bytes` as hex lines. */
export function hexDump(bytes: Uint8Array, maxBytes = 512): string {
  const end = Math.min(bytes.length, maxBytes);
  const lines: string[] = [];
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = Array.from(row, (byte) => byte.toString(16).padStart(2, '0'));
    const groups = [hex.slice(0, 8).join(' '), hex.slice(8).join(' ')].join('  ').padEnd(16 * 3 - 1, ' ');
    const ascii = Array.from(row, (byte) =>
      byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.',
    ).join('');
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${groups}  |${ascii}|`);
  }
  if (bytes.length > end) lines.push(`… ${(bytes.length - end).toLocaleString('en-US')} more bytes`);
  return lines.join('\n');
}

/** True when a body should be shown as JSON: a JSON media type, or text that starts like JSON. */
export function looksLikeJson(mimeType: string | null, text: string): boolean {
  if (mimeType && /(^application\/([\w.+-]*\+)?json$)|(\/json$)/.test(mimeType)) return true;
  const head = text.trimStart()[0];
  return head === '{' || head === '[';
}
