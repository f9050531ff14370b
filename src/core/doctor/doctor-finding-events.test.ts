/**
 * Stream doctor: findings about the assembled message still name the stream event they come from
 * (issue 7: "name the event index where one applies"), in `eventIndex` and in the message that
 * `inspect --json` prints. Early finish reasons and tool arguments that never parse, on real
 * cassettes edited by tests/support/broken-fixtures.ts.
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
const OPENAI = fixtureText(`${FANTASY}TestOpenAICommon__openai-gpt-4o__simple_streaming.yaml`);
const OPENAI_NOT_STREAMED = fixtureText(`${FANTASY}TestOpenAICommon__openai-gpt-4o__simple.yaml`);
/** OpenRouter sends finish_reason twice: in its own chunk (event 7) and with the usage (event 8). */
const OPENROUTER_TOOL = fixtureText(`${FANTASY}TestOpenRouterCommon__anthropic__tool_streaming.yaml`);
const ANTHROPIC = fixtureText(`${FANTASY}TestAnthropicCommon__claude-sonnet-4__simple_streaming.yaml`);
const RESPONSES = fixtureText(`${FANTASY}TestOpenAIResponsesCommon__openai-gpt-5__simple_streaming.yaml`);
/** add: start event 1, fragments 2–5; multiply: start event 6, fragments 7–10. */
const OPENAI_TWO_CALLS = fixtureText(`${FANTASY}TestOpenAICommon__openai-gpt-4o__multi_tool_streaming.yaml`);
/** Cerebras sends the whole call, arguments and all, in event 1. */
const CEREBRAS = fixtureText(`${FANTASY}TestCerebrasCommon__cerebras-qwen-3-coder-480b__tool_streaming.yaml`);

const edited = (text: string, from: string | RegExp, to: string) =>
  editStream(text, 0, (blocks) => blocks.map((b) => b.replace(from, to)));

describe('a finish reason at the cap the request set names the cap and the event (issue 16: information)', () => {
  // Every request of these fixtures set an output-token cap, so a "length"-like finish reason is
  // the model doing what it was asked: an informational finding, never a warning.
  it('OpenAI Chat: finish_reason "length"', () => {
    const [found] = findingsOf(
      analyzeText(edited(OPENAI, '"finish_reason":"stop"', '"finish_reason":"length"')),
    );
    expect(found).toMatchObject({ kind: 'stopped-at-cap', severity: 'info', eventIndex: 3 });
    expect(found!.message).toMatch(
      /^stopped at max_(completion_)?tokens = \d+, as the request asked \(finish reason "length" in event 3\)$/,
    );
  });

  it('OpenRouter: the first of the two chunks that carry it, where the model stopped', () => {
    const text = edited(OPENROUTER_TOOL, /"finish_reason":"tool_calls"/g, '"finish_reason":"length"');
    const found = findingsOf(analyzeText(text), 'stopped-at-cap');
    expect(found).toEqual([expect.objectContaining({ exchangeIndex: 0, eventIndex: 7, severity: 'info' })]);
    expect(found[0]!.message).toMatch(/\(finish reason "length" in event 7\)$/);
  });

  it('Anthropic: stop_reason "max_tokens" in message_delta (Anthropic requires max_tokens)', () => {
    const text = edited(ANTHROPIC, '"stop_reason":"end_turn"', '"stop_reason":"max_tokens"');
    const [found] = findingsOf(analyzeText(text));
    expect(found).toMatchObject({ kind: 'stopped-at-cap', severity: 'info', eventIndex: 16 });
    expect(found!.message).toMatch(
      /^stopped at max_tokens = \d+, as the request asked \(finish reason "max_tokens" in event 16\)$/,
    );
  });

  it('OpenAI Responses: response.incomplete with reason max_output_tokens', () => {
    // https://platform.openai.com/docs/api-reference/responses-streaming/response/incomplete
    const text = editStream(RESPONSES, 0, (blocks) => {
      const at = blockWhere(blocks, (b) => b.startsWith('event: response.completed'), 'response.completed');
      blocks[at] = blocks[at]!.replaceAll('response.completed', 'response.incomplete')
        .replace('"status":"completed"', '"status":"incomplete"')
        .replace('"incomplete_details":null', '"incomplete_details":{"reason":"max_output_tokens"}');
      return blocks;
    });
    const found = findingsOf(analyzeText(text));
    expect(found).toEqual([expect.objectContaining({ kind: 'stopped-at-cap', eventIndex: 11 })]);
    expect(found[0]!.message).toMatch(
      /^stopped at max_output_tokens = \d+, as the request asked \(finish reason "incomplete:max_output_tokens" in event 11\)$/,
    );
  });

  it('a response that was not streamed has no event to name', () => {
    const text = OPENAI_NOT_STREAMED.replace('"finish_reason": "stop"', '"finish_reason": "length"');
    expect(text).not.toBe(OPENAI_NOT_STREAMED);
    const found = findingsOf(analyzeText(text));
    expect(found).toEqual([expect.objectContaining({ kind: 'stopped-at-cap', eventIndex: undefined })]);
    expect(found[0]!.message).toMatch(/, as the request asked \(finish reason "length"\)$/);
  });
});

describe('tool arguments that never parse name the event of their last fragment', () => {
  it('streamed in fragments: the last fragment that arrived', () => {
    const text = editStream(OPENAI_TWO_CALLS, 0, (blocks) => {
      // Drop multiply's closing "}" (event 10): its JSON never closes.
      const last = blocks.findLastIndex((b) => b.includes('"index":1,"function":{"arguments":"}"'));
      return [...blocks.slice(0, last), ...blocks.slice(last + 1)];
    });
    const found = findingsOf(analyzeText(text));
    expect(found).toEqual([
      expect.objectContaining({ kind: 'invalid-tool-arguments', severity: 'error', eventIndex: 9 }),
    ]);
    expect(found[0]!.message).toMatch(/^arguments of tool call multiply \(event 9\) are not valid JSON: /);
  });

  it('sent whole in one chunk: that chunk', () => {
    const text = edited(CEREBRAS, 'Florence,Italy\\"}"', 'Flor"');
    expect(text).not.toBe(CEREBRAS);
    const found = findingsOf(analyzeText(text));
    expect(found).toEqual([expect.objectContaining({ kind: 'invalid-tool-arguments', eventIndex: 1 })]);
    expect(found[0]!.message).toMatch(/^arguments of tool call weather \(event 1\) are not valid JSON: /);
  });

  it('two calls with the same name and no id: each call its own event', () => {
    // Some OpenAI-compatible servers send no call ids; matching by name alone pointed both calls
    // at the second one's events.
    const text = editStream(OPENAI_TWO_CALLS, 0, (blocks) => {
      const renamed = blocks.map((b) =>
        b.replace(/"id":"call_[^"]+",/, '').replace('"name":"multiply"', '"name":"add"'),
      );
      const closing = renamed.findIndex((b) => b.includes('"index":0,"function":{"arguments":"}"'));
      return [...renamed.slice(0, closing), ...renamed.slice(closing + 1)];
    });
    const analyzed = analyzeText(text);
    const calls = analyzed.exchanges[0]!.llm.response!.message!.parts.filter((p) => p.kind === 'tool-call');
    expect(calls.map((c) => [c.id, c.name])).toEqual([
      [null, 'add'],
      [null, 'add'],
    ]);
    const found = findingsOf(analyzed, 'invalid-tool-arguments');
    expect(found).toEqual([expect.objectContaining({ eventIndex: 4 })]);
    expect(found[0]!.message).toMatch(/^arguments of tool call add \(event 4\)/);
  });
});
