import { describe, expect, it } from 'vitest';
import type { ContentPart } from '../model/conversation';
import type { ThreadItem, ThreadTool } from '../model/thread';
import { countToolCalls } from './tool-call-counts';
import { linkToolCalls } from './tool-links';

function tool(name: string, type: string): ThreadTool {
  return { definition: { name, type }, callCount: 0, firstExchangeIndex: 0 };
}

function call(name: string, extra: Partial<Extract<ContentPart, { kind: 'tool-call' }>> = {}): ContentPart {
  return { kind: 'tool-call', id: `${name}-${Math.random()}`, name, argumentsText: '{}', ...extra };
}

function counts(tools: ThreadTool[], parts: ContentPart[]): Record<string, number> {
  const items: ThreadItem[] = [
    { kind: 'message', exchangeIndex: 0, source: 'response', message: { role: 'assistant', parts } },
  ];
  const counted = countToolCalls(tools, linkToolCalls(items), items);
  return Object.fromEntries(counted.map((t) => [t.definition.name, t.callCount]));
}

describe('countToolCalls', () => {
  it('counts client calls by name', () => {
    expect(
      counts([tool('add', 'function'), tool('multiply', 'function')], [call('add'), call('add')]),
    ).toEqual({
      add: 2,
      multiply: 0,
    });
  });

  it('counts a built-in call item for the offered tool of its family, preview and dated names too', () => {
    const tools = [
      tool('web_search_preview', 'web_search_preview_2025_03_11'),
      tool('code_interpreter', 'code_interpreter'),
    ];
    const parts = [
      call('web_search_call', { server: true }),
      call('code_interpreter_call', { server: true }),
    ];
    expect(counts(tools, parts)).toEqual({ web_search_preview: 1, code_interpreter: 1 });
  });

  it('counts an MCP call for the server it ran through, not for a function of the same name', () => {
    const tools = [tool('mcp:deepwiki', 'mcp'), tool('ask_question', 'function')];
    const parts = [call('ask_question', { server: true, via: 'mcp:deepwiki' })];
    expect(counts(tools, parts)).toEqual({ 'mcp:deepwiki': 1, ask_question: 0 });
  });

  it('counts an Anthropic server tool by the offered name', () => {
    expect(
      counts([tool('web_search', 'web_search_20250305')], [call('web_search', { server: true })]),
    ).toEqual({
      web_search: 1,
    });
  });

  it('counts a call of a tool nobody offered for none', () => {
    expect(
      counts([tool('add', 'function')], [call('file_search_call', { server: true }), call('sub')]),
    ).toEqual({
      add: 0,
    });
  });
});
