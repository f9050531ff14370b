/**
 * Whether a header value is a mask a recorder's filter (or this app's Share) wrote in place of a
 * secret, so a difference can be called "only masking" rather than a real change. The forms:
 * `**REDACTED**` and `REDACTED`; this app's `<MASKED_…>` (core/share/find-secrets.ts); vcrpy's
 * and Ruby VCR's placeholders such as `<API_KEY>` (Ruby VCR `filter_sensitive_data`,
 * https://benoittgt.github.io/vcr/#/configuration/filter_sensitive_data); Rails-style
 * `[FILTERED]`; runs of `*`. A scheme in front stays readable: `Bearer <MASKED_…>` is a mask too.
 */

const MASK_TOKEN =
  /^(?:\*\*?REDACTED\*?\*?|REDACTED|FILTERED|\[(?:FILTERED|REDACTED|MASKED)[^\]]*\]|<MASKED_[^<>]*>|<[A-Z][A-Z0-9_]*>|<(?:FILTERED|REDACTED)[^<>]*>|\*{3,}|x{8,}|X{8,})$/;

/** The value is (or ends in, after an auth scheme) a mask placeholder. */
export function isMaskedValue(value: string): boolean {
  const trimmed = value.trim();
  if (MASK_TOKEN.test(trimmed)) return true;
  const space = trimmed.indexOf(' ');
  return space > 0 && MASK_TOKEN.test(trimmed.slice(space + 1).trim());
}

/** Two values differ only because one of them is a mask (and they are not equal). */
export function differsOnlyByMask(recorded: string, incoming: string): boolean {
  return recorded !== incoming && (isMaskedValue(recorded) || isMaskedValue(incoming));
}
