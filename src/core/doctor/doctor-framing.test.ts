/**
 * Stream doctor, framing: lines that break the SSE grammar, and keep-alive comments, on broken
 * variants of real cassettes (tests/support/broken-fixtures.ts). SSE grammar per WHATWG
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * a line is a comment (`:`), a known field (`data`, `event`, `id`, `retry`), or blank.
 */
import { describe, expect, it } from 'vitest';
import {
  analyzeText,
  blockWhere,
  editStream,
  eventIndexOf,
  findingsOf,
  fixtureText,
  streamBlocks,
} from '../../../tests/support/broken-fixtures';

/** OpenAI Chat, gpt-4o, asks for usage: 6 events, the 5th a usage-only chunk, then [DONE]. */
const OPENAI = fixtureText('go-vcr-v2/fantasy/TestOpenAICommon__openai-gpt-4o__simple_streaming.yaml');
/** AWS Bedrock InvokeModel stream (Claude inside), stored by go-vcr as `!!binary` base64. */
const BEDROCK = fixtureText(
  'go-vcr-v2/fantasy/TestBedrockCommon__bedrock-anthropic-claude-haiku-4-5__simple_streaming.yaml',
);
/** OpenRouter (GLM): 179 events with `: OPENROUTER PROCESSING` comments before and inside the stream. */
const OPENROUTER = fixtureText('go-vcr-v2/fantasy/TestOpenRouterCommon__glm__simple_streaming.yaml');

const brief = (list: { kind: string; severity: string; eventIndex?: number }[]) =>
  list.map(({ kind, severity, eventIndex }) => ({ kind, severity, eventIndex }));

describe('broken-fixture editor', () => {
  it('gives back the fixture byte for byte when nothing is edited', () => {
    expect(editStream(OPENAI, 0, (blocks) => blocks)).toBe(OPENAI);
    expect(editStream(OPENROUTER, 0, (blocks) => blocks)).toBe(OPENROUTER);
    // Gemini through go-vcr: a double-quoted body with CRLF line ends.
    const gemini = fixtureText('go-vcr-v2/fantasy/TestImageUploadAgentStreaming__gemini-2.5-pro-stream.yaml');
    expect(editStream(gemini, 0, (blocks) => blocks)).toBe(gemini);
    expect(streamBlocks(OPENAI, 0)).toHaveLength(6);
  });

  it('starts from healthy recordings', () => {
    expect(findingsOf(analyzeText(OPENAI))).toEqual([]);
    expect(findingsOf(analyzeText(OPENROUTER))).toEqual([]);
  });
});

describe('a line that is not valid SSE', () => {
  it('inside an event (a payload wrapped onto two lines) is named with that event', () => {
    let at = -1;
    const text = editStream(OPENAI, 0, (blocks) => {
      at = blockWhere(blocks, (b) => b.includes('"content":"!"'), 'the "!" delta');
      // A proxy that re-wraps long lines breaks the JSON before `[`: the second half is no field.
      blocks[at] = blocks[at]!.replace('"choices":[', '"choices":\n[');
      return blocks;
    });
    const analyzed = analyzeText(text);
    const event = eventIndexOf(streamBlocks(text, 0), at);
    expect(event).toBe(2);
    expect(brief(findingsOf(analyzed))).toEqual([
      { kind: 'invalid-json', severity: 'error', eventIndex: 2 },
      { kind: 'invalid-sse-line', severity: 'warning', eventIndex: 2 },
    ]);
    const [line] = findingsOf(analyzed, 'invalid-sse-line');
    // Blocks 0 and 1 take lines 1–4, event 2 starts on line 5, its broken half is line 6.
    expect(line!.message).toMatch(/^line 6 \(event 2\) is not valid SSE: Unknown field "\[\{"index""/);
    expect(analyzed.exchanges[0]!.llm.stream!.events).toHaveLength(6);
  });

  it('in a block of its own (the data: prefix lost) has no event, and the event it held is gone', () => {
    const text = editStream(OPENAI, 0, (blocks) => {
      const at = blockWhere(blocks, (b) => b.includes('"usage":{'), 'the usage chunk');
      blocks[at] = blocks[at]!.replace(/^data: /, '');
      return blocks;
    });
    const analyzed = analyzeText(text);
    expect(analyzed.exchanges[0]!.llm.stream!.events).toHaveLength(5);
    // The lost chunk was the usage the request asked for (stream_options.include_usage).
    expect(brief(findingsOf(analyzed))).toEqual([
      { kind: 'invalid-sse-line', severity: 'warning', eventIndex: undefined },
      { kind: 'missing-usage', severity: 'warning', eventIndex: undefined },
    ]);
    expect(findingsOf(analyzed, 'invalid-sse-line')[0]!.message).toMatch(
      /^line 9 is not valid SSE: Unknown field/,
    );
  });
});

