import { describe, expect, it } from 'vitest';
import type { ContentPart, LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { detectGemini, geminiAdapter as adapter, geminiPathInfo } from './gemini-adapter';
import { jsonExchange } from '../../../../tests/support/exchange-builders';

function exchange(
  url: string,
  request: unknown,
  response: string,
  status = 200,
  contentType = 'application/json',
): HttpExchange {
  return jsonExchange(url, request, response, { status, mimeType: contentType });
}

const BASE = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash';
const parts = (llm: LlmExchange): ContentPart[] => llm.response?.message?.parts ?? [];
const chunk = (modelParts: unknown[], extra: Record<string, unknown> = {}) => ({
  candidates: [{ content: { role: 'model', parts: modelParts }, index: 0, ...extra }],
});

describe('Gemini request', () => {
  const request = {
    systemInstruction: { role: 'user', parts: [{ text: 'Be brief.' }] },
    contents: [
      {
        role: 'user',
        parts: [{ text: 'Weather?' }, { inline_data: { mime_type: 'image/jpeg', data: '/9j/' } }],
      },
      {
        role: 'model',
        parts: [{ functionCall: { name: 'weather', args: { city: 'Rome' } }, thoughtSignature: 'c2ln' }],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'weather', response: { output: 'sunny' } } }] },
    ],
    tools: [
      {
        functionDeclarations: [
          { name: 'weather', description: 'Get weather', parameters: { type: 'OBJECT' } },
        ],
      },
      { googleSearch: {} },
    ],
    generationConfig: { temperature: 0 },
  };
  const llm = adapter.read(exchange(`${BASE}:generateContent`, request, '{}'));

  it('reads system instruction, both field spellings, function calls without ids and results by name', () => {
    const messages = llm.request!.messages;
    expect(messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[1]!.parts[1]).toEqual({
      kind: 'image',
      source: { kind: 'inline', mimeType: 'image/jpeg', base64: '/9j/' },
    });
    expect(messages[2]!.parts[0]).toMatchObject({
      kind: 'tool-call',
      id: null,
      name: 'weather',
      arguments: { city: 'Rome' },
    });
    expect(messages[3]!.parts[0]).toEqual({
      kind: 'tool-result',
      callId: null,
      name: 'weather',
      content: [{ kind: 'text', text: 'sunny' }],
    });
  });

  it('takes the model from the URL and lists declarations and built-in tools', () => {
    expect(llm.request!.model).toBe('gemini-2.5-flash');
    expect(llm.request!.stream).toBe(false);
    expect(llm.request!.tools.map((t) => [t.type, t.name])).toEqual([
      ['function', 'weather'],
      ['googleSearch', 'googleSearch'],
    ]);
    expect(llm.request!.params.generationConfig).toEqual({ temperature: 0 });
  });
});

describe('Gemini response', () => {
  it('reads thought parts as reasoning, text, code execution with its result, finishReason and usageMetadata', () => {
    const response = {
      ...chunk(
        [
          { text: 'Thinking…', thought: true },
          { text: 'Here you go.' },
          { executableCode: { language: 'PYTHON', code: 'print(1)' } },
          { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '1\n' } },
          { functionCall: { name: 'done', args: {} } },
        ],
        { finishReason: 'STOP' },
      ),
      usageMetadata: {
        promptTokenCount: 11,
        candidatesTokenCount: 7,
        thoughtsTokenCount: 5,
        cachedContentTokenCount: 2,
        totalTokenCount: 23,
      },
      modelVersion: 'gemini-2.5-flash',
    };
    const llm = adapter.read(exchange(`${BASE}:generateContent`, { contents: [] }, JSON.stringify(response)));
    const [thought, text, code, call] = parts(llm);
    expect(thought).toEqual({ kind: 'reasoning', text: 'Thinking…', summary: true });
    expect(text).toEqual({ kind: 'text', text: 'Here you go.' });
    expect(code).toMatchObject({
      kind: 'tool-call',
      server: true,
      name: 'code_execution',
      serverResult: { outcome: 'OUTCOME_OK', output: '1\n' },
    });
    expect(call).toMatchObject({ kind: 'tool-call', id: null, name: 'done', arguments: {} });
    expect(llm.response!.finishReason).toBe('STOP');
    expect(llm.response!.usage).toMatchObject({
      inputTokens: 11,
      outputTokens: 7,
      reasoningTokens: 5,
      cacheReadTokens: 2,
      totalTokens: 23,
    });
  });

  it('reads an error body and a blocked prompt', () => {
    const error = {
      error: { code: 429, message: 'Resource has been exhausted', status: 'RESOURCE_EXHAUSTED' },
    };
    const failed = adapter.read(
      exchange(`${BASE}:generateContent`, { contents: [] }, JSON.stringify(error), 429),
    );
    expect(failed.response!.error).toMatchObject({
      message: 'Resource has been exhausted',
      type: 'RESOURCE_EXHAUSTED',
      code: 429,
    });
    const blocked = adapter.read(
      exchange(
        `${BASE}:generateContent`,
        { contents: [] },
        JSON.stringify({ promptFeedback: { blockReason: 'SAFETY' } }),
      ),
    );
    expect(blocked.response!.finishReason).toBe('SAFETY');
    expect(parts(blocked)).toEqual([]);
  });
});

