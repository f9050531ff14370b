/**
 * Markdown that grows while the stream plays, rendered with react-markdown + remark-gfm
 * (https://github.com/remarkjs/react-markdown) under the app's rules for untrusted text:
 * - no raw HTML: without rehype-raw, react-markdown renders HTML in the source as text;
 * - links: only http(s) and mailto become links (new tab, no referrer); the default
 *   `urlTransform` already empties `javascript:` and other unsafe schemes, and anything else
 *   renders as inert text;
 * - images are never loaded (a remote image would tell its server someone opened the cassette):
 *   they show as "[image: alt]" with the address in a tooltip.
 * Each block (markdown-blocks.ts) is memoized, so only the growing last block is parsed again.
 */
import { memo, useMemo } from 'react';
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { splitMarkdownBlocks } from './markdown-blocks';

const plugins = [remarkGfm];

function isLiveHref(href: string | undefined): href is string {
  return typeof href === 'string' && /^(https?:|mailto:)/i.test(href);
}

const components: Components = {
  a: ({ href, children }) =>
    isLiveHref(href) ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
        {children}
      </a>
    ) : (
      <span className="rp-inert-link" title="Link disabled">
        {children}
      </span>
    ),
  img: ({ src, alt }) => (
    <span
      className="rp-inert-link"
      title={typeof src === 'string' ? `Image not loaded: ${src.slice(0, 200)}` : undefined}
    >
      [image{alt ? `: ${alt}` : ''}]
    </span>
  ),
};

const MarkdownBlock = memo(function MarkdownBlock({ text }: { text: string }) {
  return (
    <Markdown remarkPlugins={plugins} components={components} urlTransform={defaultUrlTransform}>
      {text}
    </Markdown>
  );
});

export interface ReplayMarkdownProps {
  text: string;
}

export const ReplayMarkdown = memo(function ReplayMarkdown({ text }: ReplayMarkdownProps) {
  const blocks = useMemo(() => splitMarkdownBlocks(text), [text]);
  return (
    <div className="rp-markdown">
      {blocks.map((block, index) => (
        // Blocks only ever grow at the end, so the index is a stable identity here.
        <MarkdownBlock key={index} text={block} />
      ))}
    </div>
  );
});
