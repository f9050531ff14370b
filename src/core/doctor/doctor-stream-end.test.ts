/**
 * Stream doctor, how a stream ends: errors in the middle of a stream, and streams cut before
 * their terminal event, on broken variants of real cassettes (tests/support/broken-fixtures.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toInspectReport } from '../inspect/inspect-report';
import {
  analyzeText,
  blockWhere,
  editStream,
  eventIndexOf,
  findingsOf,
  fixtureText,
  isEvent,
  streamBlocks,
} from '../../../tests/support/broken-fixtures';

const FANTASY = 'go-vcr-v2/fantasy/';
/** Anthropic Messages: 18 events, message_start … message_delta, message_stop. */
const ANTHROPIC = fixtureText(`${FANTASY}TestAnthropicCommon__claude-sonnet-4__simple_streaming.yaml`);
/** OpenRouter (GLM) chat stream: 179 events, with a keep-alive comment in the middle. */
const OPENROUTER = fixtureText(`${FANTASY}TestOpenRouterCommon__glm__simple_streaming.yaml`);
/** OpenAI Responses: 12 events, response.created … response.completed, no [DONE]. */
const RESPONSES = fixtureText(`${FANTASY}TestOpenAIResponsesCommon__openai-gpt-5__simple_streaming.yaml`);
/** Gemini streamGenerateContent?alt=sse: 8 candidates, the last with finishReason STOP. */
const GEMINI = fixtureText(`${FANTASY}TestImageUploadAgentStreaming__gemini-2.5-pro-stream.yaml`);
/** OpenAI Chat with stream_options.include_usage: finish chunk (event 3), usage chunk, [DONE]. */
const OPENAI = fixtureText(`${FANTASY}TestOpenAICommon__openai-gpt-4o__simple_streaming.yaml`);

/**
 * Anthropic's error event (https://docs.anthropic.com/en/api/messages-streaming#error-events):
 * "event: error" with a `{"type":"error","error":{…}}` payload, e.g. overloaded_error.
 */
const ANTHROPIC_ERROR =
  'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}';

/**
 * OpenRouter's mid-stream error (https://openrouter.ai/docs/api-reference/errors, "Streaming
 * error formats"): the HTTP status is already 200, so the error comes as an ordinary chunk with a
 * top-level `error` object and finish_reason "error".
 */
const OPENROUTER_ERROR =
  'data: {"id":"gen-1777319867-vjNGoL6gkUjyx82dUIAe","object":"chat.completion.chunk","created":1777319867,' +
  '"model":"z-ai/glm-5-turbo-20260315","provider":"AtlasCloud","error":{"code":"server_error","message":"Provider disconnected unexpectedly"},' +
  '"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]}';

const brief = (list: { kind: string; severity: string; eventIndex?: number }[]) =>
  list.map(({ kind, severity, eventIndex }) => ({ kind, severity, eventIndex }));