describe('keep-alive comments', () => {
  it('are counted, not flagged, in a real OpenRouter stream', () => {
    const analyzed = analyzeText(OPENROUTER);
    const stream = analyzed.exchanges[0]!.llm.stream!;
    expect(stream.commentCount).toBe(3);
    expect(stream.events).toHaveLength(179);
    expect(stream.issues).toEqual([]);
    expect(findingsOf(analyzed)).toEqual([]);
  });

  it('between every event and inside a block neither add findings nor shift event indexes', () => {
    const text = editStream(OPENAI, 0, (blocks) => {
      const out = blocks.flatMap((block) => [': keep-alive', block]);
      // A comment line inside an event's block is ignored too (WHATWG: lines starting with ':').
      out[1] = `: OPENROUTER PROCESSING\n${out[1]!}`;
      return out;
    });
    const analyzed = analyzeText(text);
    const stream = analyzed.exchanges[0]!.llm.stream!;
    expect(stream.commentCount).toBe(7);
    expect(stream.events).toHaveLength(6);
    expect(findingsOf(analyzed)).toEqual([]);

    // With the comments in place, a finding still names the event as counted without them.
    const cut = editStream(text, 0, (blocks) =>
      blocks.map((b) => b.replace('"finish_reason":"stop"', '"finish_reason":"length"')),
    );
    expect(brief(findingsOf(analyzeText(cut)))).toEqual([
      { kind: 'stopped-at-cap', severity: 'info', eventIndex: 3 },
    ]);
  });
});

describe('framing issues of other stream formats are worded in their own terms', () => {
  it('AWS event-stream: a body cut inside a frame names the byte, not an SSE line', () => {
    const text = BEDROCK.replace(
      /(body: !!binary \|\n)((?:[ ]{6}\S+\n)+)/,
      (_all, head: string, lines: string) => {
        const bytes = Buffer.from(lines.replace(/\s+/g, ''), 'base64');
        return `${head}      ${bytes.subarray(0, bytes.length - 40).toString('base64')}\n`;
      },
    );
    expect(text).not.toBe(BEDROCK);
    const analyzed = analyzeText(text);
    // The last frame (message_stop inside) is lost, so the stream has no terminal event either.
    expect(brief(findingsOf(analyzed))).toEqual([
      { kind: 'invalid-framing', severity: 'warning', eventIndex: undefined },
      { kind: 'no-terminal-event', severity: 'error', eventIndex: 7 },
    ]);
    const found = findingsOf(analyzed, 'invalid-framing');
    expect(found[0]!.message).toMatch(/^AWS event-stream frame broken at byte \d+: body ends inside a frame/);
  });

  it('NDJSON (Ollama /api/chat): a line that is not JSON names its line and event', () => {
    // The corpus holds no native Ollama recording, so this cassette is written here; the chunk
    // shape is Ollama's (https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion).
    const chunks = [
      '{"model":"qwen3","message":{"role":"assistant","content":"Ol"},"done":false}',
      '{"model":"qwen3","message":{"role":"assistant","content":"á"},"done":fal',
      '{"model":"qwen3","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop"}',
    ];
    const cassette = [
      'version: 2',
      'interactions:',
      '  - id: 0',
      '    request:',
      `      body: '{"model":"qwen3","messages":[{"role":"user","content":"Oi"}],"stream":true}'`,
      '      url: http://localhost:11434/api/chat',
      '      method: POST',
      '    response:',
      `      body: ${JSON.stringify(chunks.join('\n') + '\n')}`,
      '      headers:',
      '        Content-Type: [application/x-ndjson]',
      '      status: 200 OK',
      '      code: 200',
      '',
    ].join('\n');
    const analyzed = analyzeText(cassette);
    expect(analyzed.exchanges[0]!.llm.stream!.format).toBe('ndjson');
    const found = findingsOf(analyzed);
    expect(found).toEqual([
      expect.objectContaining({ kind: 'invalid-framing', severity: 'warning', eventIndex: 1 }),
    ]);
    expect(found[0]!.message).toMatch(/^line 2 \(event 1\) breaks the NDJSON stream: not JSON: /);
  });
});
