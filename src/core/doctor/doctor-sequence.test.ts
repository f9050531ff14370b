/**
 * Stream doctor, numbering (sequence-order.ts): every kind of numbering the doctor checks, broken
 * both ways (a duplicate and a step back), on real cassettes edited by
 * tests/support/broken-fixtures.ts.
 * - OpenAI Responses: each event carries a growing `sequence_number`
 *   (https://platform.openai.com/docs/api-reference/responses-streaming);
 * - Anthropic Messages: each content block is started once, in `index` order
 *   (https://docs.anthropic.com/en/api/messages-streaming);
 * - SSE `id:` fields, when a server sends them, name each event once.
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
/** OpenAI Responses: 12 events numbered 0…11; events 6 and 7 are the two text deltas. */
const RESPONSES = fixtureText(`${FANTASY}TestOpenAIResponsesCommon__openai-gpt-5__simple_streaming.yaml`);
/** Anthropic: text block 0 (events 1–7), tool_use block 1 (events 8–14), block 2 (events 15–20). */
const ANTHROPIC = fixtureText(
  `${FANTASY}TestAnthropicCommonWithCacheControl__claude-sonnet-4__multi_tool_streaming.yaml`,
);
/** OpenAI Chat: 6 events, no `id:` fields. */
const OPENAI = fixtureText(`${FANTASY}TestOpenAICommon__openai-gpt-4o__simple_streaming.yaml`);

const brief = (list: { kind: string; severity: string; eventIndex?: number }[]) =>
  list.map(({ kind, severity, eventIndex }) => ({ kind, severity, eventIndex }));

describe('OpenAI Responses sequence_number', () => {
  it('starts from a healthy recording', () => {
    expect(findingsOf(analyzeText(RESPONSES))).toEqual([]);
  });

  it('a duplicate number (a chunk sent twice) is found at the second one', () => {
    const text = editStream(RESPONSES, 0, (blocks) =>
      blocks.map((b) => b.replace('"sequence_number":7', '"sequence_number":6')),
    );
    const found = findingsOf(analyzeText(text));
    expect(brief(found)).toEqual([{ kind: 'sequence-order', severity: 'error', eventIndex: 7 }]);
    expect(found[0]!.message).toBe('event 7 has sequence_number 6 after 6 (duplicate)');
  });

  it('a smaller number (two events swapped on the way) is found where the count goes back', () => {
    const text = editStream(RESPONSES, 0, (blocks) => {
      const at = blockWhere(blocks, (b) => b.includes('"sequence_number":7'), 'sequence_number 7');
      [blocks[at - 1], blocks[at]] = [blocks[at]!, blocks[at - 1]!];
      return blocks;
    });
    const analyzed = analyzeText(text);
    const found = findingsOf(analyzed);
    expect(brief(found)).toEqual([{ kind: 'sequence-order', severity: 'error', eventIndex: 7 }]);
    expect(found[0]!.message).toBe('event 7 has sequence_number 6 after 7 (out of order)');
    // The swap is visible in the text too: the deltas arrived in the wrong order.
    expect(analyzed.exchanges[0]!.llm.response!.message!.parts).toContainEqual({ kind: 'text', text: '!Oi' });
  });
});

describe('Anthropic content blocks', () => {
  it('starts from a healthy recording', () => {
    expect(findingsOf(analyzeText(ANTHROPIC))).toEqual([]);
  });

  it('a block started twice (its content_block_start repeated) is found at the repeat', () => {
    const text = editStream(ANTHROPIC, 0, (blocks) => {
      const at = blockWhere(blocks, (b) => b.includes('"content_block_start","index":1'), 'block 1 start');
      return [...blocks.slice(0, at + 1), blocks[at]!, ...blocks.slice(at + 1)];
    });
    const found = findingsOf(analyzeText(text));
    expect(brief(found)).toEqual([{ kind: 'sequence-order', severity: 'error', eventIndex: 9 }]);
    expect(found[0]!.message).toBe('event 9 starts content block 1 a second time');
  });

  it('a block started after a higher one (two tool_use blocks swapped) is found at the late start', () => {
    const text = editStream(ANTHROPIC, 0, (blocks) => {
      const one = blockWhere(blocks, (b) => b.includes('"content_block_start","index":1'), 'block 1 start');
      const two = blockWhere(blocks, (b) => b.includes('"content_block_start","index":2'), 'block 2 start');
      const end = blockWhere(blocks, (b) => b.startsWith('event: message_delta'), 'message_delta');
      return [
        ...blocks.slice(0, one),
        ...blocks.slice(two, end),
        ...blocks.slice(one, two),
        ...blocks.slice(end),
      ];
    });
    const analyzed = analyzeText(text);
    const found = findingsOf(analyzed);
    // Block 2 now takes events 8–13, so block 1 starts at event 14.
    expect(brief(found)).toEqual([{ kind: 'sequence-order', severity: 'error', eventIndex: 14 }]);
    expect(found[0]!.message).toBe('event 14 starts content block 1 out of order');
    // Both calls are still read whole: the numbering, not the content, is wrong.
    const calls = analyzed.exchanges[0]!.llm.response!.message!.parts.filter((p) => p.kind === 'tool-call');
    expect(calls.map((c) => c.name)).toEqual(['multiply', 'add']);
  });
});

describe('SSE id fields', () => {
  /** The stream with `id: n` on every event, as some servers send for reconnection. */
  const withIds = (ids: number[]) =>
    editStream(OPENAI, 0, (blocks) => blocks.map((b, i) => `id: ${ids[i]!}\n${b}`));

  it('growing ids are fine', () => {
    expect(findingsOf(analyzeText(withIds([0, 1, 2, 3, 4, 5])))).toEqual([]);
  });

  it('a repeated id is found at the repeat, as a warning', () => {
    const found = findingsOf(analyzeText(withIds([0, 1, 2, 3, 3, 5])));
    expect(brief(found)).toEqual([{ kind: 'sequence-order', severity: 'warning', eventIndex: 4 }]);
    expect(found[0]!.message).toBe('event 4 repeats SSE id 3');
  });
});
