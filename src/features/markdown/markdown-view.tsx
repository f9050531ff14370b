/**
 * Markdown from untrusted messages, rendered with react-markdown + remark-gfm
 * (https://github.com/remarkjs/react-markdown). Safety (issue 8):
 * - raw HTML: react-markdown without rehype-raw turns `raw` nodes into text (lib/index.js,
 *   `post()`: "parent.children[index] = {type: 'text', value: node.value}"), so `<script>` shows
 *   as text; markdown-view.test.tsx checks it;
 * - URLs pass `transformMarkdownUrl`, and `a`/`img` are replaced by components that show the host
 *   first and load remote content only on a click. javascript:, vbscript:, data:text/html and SVG
 *   data URLs render as inert text.
 * Bidi override characters are shown escaped so they cannot disguise the text.
 */
import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { escapeBidiControls } from './escape-invisible';
import { transformMarkdownUrl } from './safe-url';
import { SafeLink } from './safe-link';
import { RemoteImage } from './remote-image';
import './markdown.css';

export interface MarkdownViewProps {
  text: string;
}

const components: Components = {
  a: ({ href, children }) => <SafeLink href={href ?? ''}>{children}</SafeLink>,
  img: ({ src, alt }) => <RemoteImage src={typeof src === 'string' ? src : ''} alt={alt ?? ''} />,
};

const plugins = [remarkGfm];

/** Render one message text as GitHub-flavoured markdown, safely. */
export const MarkdownView = memo(function MarkdownView({ text }: MarkdownViewProps) {
  return (
    <div className="md-view">
      <Markdown remarkPlugins={plugins} components={components} urlTransform={transformMarkdownUrl}>
        {escapeBidiControls(text)}
      </Markdown>
    </div>
  );
});
