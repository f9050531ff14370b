/**
 * A text body: pretty JSON when it looks like JSON (re-indented without recursion, depth folded
 * past 40 levels), otherwise as recorded; always in pages and with invisible characters escaped.
 */
import { useMemo } from 'react';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { formatJsonText } from '../../ui/markdown/format-json';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { looksLikeJson } from './hex-dump';

/** JSON larger than this is shown as text: re-indenting would cost more than it helps. */
const PRETTY_MAX_CHARS = 5_000_000;

export function TextBodyView({
  text,
  mimeType,
  formatted,
}: {
  text: string;
  mimeType: string | null;
  formatted: boolean;
}) {
  const json = useMemo(
    () =>
      formatted && text.length <= PRETTY_MAX_CHARS && looksLikeJson(mimeType, text)
        ? formatJsonText(text)
        : null,
    [formatted, text, mimeType],
  );
  const shown = json?.valid ? json : null;
  return (
    <>
      {shown?.depthTruncated && (
        <p className="ri-warning">
          Nested {shown.maxDepthSeen.toLocaleString('en-US')} levels deep; levels past 40 are folded.
        </p>
      )}
      {json && !json.valid && <p className="ri-warning">Not valid JSON; shown as recorded.</p>}
      <ShowMoreText
        className="ri-code"
        text={shown ? shown.text : text}
        transform={escapeInvisible}
        focusable
      />
    </>
  );
}
