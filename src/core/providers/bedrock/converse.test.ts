import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../lib/bytes';
import type { ContentPart, LlmExchange } from '../../model/conversation';
import type { Header, HttpBody, HttpExchange } from '../../model/http';
import { encodeAwsEventFrame } from '../../streams';
import { bedrockAdapter as adapter } from './bedrock-adapter';
import {
  binaryBody as eventStreamBody,
  jsonExchange,
  textBody,
} from '../../../../tests/support/exchange-builders';

const binaryBody = (bytes: Uint8Array): HttpBody =>
  eventStreamBody(bytes, 'application/vnd.amazon.eventstream');

function exchange(
  url: string,
  request: unknown,
  response: HttpBody,
  status = 200,
  headers: Header[] = [],
): HttpExchange {
  return jsonExchange(url, request, response, { status, headers });
}

const HOST = 'https://bedrock-runtime.us-east-1.amazonaws.com';
const parts = (llm: LlmExchange): ContentPart[] => llm.response?.message?.parts ?? [];

describe('Bedrock Converse', () => {
  const request = {
    system: [{ text: 'Be brief.' }, { cachePoint: { type: 'default' } }],
    messages: [
      {
        role: 'user',
        content: [
          { text: 'Weather in Rome?' },
          { image: { format: 'png', source: { bytes: 'iVBORw0KGgo=' } } },
        ],
      },
      {
        role: 'assistant',
        content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'weather', input: { city: 'Rome' } } }],
      },
      {
        role: 'user',
        content: [
          { toolResult: { toolUseId: 'tooluse_1', content: [{ json: { temp: 30 } }], status: 'error' } },
        ],
      },
    ],
    toolConfig: {
      tools: [
        {
          toolSpec: {
            name: 'weather',
            description: 'Get weather',
            inputSchema: { json: { type: 'object' } },
          },
        },
      ],
    },
    inferenceConfig: { maxTokens: 100 },
  };
  const response = {
    output: {
      message: {
        role: 'assistant',
        content: [
          { reasoningContent: { reasoningText: { text: 'Hot.', signature: 'sig' } } },
          { text: 'It is 30°C.' },
        ],
      },
    },
    stopReason: 'end_turn',
    usage: { inputTokens: 40, outputTokens: 9, totalTokens: 49, cacheReadInputTokens: 3 },
    metrics: { latencyMs: 812 },
  };
  const llm = adapter.read(
    exchange(
      `${HOST}/model/us.anthropic.claude-sonnet-4-5%3A0/converse`,
      request,
      textBody(JSON.stringify(response)),
    ),
  );

  it('reads system with its cache point, images, tool use and tool results, and tool specs', () => {
    expect(llm.api).toBe('bedrock.converse');
    const messages = llm.request!.messages;
    expect(messages[0]!.parts).toEqual([{ kind: 'text', text: 'Be brief.', cacheControl: true }]);
    expect(messages[1]!.parts[1]).toEqual({
      kind: 'image',
      source: { kind: 'inline', mimeType: 'image/png', base64: 'iVBORw0KGgo=' },
    });
    expect(messages[2]!.parts[0]).toMatchObject({
      kind: 'tool-call',
      id: 'tooluse_1',
      name: 'weather',
      arguments: { city: 'Rome' },
    });
    expect(messages[3]!.parts[0]).toEqual({
      kind: 'tool-result',
      callId: 'tooluse_1',
      content: [{ kind: 'text', text: '{"temp":30}' }],
      isError: true,
    });
    expect(llm.request!.tools).toEqual([
      { name: 'weather', description: 'Get weather', type: 'function', parameters: { type: 'object' } },
    ]);
    expect(llm.request!.model).toBe('us.anthropic.claude-sonnet-4-5:0');
  });

  it('reads reasoning, text, stopReason, usage and the reported latency', () => {
    expect(parts(llm)).toEqual([
      { kind: 'reasoning', text: 'Hot.', signature: 'sig' },
      { kind: 'text', text: 'It is 30°C.' },
    ]);
    expect(llm.response!.finishReason).toBe('end_turn');
    expect(llm.response!.usage).toMatchObject({ inputTokens: 40, outputTokens: 9, cacheReadTokens: 3 });
    expect(llm.response!.providerTiming).toEqual({ source: 'bedrock metrics.latencyMs', totalMs: 812 });
  });

  it('reads a citationsContent block as text carrying its citations (langchain-aws test_pdf_citations)', () => {
    const citation = { location: { documentPage: { documentIndex: 0, start: 1, end: 2 } }, title: 'my-pdf' };
    const cited = adapter.read(
      exchange(
        `${HOST}/model/m/converse`,
        { messages: [] },
        textBody(
          JSON.stringify({
            output: {
              message: {
                role: 'assistant',
                content: [
                  { text: 'The title is ' },
                  { citationsContent: { content: [{ text: '"Dummy PDF file"' }], citations: [citation] } },
                  { text: '.' },
                ],
              },
            },
            stopReason: 'end_turn',
          }),
        ),
      ),
    );
    expect(parts(cited)).toEqual([
      { kind: 'text', text: 'The title is ' },
      { kind: 'text', text: '"Dummy PDF file"', citations: [citation] },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reads an error body with the x-amzn-ErrorType header', () => {
    const failed = adapter.read(
      exchange(
        `${HOST}/model/bad%3A0/converse`,
        request,
        textBody('{"message":"The provided model identifier is invalid."}'),
        400,
        [
          {
            name: 'x-amzn-ErrorType',
            value: 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/',
          },
        ],
      ),
    );
    expect(failed.response!.error).toMatchObject({
      message: 'The provided model identifier is invalid.',
      type: 'ValidationException',
    });
  });
});

