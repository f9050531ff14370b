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
import { memo, type ReactElement } from 'react';
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

/**
 * Parsed markdown by source text. Rows of a virtualized timeline mount and unmount while
 * scrolling; without this cache each remount would re-run the whole unified pipeline.
 * `Markdown` is a pure function of its props (react-markdown v10 `Markdown`: "sync" and
 * hook-free), so its element tree can be reused. Bounded, oldest entries dropped first.
 */
const CACHE_LIMIT = 400;
const rendered = new Map<string, ReactElement>();

function renderMarkdown(text: string): ReactElement {
  const cached = rendered.get(text);
  if (cached) return cached;
  const element = Markdown({
    children: escapeBidiControls(text),
    remarkPlugins: plugins,
    components,
    urlTransform: transformMarkdownUrl,
  });
  if (rendered.size >= CACHE_LIMIT) rendered.delete(rendered.keys().next().value as string);
  rendered.set(text, element);
  return element;
}

/** Render one message text as GitHub-flavoured markdown, safely. */
export const MarkdownView = memo(function MarkdownView({ text }: MarkdownViewProps) {
  return <div className="md-view">{renderMarkdown(text)}</div>;
});
