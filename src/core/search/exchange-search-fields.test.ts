import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../analyze';
import { loadCassette } from '../cassette';
import { searchFieldsOf } from './exchange-search-fields';
import { parseQuery } from './query-terms';
import { SearchIndex } from './search-index';

const GROQ = 'tests/fixtures/corpus/vcrpy/pydantic-ai/test_groq__test_tool_use_failed_error.yaml';

function indexOf(path: string) {
  const analyzed = analyzeCassette(loadCassette(new Uint8Array(readFileSync(path)), path));
  const index = new SearchIndex();
  analyzed.exchanges.forEach((exchange, position) => index.add(position, searchFieldsOf(exchange, position)));
  return { analyzed, index, find: (query: string) => index.search(parseQuery(query)) };
}

describe('searchFieldsOf on the Groq tool_use_failed cassette', () => {
  const { analyzed, find } = indexOf(GROQ);

  it('holds the call facts, the error code and message, tool names and the message texts', () => {
    const first = searchFieldsOf(analyzed.exchanges[0]!, 0);
    expect(first[0]).toContain('https://api.groq.com/openai/v1/chat/completions');
    expect(first[0]).toContain('400');
    expect(first).toContain('tool_use_failed');
    expect(first).toContain('invalid_request_error');
    expect(first).toContain('error');
    expect(first).toContain('get_something_by_name');
  });

  it('finds the failed call by its error code, and only by what a call holds', () => {
    const statuses = analyzed.exchanges.map((exchange) => exchange.http.response?.status);
    const failed = statuses.flatMap((status, index) => (status === 400 ? [index] : []));
    expect(failed.length).toBeGreaterThan(0);
    expect(find('tool_use_failed')).toEqual(failed);
    expect(find('TOOL_USE_FAILED 400')).toEqual(failed);
    expect(find('error')).toEqual(expect.arrayContaining(failed));
    expect(find('tool_use_failed no-such-word-anywhere')).toEqual([]);
    expect(find('#2')).toEqual([1]);
  });

  it('finds a tool by its name in every call that offers or calls it', () => {
    const offering = analyzed.exchanges.flatMap((exchange, index) =>
      exchange.llm.request?.tools.some((tool) => tool.name === 'get_something_by_name') ? [index] : [],
    );
    expect(offering.length).toBeGreaterThan(0);
    expect(find('get_something_by_name')).toEqual(expect.arrayContaining(offering));
  });
});

describe('searchFieldsOf on parts', () => {
  it('reads message text, tool arguments and results, reasoning and unknown parts', () => {
    const { analyzed } = indexOf(
      'tests/fixtures/corpus/vcrpy/pydantic-ai/test_groq__test_tool_use_failed_error.yaml',
    );
    const exchange = structuredClone(analyzed.exchanges[0]!);
    exchange.llm.request!.messages = [
      {
        role: 'user',
        parts: [
          { kind: 'text', text: 'the weather in Paris' },
          { kind: 'reasoning', text: 'secret plan', redacted: true },
          { kind: 'reasoning', text: 'thinking aloud' },
          { kind: 'unknown', label: 'odd', raw: { deep: 'gizmo' } },
        ],
      },
      {
        role: 'assistant',
        parts: [{ kind: 'tool-call', id: 'call_1', name: 'lookup', argumentsText: '{"city":"Paris"}' }],
      },
      {
        role: 'tool',
        parts: [{ kind: 'tool-result', callId: 'call_1', content: [{ kind: 'text', text: 'sunny, 21C' }] }],
      },
    ];
    const fields = searchFieldsOf(exchange, 0);
    for (const expected of [
      'the weather in Paris',
      'thinking aloud',
      'lookup',
      '{"city":"Paris"}',
      'sunny, 21C',
    ])
      expect(fields).toContain(expected);
    expect(fields.join('\n')).toContain('gizmo');
    expect(fields).not.toContain('secret plan');
  });
});
