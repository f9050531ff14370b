import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownView } from '../../ui/markdown/markdown-view';
import { splitMarkdownBlocks } from './markdown-blocks';
import { ReplayMarkdown } from './replay-markdown';

const replay = (text: string) => renderToStaticMarkup(<ReplayMarkdown text={text} />);

// Issue 14: Replay showed a link whose text names one site and whose target is another as a live
// link with no host hint, and U+202E raw, while the Conversation view did both right.
describe('ReplayMarkdown renders with the Conversation view’s rules', () => {
  const lure = 'Sign in at [https://platform.openai.com/login](https://evil.example/steal?x=1) now.';

  it('shows the real host beside a link whose text names another', () => {
    const html = replay(lure);
    expect(html).toContain('href="https://evil.example/steal?x=1"');
    expect(html).toContain(
      'https://platform.openai.com/login</a><span class="md-link-host"> (evil.example)</span>',
    );
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it('shows bidi controls escaped', () => {
    const html = replay('invoice for \u202Efdp.exe\u202C and \u2066isolated\u2069');
    expect(html).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(html).toContain('⟨U+202E⟩fdp.exe⟨U+202C⟩');
    expect(html).toContain('⟨U+2066⟩isolated⟨U+2069⟩');
  });

  it('keeps unsafe links inert and images unloaded', () => {
    const html = replay('[x](javascript:alert(1)) ![pixel](https://tracker.invalid/p.png)');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('tracker.invalid');
  });

  it('is, block for block, what the Conversation view renders (the same component)', () => {
    const text = `# Title\n\n${lure}\n\n- a \u202Eb\n- [docs](https://example.com)\n\n\`\`\`\ncode\n\`\`\`\n`;
    const conversation = splitMarkdownBlocks(text)
      .map((block) => renderToStaticMarkup(<MarkdownView text={block} />))
      .join('');
    expect(replay(text)).toBe(`<div class="rp-markdown">${conversation}</div>`);
  });
});
