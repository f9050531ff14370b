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

function markdownElement(text: string): ReactElement {
  return Markdown({
    children: escapeBidiControls(text),
    remarkPlugins: plugins,
    components,
    urlTransform: transformMarkdownUrl,
  });
}

function renderMarkdown(text: string): ReactElement {
  const cached = rendered.get(text);
  if (cached) return cached;
  const element = markdownElement(text);
  if (rendered.size >= CACHE_LIMIT) rendered.delete(rendered.keys().next().value as string);
  rendered.set(text, element);
  return element;
}

/**
 * Messages with the constructs models write most, their parsing code is what gets warmed: a plain
 * line first (the pipeline itself), then the rest, each in an idle period of its own.
 */
const WARM_UP_SAMPLES = [
  'Here are the **results** of `add`:',
  [
    '## Result',
    '',
    'Here are the **results** of `add` and _multiply_, see [the docs](https://example.com):',
    '',
    '- Addition: 2 + 3 = 5',
    '1. Multiplication: 2 × 3 = 6',
    '',
    '| a | b |',
    '| - | - |',
    '| 2 | 3 |',
    '',
    '```json',
    '{"a": 2}',
    '```',
    '> done ~~not~~ https://example.com',
  ].join('\n'),
];

/** Runs `task` in the next idle period (https://w3c.github.io/requestidlecallback/), if there is one. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 3000 });
}

/**
 * Runs the markdown pipeline on the samples above, off the record, so its code is compiled before
 * the first conversation shows: the first timeline of a loaded file parsed its few messages with
 * cold code (micromark, mdast, hast: about 60 ms of a 147 ms task in a profile of the 43 MB bench
 * file), the longest main-thread task of the load (issue 15). One sample per idle period; `made`
 * sees each element (the test's view of what ran).
 */
export function warmMarkdownWhenIdle(
  samples: readonly string[] = WARM_UP_SAMPLES,
  schedule: (task: () => void) => void = whenIdle,
  made: (element: ReactElement) => void = () => {},
): void {
  if (samples.length === 0) return;
  schedule(() => {
    made(markdownElement(samples[0]!));
    warmMarkdownWhenIdle(samples.slice(1), schedule, made);
  });
}

/** Render one message text as GitHub-flavoured markdown, safely. */
export const MarkdownView = memo(function MarkdownView({ text }: MarkdownViewProps) {
  return <div className="md-view">{renderMarkdown(text)}</div>;
});