describe('Gemini streams', () => {
  const chunks = [
    { ...chunk([{ text: 'Plan', thought: true }]), usageMetadata: { promptTokenCount: 5 } },
    chunk([{ text: 'Hello ' }]),
    {
      ...chunk(
        [
          { text: 'world' },
          { functionCall: { name: 'a', args: { x: 1 } } },
          { functionCall: { name: 'b', args: {} } },
        ],
        { finishReason: 'STOP' },
      ),
      usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 9 },
    },
  ];

  it('reads the SSE form (alt=sse)', () => {
    const text = chunks.map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`).join('');
    const llm = adapter.read(
      exchange(`${BASE}:streamGenerateContent?alt=sse`, { contents: [] }, text, 200, 'text/event-stream'),
    );
    expect(llm.stream!.format).toBe('sse');
    expectAssembled(llm);
  });

  it('reads the streamed JSON array form', () => {
    const llm = adapter.read(
      exchange(
        `${BASE}:streamGenerateContent`,
        { contents: [] },
        `[${chunks.map((c) => JSON.stringify(c)).join(',\r\n')}]`,
      ),
    );
    expect(llm.stream!.format).toBe('json-array');
    expectAssembled(llm);
  });

  function expectAssembled(llm: LlmExchange) {
    expect(llm.request!.stream).toBe(true);
    expect(llm.stream!.events).toHaveLength(3);
    const [reasoning, text, a, b] = parts(llm);
    expect(reasoning).toEqual({ kind: 'reasoning', text: 'Plan' });
    expect(text).toEqual({ kind: 'text', text: 'Hello world' });
    expect([a, b]).toMatchObject([
      { kind: 'tool-call', id: null, name: 'a', arguments: { x: 1 } },
      { kind: 'tool-call', id: null, name: 'b', arguments: {} },
    ]);
    expect(llm.response!.finishReason).toBe('STOP');
    expect(llm.response!.usage).toMatchObject({ inputTokens: 5, outputTokens: 9 });
  }

  it('reports an error item in the middle of a stream', () => {
    const text = `data: ${JSON.stringify(chunks[1])}\n\ndata: ${JSON.stringify({ error: { code: 500, message: 'Internal error', status: 'INTERNAL' } })}\n\n`;
    const llm = adapter.read(
      exchange(`${BASE}:streamGenerateContent?alt=sse`, { contents: [] }, text, 200, 'text/event-stream'),
    );
    expect(llm.response!.error).toMatchObject({ message: 'Internal error', eventIndex: 1 });
    expect(llm.notes).toContain('stream ended without a finishReason');
    expect(parts(llm)).toEqual([{ kind: 'text', text: 'Hello ' }]);
  });
});

describe('Gemini detection', () => {
  it('knows Gemini API and Vertex AI paths, but not Claude on Vertex', () => {
    expect(geminiPathInfo('/v1beta/models/gemini-2.5-pro:streamGenerateContent')).toEqual({
      model: 'gemini-2.5-pro',
      method: 'streamGenerateContent',
      vertex: false,
    });
    expect(
      geminiPathInfo('/v1/projects/p/locations/l/publishers/google/models/gemini-2.5-pro:generateContent')
        ?.vertex,
    ).toBe(true);
    expect(
      geminiPathInfo('/v1/projects/p/locations/l/publishers/anthropic/models/claude:rawPredict'),
    ).toBeNull();
    expect(detectGemini(exchange(`${BASE}:generateContent`, {}, '{}'))).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises a GenerateContentRequest behind a proxy', () => {
    expect(
      detectGemini(
        exchange(
          'https://proxy.example/llm',
          { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] },
          '{}',
        ),
      ),
    ).toBeGreaterThanOrEqual(0.5);
    expect(detectGemini(exchange('https://api.openai.com/v1/chat/completions', { messages: [] }, '{}'))).toBe(
      0,
    );
  });
});
