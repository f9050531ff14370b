import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../lib/base64';
import { concatBytes } from '../../../lib/bytes';
import type { ContentPart, LlmExchange } from '../../model/conversation';
import type { Header, HttpBody, HttpExchange } from '../../model/http';
import { encodeAwsEventFrame } from '../../streams';
import { bedrockAdapter as adapter, bedrockPathInfo, detectBedrock, invokeKind } from './bedrock-adapter';
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
/** An invoke-with-response-stream frame: `{"bytes": base64(JSON event)}`. */
const chunkFrame = (event: unknown) =>
  encodeAwsEventFrame(
    'chunk',
    JSON.stringify({ bytes: encodeBase64(new TextEncoder().encode(JSON.stringify(event))) }),
  );

describe('Bedrock URLs', () => {
  it('decodes the model id and names the operation', () => {
    expect(
      bedrockPathInfo('/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke-with-response-stream'),
    ).toEqual({
      modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
      operation: 'invoke-with-response-stream',
    });
    expect(
      bedrockPathInfo('/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A1%3Ainference-profile%2Fx/converse')?.modelId,
    ).toBe('arn:aws:bedrock:us-east-1:1:inference-profile/x');
    expect(bedrockPathInfo('/v1/messages')).toBeNull();
    expect(invokeKind('amazon.nova-lite-v1:0', {}, undefined)).toBe('nova');
    expect(invokeKind('meta.llama3-8b', { prompt: 'x' }, { generation: 'y' })).toBe('other');
  });
});

describe('Bedrock InvokeModel', () => {
  const claudeUrl = `${HOST}/model/us.anthropic.claude-haiku-4-5%3A0`;
  const anthropicRequest = {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Hi' }],
  };

  it('reads Claude bodies as the Anthropic Messages API', () => {
    const response = {
      type: 'message',
      model: 'claude-haiku-4-5',
      content: [{ type: 'text', text: 'Olá!' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 16, output_tokens: 4 },
    };
    const llm = adapter.read(
      exchange(`${claudeUrl}/invoke`, anthropicRequest, textBody(JSON.stringify(response))),
    );
    expect(llm.apiFamily).toBe('bedrock');
    expect(llm.api).toBe('bedrock.invoke');
    expect(llm.request!.model).toBe('us.anthropic.claude-haiku-4-5:0');
    expect(llm.request!.messages[0]!.parts).toEqual([{ kind: 'text', text: 'Hi' }]);
    expect(parts(llm)).toEqual([{ kind: 'text', text: 'Olá!' }]);
    expect([
      llm.response!.finishReason,
      llm.response!.usage?.inputTokens,
      llm.response!.usage?.outputTokens,
    ]).toEqual(['end_turn', 16, 4]);
  });

  it('decodes base64 `bytes` chunks of invoke-with-response-stream into Anthropic events', () => {
    const events = [
      {
        type: 'message_start',
        message: { model: 'claude-haiku-4-5', usage: { input_tokens: 16, output_tokens: 1 } },
      },
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 'toolu_b', name: 'weather', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"city":"Rome"}' },
      },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 20 } },
      {
        type: 'message_stop',
        'amazon-bedrock-invocationMetrics': {
          inputTokenCount: 16,
          outputTokenCount: 20,
          invocationLatency: 1967,
          firstByteLatency: 1603,
        },
      },
    ];
    const llm = adapter.read(
      exchange(
        `${claudeUrl}/invoke-with-response-stream`,
        anthropicRequest,
        binaryBody(concatBytes(events.map(chunkFrame))),
      ),
    );
    expect(llm.stream!.events).toHaveLength(6);
    expect(parts(llm)).toEqual([
      {
        kind: 'tool-call',
        id: 'toolu_b',
        name: 'weather',
        argumentsText: '{"city":"Rome"}',
        arguments: { city: 'Rome' },
      },
    ]);
    expect(llm.response!.finishReason).toBe('tool_use');
    expect(llm.response!.usage).toMatchObject({ inputTokens: 16, outputTokens: 20 });
    expect(llm.response!.providerTiming).toEqual({
      source: 'bedrock amazon-bedrock-invocationMetrics',
      totalMs: 1967,
      promptMs: 1603,
      generationMs: 364,
    });
  });

  it('reads Amazon Nova invoke bodies and their wrapped stream chunks', () => {
    const novaUrl = `${HOST}/model/amazon.nova-lite-v1%3A0`;
    const novaRequest = {
      schemaVersion: 'messages-v1',
      messages: [{ role: 'user', content: [{ text: 'Count' }] }],
    };
    const whole = {
      output: { message: { role: 'assistant', content: [{ text: '1 2 3' }] } },
      stopReason: 'end_turn',
      usage: { inputTokens: 3, outputTokens: 5 },
    };
    const plain = adapter.read(exchange(`${novaUrl}/invoke`, novaRequest, textBody(JSON.stringify(whole))));
    expect(plain.apiLabel).toContain('Nova');
    expect(parts(plain)).toEqual([{ kind: 'text', text: '1 2 3' }]);
    const streamed = adapter.read(
      exchange(
        `${novaUrl}/invoke-with-response-stream`,
        novaRequest,
        binaryBody(
          concatBytes([
            chunkFrame({ messageStart: { role: 'assistant' } }),
            chunkFrame({ contentBlockDelta: { delta: { text: '1 2' }, contentBlockIndex: 0 } }),
            chunkFrame({ contentBlockDelta: { delta: { text: ' 3' }, contentBlockIndex: 0 } }),
            chunkFrame({ messageStop: { stopReason: 'end_turn' } }),
            chunkFrame({ metadata: { usage: { inputTokens: 3, outputTokens: 5 } } }),
          ]),
        ),
      ),
    );
    expect(parts(streamed)).toEqual([{ kind: 'text', text: '1 2 3' }]);
    expect([streamed.response!.finishReason, streamed.response!.usage?.outputTokens]).toEqual([
      'end_turn',
      5,
    ]);
  });

  it('reads other models native bodies where it can (Meta Llama)', () => {
    const llm = adapter.read(
      exchange(
        `${HOST}/model/meta.llama3-8b-instruct-v1%3A0/invoke`,
        { prompt: 'Hi', max_gen_len: 10 },
        textBody(
          '{"generation":"Hello!","prompt_token_count":2,"generation_token_count":3,"stop_reason":"stop"}',
        ),
      ),
    );
    expect(llm.request!.messages[0]!.parts).toEqual([{ kind: 'text', text: 'Hi' }]);
    expect(parts(llm)).toEqual([{ kind: 'text', text: 'Hello!' }]);
    expect([
      llm.response!.finishReason,
      llm.response!.usage?.inputTokens,
      llm.response!.usage?.outputTokens,
    ]).toEqual(['stop', 2, 3]);
  });
});

describe('Bedrock detection', () => {
  it('is sure for Bedrock paths and recognises Converse bodies behind a proxy', () => {
    expect(detectBedrock(exchange(`${HOST}/model/x/converse`, {}, textBody('{}')))).toBeGreaterThanOrEqual(
      0.9,
    );
    expect(
      detectBedrock(
        exchange(
          'https://proxy.example/x',
          { messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: {} },
          textBody('{}'),
        ),
      ),
    ).toBeGreaterThanOrEqual(0.5);
    expect(
      detectBedrock(
        exchange(
          'https://api.openai.com/v1/chat/completions',
          { messages: [{ role: 'user', content: 'hi' }] },
          textBody('{}'),
        ),
      ),
    ).toBe(0);
  });
});