describe('Bedrock ConverseStream', () => {
  const frames = [
    encodeAwsEventFrame('messageStart', '{"role":"assistant"}'),
    encodeAwsEventFrame(
      'contentBlockDelta',
      '{"contentBlockIndex":0,"delta":{"reasoningContent":{"text":"Think"}}}',
    ),
    encodeAwsEventFrame(
      'contentBlockDelta',
      '{"contentBlockIndex":0,"delta":{"reasoningContent":{"signature":"s"}}}',
    ),
    encodeAwsEventFrame('contentBlockDelta', '{"contentBlockIndex":1,"delta":{"text":"Hi "}}'),
    encodeAwsEventFrame(
      'contentBlockStart',
      '{"contentBlockIndex":2,"start":{"toolUse":{"toolUseId":"t1","name":"add"}}}',
    ),
    encodeAwsEventFrame(
      'contentBlockDelta',
      '{"contentBlockIndex":2,"delta":{"toolUse":{"input":"{\\"a\\":"}}}',
    ),
    encodeAwsEventFrame('contentBlockDelta', '{"contentBlockIndex":2,"delta":{"toolUse":{"input":"1}"}}}'),
    encodeAwsEventFrame('contentBlockStop', '{"contentBlockIndex":2}'),
    encodeAwsEventFrame('messageStop', '{"stopReason":"tool_use"}'),
    encodeAwsEventFrame(
      'metadata',
      '{"usage":{"inputTokens":13,"outputTokens":8,"totalTokens":21},"metrics":{"latencyMs":500}}',
    ),
  ];
  const url = `${HOST}/model/us.amazon.nova-micro-v1%3A0/converse-stream`;

  it('assembles reasoning, text and tool calls, with stopReason, usage and metrics', () => {
    const llm = adapter.read(exchange(url, { messages: [] }, binaryBody(concatBytes(frames))));
    expect(llm.stream!.format).toBe('aws-eventstream');
    expect(llm.stream!.events).toHaveLength(10);
    expect(parts(llm)).toEqual([
      { kind: 'reasoning', text: 'Think', signature: 's' },
      { kind: 'text', text: 'Hi ' },
      { kind: 'tool-call', id: 't1', name: 'add', argumentsText: '{"a":1}', arguments: { a: 1 } },
    ]);
    expect(llm.response!.finishReason).toBe('tool_use');
    expect(llm.response!.usage).toMatchObject({ inputTokens: 13, outputTokens: 8 });
    expect(llm.response!.providerTiming?.totalMs).toBe(500);
    expect(llm.request!.stream).toBe(true);
  });

  it('reports an exception frame as an in-stream error at its event', () => {
    const broken = concatBytes([
      frames[0]!,
      frames[3]!,
      encodeAwsEventFrame('throttlingException', '{"message":"Too many requests"}', 'exception'),
    ]);
    const llm = adapter.read(exchange(url, { messages: [] }, binaryBody(broken)));
    expect(llm.response!.error).toMatchObject({
      message: 'Too many requests',
      type: 'throttlingException',
      eventIndex: 2,
    });
    expect(llm.notes).toContain('stream ended without a stop reason');
    expect(parts(llm)).toEqual([{ kind: 'text', text: 'Hi ' }]);
  });
});
