import { describe, expect, it } from 'vitest';
import { toInspectInteraction } from '../../inspect/inspect-report';
import { readExchange } from '../index';
import { jsonExchange, sse } from '../shared/json-exchange.test-support';

describe('generated images', () => {
  it('OpenAI Images: data[].b64_json and url items become image parts; text is null', () => {
    const http = jsonExchange(
      'https://api.openai.com/v1/images/generations',
      { prompt: 'a capybara', n: 2, size: '256x256', model: 'dall-e-3' },
      {
        created: 1,
        data: [
          { b64_json: 'iVBORw0KGgo=', revised_prompt: 'A calm capybara' },
          { url: 'https://oaidalleapiprodscus.blob.core.windows.net/x.png' },
        ],
      },
    );
    const llm = readExchange(http);
    expect(llm.api).toBe('openai.images');
    expect(llm.request?.messages).toEqual([{ role: 'user', parts: [{ kind: 'text', text: 'a capybara' }] }]);
    expect(llm.response?.message?.parts).toEqual([
      {
        kind: 'image',
        source: { kind: 'inline', mimeType: 'image/png', base64: 'iVBORw0KGgo=' },
        revisedPrompt: 'A calm capybara',
      },
      {
        kind: 'image',
        source: { kind: 'url', url: 'https://oaidalleapiprodscus.blob.core.windows.net/x.png' },
      },
    ]);
    const row = toInspectInteraction({ http, llm });
    expect(row).toMatchObject({ api_family: 'other', images: 2, text: null, text_length: 0 });
  });

  it('OpenAI Images: output_format and usage of gpt-image-1', () => {
    const http = jsonExchange(
      'https://api.openai.com/v1/images/generations',
      { prompt: 'x', model: 'gpt-image-1', output_format: 'webp' },
      {
        data: [{ b64_json: 'UklGRg==' }],
        usage: { input_tokens: 10, output_tokens: 272, total_tokens: 282 },
      },
    );
    const llm = readExchange(http);
    expect(llm.response?.message?.parts[0]).toMatchObject({ source: { mimeType: 'image/webp' } });
    expect(llm.response?.usage).toMatchObject({ inputTokens: 10, outputTokens: 272 });
  });

  it('OpenAI Images streamed: each completed event carries one image', () => {
    const http = jsonExchange(
      'https://api.openai.com/v1/images/generations',
      { prompt: 'x', model: 'gpt-image-1', stream: true, partial_images: 1 },
      sse(
        [
          { type: 'image_generation.partial_image', b64_json: 'AAAA', partial_image_index: 0 },
          {
            type: 'image_generation.completed',
            b64_json: 'iVBORw0KGgo=',
            output_format: 'png',
            usage: { input_tokens: 1, output_tokens: 2 },
          },
        ],
        false,
      ),
      { mimeType: 'text/event-stream' },
    );
    const llm = readExchange(http);
    expect(llm.response?.message?.parts).toEqual([
      { kind: 'image', source: { kind: 'inline', mimeType: 'image/png', base64: 'iVBORw0KGgo=' } },
    ]);
    expect(toInspectInteraction({ http, llm }).images).toBe(1);
  });

  it('Responses image_generation_call: the image in its output_format, the call without the base64', () => {
    const result = '/9j/4AAQSkZJRg==';
    const http = jsonExchange(
      'https://api.openai.com/v1/responses',
      {
        model: 'gpt-5',
        input: 'Draw an axolotl',
        tools: [{ type: 'image_generation', output_format: 'jpeg' }],
      },
      {
        object: 'response',
        status: 'completed',
        output: [
          {
            type: 'image_generation_call',
            id: 'ig_1',
            status: 'completed',
            output_format: 'jpeg',
            result,
            revised_prompt: 'A pink axolotl',
          },
          { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: '' }] },
        ],
      },
    );
    const llm = readExchange(http);
    const parts = llm.response?.message?.parts ?? [];
    const image = parts.find((p) => p.kind === 'image');
    expect(image).toEqual({
      kind: 'image',
      source: { kind: 'inline', mimeType: 'image/jpeg', base64: result },
      revisedPrompt: 'A pink axolotl',
    });
    const call = parts.find((p) => p.kind === 'tool-call');
    expect(JSON.stringify(call)).not.toContain(result);
    expect(toInspectInteraction({ http, llm })).toMatchObject({
      images: 1,
      server_tool_calls: ['image_generation_call'],
    });
  });

  it('Gemini: inlineData image parts of the answer count, thought images do not', () => {
    const http = jsonExchange(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash-image:generateContent',
      {
        contents: [
          {
            role: 'user',
            parts: [{ inlineData: { mimeType: 'image/png', data: 'AAAA' } }, { text: 'Edit it' }],
          },
        ],
      },
      {
        candidates: [
          {
            content: {
              role: 'model',
              parts: [
                { inlineData: { mimeType: 'image/png', data: 'BBBB' }, thought: true },
                { text: 'Here it is' },
                { inlineData: { mimeType: 'image/png', data: 'CCCC' } },
              ],
            },
            finishReason: 'STOP',
          },
        ],
      },
    );
    const row = toInspectInteraction({ http, llm: readExchange(http) });
    expect(row).toMatchObject({ api_family: 'gemini', images: 1, text: 'Here it is' });
  });
});
