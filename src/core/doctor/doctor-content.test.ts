/**
 * Stream doctor, what the model returned: an empty completion, usage missing although the request
 * asked for it, and a tool result that answers no call, on real cassettes edited by
 * tests/support/broken-fixtures.ts. These findings are about something absent, so they name no
 * event (eventIndex undefined), and the test says so.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeText,
  blockWhere,
  editStream,
  findingsOf,
  fixtureText,
} from '../../../tests/support/broken-fixtures';

const FANTASY = 'go-vcr-v2/fantasy/';
/** Anthropic: one text block, deltas in events 3–14. */
const ANTHROPIC = fixtureText(`${FANTASY}TestAnthropicCommon__claude-sonnet-4__simple_streaming.yaml`);
/** OpenAI Chat with stream_options.include_usage: text in events 1–2, usage chunk 4, [DONE]. */
const OPENAI = fixtureText(`${FANTASY}TestOpenAICommon__openai-gpt-4o__simple_streaming.yaml`);
/** OpenAI Chat, two calls: weather, then its result sent back as tool_call_id call_7kE4…. */
const OPENAI_TOOL = fixtureText(`${FANTASY}TestOpenAICommon__openai-gpt-4o__tool_streaming.yaml`);
/** Anthropic, two calls (add, multiply) and both results sent back as tool_use_id. */
const ANTHROPIC_TOOLS = fixtureText(
  `${FANTASY}TestAnthropicCommonWithCacheControl__claude-sonnet-4__multi_tool_streaming.yaml`,
);

const brief = (list: { kind: string; severity: string; exchangeIndex: number; eventIndex?: number }[]) =>
  list.map(({ kind, severity, exchangeIndex, eventIndex }) => ({
    kind,
    severity,
    exchangeIndex,
    eventIndex,
  }));

describe('an empty completion', () => {
  it('Anthropic: a text block that never got a delta', () => {
    const text = editStream(ANTHROPIC, 0, (blocks) => blocks.filter((b) => !b.includes('"text_delta"')));
    const found = findingsOf(analyzeText(text));
    expect(brief(found)).toEqual([
      { kind: 'empty-completion', severity: 'warning', exchangeIndex: 0, eventIndex: undefined },
    ]);
    expect(found[0]!.message).toBe('the model returned no text, no tool call and no reasoning');
  });

  it('OpenAI Chat: content deltas that are all empty strings', () => {
    const text = editStream(OPENAI, 0, (blocks) =>
      blocks.map((b) => b.replace(/"content":"[^"]+"/, '"content":""')),
    );
    expect(brief(findingsOf(analyzeText(text)))).toEqual([
      { kind: 'empty-completion', severity: 'warning', exchangeIndex: 0, eventIndex: undefined },
    ]);
  });

  it('a reply that is only a tool call is not empty', () => {
    const analyzed = analyzeText(OPENAI_TOOL);
    expect(analyzed.exchanges[0]!.llm.response!.message!.parts.map((p) => p.kind)).toEqual(['tool-call']);
    expect(findingsOf(analyzed, 'empty-completion')).toEqual([]);
  });
});

describe('usage missing although the request asked for it', () => {
  const withoutUsageChunk = (text: string) =>
    editStream(text, 0, (blocks) => {
      const at = blockWhere(blocks, (b) => b.includes('"choices":[],"usage":{'), 'the usage chunk');
      return [...blocks.slice(0, at), ...blocks.slice(at + 1)];
    });

  it('stream_options.include_usage set, [DONE] received, no usage chunk', () => {
    expect(OPENAI).toContain('"stream_options":{"include_usage":true}');
    const found = findingsOf(analyzeText(withoutUsageChunk(OPENAI)));
    expect(brief(found)).toEqual([
      { kind: 'missing-usage', severity: 'warning', exchangeIndex: 0, eventIndex: undefined },
    ]);
    expect(found[0]!.message).toMatch(/stream_options\.include_usage/);
  });

  it('is no finding when the request did not ask', () => {
    const notAsked = OPENAI.replace('"stream_options":{"include_usage":true},', '');
    expect(notAsked).not.toBe(OPENAI);
    expect(findingsOf(analyzeText(withoutUsageChunk(notAsked)))).toEqual([]);
  });
});

describe('a tool result that refers to an unknown call', () => {
  it('OpenAI Chat: tool_call_id that no call in the cassette has', () => {
    const text = OPENAI_TOOL.replace(
      '"tool_call_id":"call_7kE4IjtnwXcGbX6hDM7xFu8T"',
      '"tool_call_id":"call_never_made"',
    );
    expect(text).not.toBe(OPENAI_TOOL);
    const found = findingsOf(analyzeText(text));
    // Filed under the request that sent the result (interaction 1); it is no stream event.
    expect(brief(found)).toEqual([
      { kind: 'unknown-tool-result', severity: 'warning', exchangeIndex: 1, eventIndex: undefined },
    ]);
    expect(found[0]!.message).toBe('tool result call_never_made answers no tool call in this cassette');
  });

  it('Anthropic: only the one tool_use_id that matches nothing is flagged', () => {
    const text = ANTHROPIC_TOOLS.replace(
      '"tool_use_id":"toolu_01Luz2H6g7H2QWmHBDtu4r24"',
      '"tool_use_id":"toolu_unknown"',
    );
    expect(text).not.toBe(ANTHROPIC_TOOLS);
    const found = findingsOf(analyzeText(text));
    expect(brief(found)).toEqual([
      { kind: 'unknown-tool-result', severity: 'warning', exchangeIndex: 1, eventIndex: undefined },
    ]);
    expect(found[0]!.message).toMatch(/^tool result toolu_unknown answers no tool call/);
  });

  it('the recorded results all answer their calls', () => {
    expect(findingsOf(analyzeText(OPENAI_TOOL))).toEqual([]);
    expect(findingsOf(analyzeText(ANTHROPIC_TOOLS))).toEqual([]);
  });
});
