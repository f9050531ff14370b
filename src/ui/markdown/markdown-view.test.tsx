import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownView, warmMarkdownWhenIdle } from './markdown-view';

const render = (text: string) => renderToStaticMarkup(<MarkdownView text={text} />);

describe('MarkdownView', () => {
  it('renders a markdown list as li elements', () => {
    const html = render('Results:\n\n- **Sum**: 5\n- **Product**: 6');
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain('<strong>Sum</strong>');
  });

  it('shows raw HTML as text, never as elements', () => {
    const html = render('<script>window.pwned=1</script>\n\n<img src=x onerror="alert(1)">');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('makes javascript:, vbscript: and data:text/html links inert', () => {
    for (const href of [
      'javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<b>x</b>',
      'JaVa\tScRiPt:alert(1)',
    ]) {
      const html = render(`[click](${href})`);
      expect(html).not.toContain('<a ');
      expect(html).toContain('click');
    }
  });

  it('shows the host of remote links and keeps them noopener', () => {
    const html = render('[docs](https://example.com/x)');
    expect(html).toContain('href="https://example.com/x"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('(example.com)');
  });

  it('does not load remote images until clicked', () => {
    const html = render('![cat](https://images.example.org/cat.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('images.example.org');
  });

  it('renders inline raster data images but never SVG data URLs', () => {
    const png = render('![dot](data:image/png;base64,iVBORw0KGgo=)');
    expect(png).toContain('<img');
    const svg = render('![x](data:image/svg+xml;base64,PHN2Zy8+)');
    expect(svg).not.toContain('<img');
  });

  it('shows bidi overrides escaped', () => {
    expect(render('abc\u202Edef')).toContain('⟨U+202E⟩');
  });
});

describe('warmMarkdownWhenIdle', () => {
  it('parses one sample per idle period, in order, and nothing before the first', () => {
    const queued: Array<() => void> = [];
    const made: string[] = [];
    warmMarkdownWhenIdle(
      ['plain **bold**', '| a |\n| - |\n| 1 |'],
      (task) => queued.push(task),
      (element) => made.push(renderToStaticMarkup(element)),
    );
    expect(made).toEqual([]);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(made).toEqual(['<p>plain <strong>bold</strong></p>']);
    expect(queued).toHaveLength(1);
    queued.shift()!();
    expect(made[1]).toContain('<table>');
    expect(queued).toHaveLength(0);
  });
});
