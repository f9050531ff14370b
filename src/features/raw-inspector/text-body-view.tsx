/**
 * A text body: JSON as a foldable, coloured tree (json-tree.tsx, loaded on demand) when it is JSON
 * of a reasonable size and depth; otherwise pretty JSON text (re-indented without recursion, depth
 * folded past 40 levels) or the text as recorded; always in pages and with invisible characters
 * escaped.
 */
import { useMemo } from 'react';
import { escapeInvisible } from '../../ui/markdown/escape-invisible';
import { formatJsonText } from '../../ui/markdown/format-json';
import { ShowMoreText } from '../../ui/markdown/show-more-text';
import { looksLikeJson } from './hex-dump';
import { LazyJsonTree } from './lazy-json-tree';

/** JSON larger than this is shown as text: re-indenting would cost more than it helps. */
const PRETTY_MAX_CHARS = 5_000_000;
/** JSON larger than this is shown as indented text, not a tree of DOM nodes. */
const TREE_MAX_CHARS = 2_000_000;

/** The parsed value for the tree, or undefined when the text should stay text. */
function treeValue(text: string, pretty: { valid: boolean; depthTruncated: boolean } | null): unknown {
  if (!pretty?.valid || pretty.depthTruncated || text.length > TREE_MAX_CHARS) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

export function TextBodyView({
  text,
  mimeType,
  formatted,
  label = 'Body as JSON',
}: {
  text: string;
  mimeType: string | null;
  formatted: boolean;
  label?: string;
}) {
  const json = useMemo(
    () =>
      formatted && text.length <= PRETTY_MAX_CHARS && looksLikeJson(mimeType, text)
        ? formatJsonText(text)
        : null,
    [formatted, text, mimeType],
  );
  const tree = useMemo(() => treeValue(text, json), [text, json]);
  const shown = json?.valid ? json : null;
  if (tree !== undefined && shown) {
    return (
      <LazyJsonTree value={tree} label={label} fallbackText={escapeInvisible(shown.text.slice(0, 20_000))} />
    );
  }
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