describe('an error in the middle of a stream', () => {
  it('Anthropic: an `event: error` block is found at its event and reported as the error', () => {
    const text = editStream(ANTHROPIC, 0, (blocks) => [
      ...blocks.slice(0, 7),
      ANTHROPIC_ERROR,
      ...blocks.slice(7),
    ]);
    const analyzed = analyzeText(text);
    expect(brief(findingsOf(analyzed))).toEqual([{ kind: 'stream-error', severity: 'error', eventIndex: 7 }]);
    expect(findingsOf(analyzed)[0]!.message).toBe('error in event 7: Overloaded');
    expect(toInspectReport(analyzed, 'x.yaml').interactions[0]!.error).toBe('Overloaded');
  });

  it('Anthropic: an error that ends the stream is not also "no terminal event"', () => {
    // What the API really does on overload: the error event, then the connection closes.
    const text = editStream(ANTHROPIC, 0, (blocks) => [...blocks.slice(0, 10), ANTHROPIC_ERROR]);
    expect(brief(findingsOf(analyzeText(text)))).toEqual([
      { kind: 'stream-error', severity: 'error', eventIndex: 10 },
    ]);
  });

  it('OpenRouter: an error object in a data payload, after a keep-alive, at the right event', () => {
    let at = -1;
    const text = editStream(OPENROUTER, 0, (blocks) => {
      // Insert right after the mid-stream keep-alive, so the comments before it must not count.
      const comment = blocks.findLastIndex((b) => !isEvent(b));
      at = comment + 1;
      return [...blocks.slice(0, at), OPENROUTER_ERROR, ...blocks.slice(at)];
    });
    const analyzed = analyzeText(text);
    const expected = eventIndexOf(streamBlocks(text, 0), at);
    expect(expected).toBeGreaterThan(100);
    expect(brief(findingsOf(analyzed))).toEqual([
      { kind: 'stream-error', severity: 'error', eventIndex: expected },
    ]);
    expect(findingsOf(analyzed)[0]!.message).toBe(
      `error in event ${expected}: Provider disconnected unexpectedly`,
    );
  });

  it('OpenRouter: the error chunk as the last word is an error, not a cut stream', () => {
    const text = editStream(OPENROUTER, 0, (blocks) => [...blocks.slice(0, 42), OPENROUTER_ERROR]);
    const at = eventIndexOf(streamBlocks(text, 0), 42);
    expect(brief(findingsOf(analyzeText(text)))).toEqual([
      { kind: 'stream-error', severity: 'error', eventIndex: at },
    ]);
  });
});

describe('a stream with no terminal event', () => {
  it('Anthropic: no message_stop, at whatever event the stream is cut', () => {
    const total = analyzeText(ANTHROPIC).exchanges[0]!.llm.stream!.events.length;
    expect(total).toBe(18);
    expect(brief(findingsOf(analyzeText(cutAfter(ANTHROPIC, 17))))).toEqual([
      { kind: 'no-terminal-event', severity: 'error', eventIndex: 16 },
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: total - 1 }), (keep) => {
        const found = findingsOf(analyzeText(cutAfter(ANTHROPIC, keep)), 'no-terminal-event');
        expect(brief(found)).toEqual([
          { kind: 'no-terminal-event', severity: 'error', eventIndex: keep - 1 },
        ]);
        expect(found[0]!.message).toBe(`stream stops after event ${keep - 1} without its terminal event`);
      }),
      { numRuns: 12 },
    );
  });

  it('OpenAI Responses: no response.completed', () => {
    const cut = editStream(RESPONSES, 0, (blocks) =>
      blocks.slice(
        0,
        blockWhere(blocks, (b) => b.startsWith('event: response.completed'), 'response.completed'),
      ),
    );
    expect(brief(findingsOf(analyzeText(cut)))).toEqual([
      { kind: 'no-terminal-event', severity: 'error', eventIndex: 10 },
    ]);
  });

  it('Gemini: no final candidate (the one with finishReason)', () => {
    const cut = editStream(GEMINI, 0, (blocks) => {
      const final = blockWhere(blocks, (b) => b.includes('"finishReason"'), 'a finishReason');
      expect(final).toBe(blocks.length - 1);
      return blocks.slice(0, final);
    });
    expect(brief(findingsOf(analyzeText(cut)))).toEqual([
      { kind: 'no-terminal-event', severity: 'error', eventIndex: 6 },
    ]);
  });

  it('OpenAI Chat: a finish reason but not the usage chunk the request asked for is a cut stream', () => {
    // The usage chunk comes after the finish reason when stream_options.include_usage is set
    // (https://platform.openai.com/docs/api-reference/chat/create#chat-create-stream_options), so
    // a stream that ends between the two was cut; its missing usage is not reported separately.
    const cut = editStream(OPENAI, 0, (blocks) => blocks.slice(0, 4));
    expect(brief(findingsOf(analyzeText(cut)))).toEqual([
      { kind: 'no-terminal-event', severity: 'error', eventIndex: 3 },
    ]);
  });
});

/** The fixture with only its first `keep` events (no comment blocks in the Anthropic stream). */
function cutAfter(text: string, keep: number): string {
  return editStream(text, 0, (blocks) => blocks.slice(0, keep));
}
