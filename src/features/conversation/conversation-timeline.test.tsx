import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { ConversationTimeline } from './conversation-timeline';
import { buildTimelineModel, partAt, previewToolResult } from './timeline-model';
import { buildSampleOverview } from './timeline-test-data';
import { describeArguments } from './tool-call-card';
import { splitUrl, statusTone, usageFigures } from './format-values';

describe('buildTimelineModel', () => {
  it('adds the tools row first and the total last, and indexes boundaries and links', () => {
    const overview = buildSampleOverview();
    const model = buildTimelineModel(overview);
    expect(model.rows[0]?.kind).toBe('tools');
    expect(model.rows.at(-1)?.kind).toBe('total');
    expect(model.rows).toHaveLength(overview.thread.items.length + 2);
    expect(model.rowByExchange.get(0)).toBe(1);
    expect(model.rowByExchange.get(1)).toBe(5);
    expect(model.linkByCall.get('3:2')?.name).toBe('multiply');
    expect(model.linkByResult.get('6:0')?.ordinal).toBe(1);
    const result = partAt(overview.thread, { item: 7, part: 0 });
    expect(previewToolResult(result)).toBe('6');
  });
});

describe('ConversationTimeline', () => {
  const html = renderToStaticMarkup(
    <ConversationTimeline
      overview={buildSampleOverview()}
      selectedExchange={1}
      onSelectExchange={() => {}}
      requestMessages={() => Promise.resolve([])}
    />,
  );

  it('shows every boundary with its facts and marks the selected one', () => {
    expect(html).toContain('Call #1');
    expect(html).toContain('Call #2');
    expect(html).toContain('moonshotai/kimi-k2');
    expect(html).toContain('finish: tool_calls');
    expect(html.match(/aria-pressed="true"/g)).toHaveLength(1);
    expect(html).toContain('1.00 s');
    expect(html).toContain('$0.00021');
  });

  it('renders messages, the markdown answer and tool cards linked both ways', () => {
    expect(html).toContain('Add and multiply the number 2 and 3');
    expect(html.match(/<li>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('id="tool-call-1"');
    expect(html).toContain('id="tool-result-2"');
    expect(html).toContain('← call #1 add');
    expect(html).toContain('3 earlier messages');
  });

  it('warns about arguments that are not JSON and shows them raw', () => {
    expect(html).toContain('Arguments are not valid JSON');
    expect(html).toContain('{&quot;a&quot;: 2, &quot;b&quot;: 3');
  });

  it('shows errors prominently with the provider message as text', () => {
    expect(html).toContain('role="alert"');
    expect(html).toContain('Overloaded &lt;b&gt;now&lt;/b&gt;');
    expect(html).toContain('event 7');
  });
});

describe('formatters', () => {
  it('formats usage, URLs and status tones', () => {
    expect(statusTone(429)).toBe('error');
    expect(statusTone(200)).toBe('ok');
    expect(statusTone(null)).toBe('unknown');
    expect(
      usageFigures({ inputTokens: 1200, outputTokens: 5, cacheReadTokens: 0, raw: null }).map(
        (f) => `${f.label} ${f.value}`,
      ),
    ).toEqual(['in 1,200', 'out 5', 'cache read 0']);
    expect(splitUrl('https://api.x.ai/v1/chat?q=1')).toEqual({ host: 'api.x.ai', path: '/v1/chat?q=1' });
  });

  it('pretty-prints arguments and keeps invalid ones raw', () => {
    expect(describeArguments({ kind: 'tool-call', id: null, name: 'f', argumentsText: '{"a":2}' }).text).toBe(
      '{\n  "a": 2\n}',
    );
    expect(
      describeArguments({ kind: 'tool-call', id: null, name: 'f', argumentsText: '{"a":' }).warning,
    ).not.toBeNull();
    expect(describeArguments({ kind: 'tool-call', id: null, name: 'f', argumentsText: '' }).text).toBe(
      '(no arguments)',
    );
  });
});
