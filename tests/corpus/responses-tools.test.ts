/**
 * Issue 18, Responses API tools in real recordings: built-in and MCP tools are counted per call
 * (two `web_search_call` items are two calls of the offered `web_search`; an `mcp_call` of
 * `ask_question` is a call of `mcp:deepwiki`), and `mcp_list_tools` is the list of tools offered,
 * never an unknown part.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCassette } from '../../src/core/analyze';
import { loadCassette } from '../../src/core/cassette';
import type { AnalyzedCassette } from '../../src/core/model/analysis';
import type { ContentPart } from '../../src/core/model/conversation';
import { readCorpusBytes } from '../support/corpus-fixtures';

function analyze(path: string): AnalyzedCassette {
  return analyzeCassette(loadCassette(readCorpusBytes(path), path.split('/').pop()!));
}

function responseParts(analyzed: AnalyzedCassette): ContentPart[] {
  return analyzed.thread.items.flatMap((item) =>
    item.kind === 'message' && item.source === 'response' ? item.message.parts : [],
  );
}

function callCounts(analyzed: AnalyzedCassette): Record<string, number> {
  return Object.fromEntries(analyzed.thread.tools.map((tool) => [tool.definition.name, tool.callCount]));
}

describe('OpenAI Responses built-in and MCP tools', () => {
  it('counts each web_search_call as a call of web_search (streamed, two turns)', () => {
    const analyzed = analyze(
      'vcrpy/pydantic-ai/test_openai_responses__test_openai_responses_model_web_search_tool_stream.yaml',
    );
    const calls = responseParts(analyzed).filter((part) => part.kind === 'tool-call' && part.server);
    expect(calls).toHaveLength(2);
    expect(callCounts(analyzed)).toEqual({ web_search: 2 });
  });

  it('counts a web_search_call in a whole-body response', () => {
    const analyzed = analyze('go-vcr-v2/fantasy/TestOpenAIWebSearch__generate.yaml');
    expect(callCounts(analyzed)).toEqual({ web_search: 1 });
  });

  it('counts an MCP call for its server, and shows mcp_list_tools as the tools offered', () => {
    const analyzed = analyze(
      'vcrpy/pydantic-ai/test_openai_responses__test_openai_responses_model_mcp_server_tool_stream.yaml',
    );
    expect(callCounts(analyzed)).toEqual({ 'mcp:deepwiki': 1 });
    const parts = responseParts(analyzed);
    const call = parts.find((part) => part.kind === 'tool-call');
    expect(call).toMatchObject({ name: 'ask_question', server: true, via: 'mcp:deepwiki' });
    expect(parts.some((part) => part.kind === 'unknown')).toBe(false);
    const list = parts.find((part) => part.kind === 'tool-list');
    expect(list).toMatchObject({ kind: 'tool-list', server: 'mcp:deepwiki' });
    const names = list?.kind === 'tool-list' ? list.tools.map((tool) => tool.name) : [];
    expect(names).toContain('ask_question');
    expect(names).toContain('read_wiki_structure');
  });
});
