/**
 * Markdown that grows while the stream plays. Each block (markdown-blocks.ts) is rendered by the
 * Conversation view's own component, ui/markdown MarkdownView (issue 14: the same rules, not a
 * copy): links show their host beside the text and open with no referrer, unsafe schemes stay
 * inert text, images load only on a click, raw HTML shows as text, and bidi controls such as
 * U+202E are shown escaped. Blocks are memoized, so only the growing last block is parsed again.
 */
import { memo, useMemo } from 'react';
import { MarkdownView } from '../../ui/markdown/markdown-view';
import { splitMarkdownBlocks } from './markdown-blocks';

export interface ReplayMarkdownProps {
  text: string;
}

export const ReplayMarkdown = memo(function ReplayMarkdown({ text }: ReplayMarkdownProps) {
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text]);
  return (
    <div className="rp-markdown">
      {blocks.map((block, index) => (
        // Blocks only ever grow at the end, so the index is a stable identity here.
        <MarkdownView key={index} text={block} />
      ))}
    </div>
  );
});
