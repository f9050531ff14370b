import { describe, expect, it } from 'vitest';
import { toInspectInteraction } from '../../inspect/inspect-report';
import { findExchangeAnomalies } from '../../doctor/find-anomalies';
import { readExchange } from '../index';
import { jsonExchange } from './json-exchange.test-support';

const vector = (n: number) => Array.from({ length: n }, (_, i) => i / n);

describe('embeddings: count and dimensions, never the vectors', () => {
  it.each([
    [
      'OpenAI',
      'https://api.openai.com/v1/embeddings',
      { model: 'text-embedding-3-small', input: ['a', 'b'] },
      {
        object: 'list',
        data: [
          { object: 'embedding', index: 0, embedding: vector(8) },
          { object: 'embedding', index: 1, embedding: vector(8) },
        ],
        usage: { prompt_tokens: 2, total_tokens: 2 },
      },
      { api: 'openai.embeddings', count: 2, dimensions: [8, 8], encoding: 'float', input: 2 },
    ],
    [
      'Gemini batch',
      'https://generativelanguage.googleapis.com/v1beta/models/text-embedding-004:batchEmbedContents',
      { requests: [{ model: 'models/text-embedding-004', content: { parts: [{ text: 'a' }] } }] },
      { embeddings: [{ values: vector(4) }] },
      { api: 'gemini.embed-content', count: 1, dimensions: [4], encoding: 'float', input: null },
    ],
    [
      'Bedrock Titan',
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2%3A0/invoke',
      { inputText: 'a', dimensions: 6 },
      { embedding: vector(6), inputTextTokenCount: 3 },
      { api: 'bedrock.embeddings', count: 1, dimensions: [6], encoding: 'float', input: 3 },
    ],
    [
      'Cohere v2',
      'https://api.cohere.com/v2/embed',
      { model: 'embed-v4.0', texts: ['a', 'b', 'c'], embedding_types: ['float'] },
      {
        id: 'e1',
        embeddings: { float: [vector(5), vector(5), vector(5)] },
        meta: { billed_units: { input_tokens: 3 } },
      },
      { api: 'cohere.embed', count: 3, dimensions: [5, 5, 5], encoding: 'float', input: 3 },
    ],
    [
      'Ollama',
      'http://localhost:11434/api/embed',
      { model: 'all-minilm', input: 'a' },
      { model: 'all-minilm', embeddings: [vector(3)], prompt_eval_count: 1 },
      { api: 'ollama.embed', count: 1, dimensions: [3], encoding: 'float', input: 1 },
    ],
  ])('%s', (_name, url, request, response, want) => {
    const http = jsonExchange(url, request, response);
    const llm = readExchange(http);
    expect(llm.api).toBe(want.api);
    expect(llm.output).toBe('embeddings');
    expect(llm.response?.message?.parts).toEqual([
      { kind: 'embeddings', count: want.count, dimensions: want.dimensions, encoding: want.encoding },
    ]);
    expect(llm.response?.usage?.inputTokens ?? null).toBe(want.input);
    // The vectors themselves are nowhere in what the page receives.
    expect(JSON.stringify(llm.response?.message)).not.toContain('0.5');
    expect(toInspectInteraction({ http, llm })).toMatchObject({ text: null, images: 0 });
    expect(findExchangeAnomalies({ http, llm })).toEqual([]);
  });

  it('counts base64 vectors as float32 values', () => {
    const http = jsonExchange(
      'https://api.openai.com/v1/embeddings',
      { model: 'text-embedding-3-small', input: 'a', encoding_format: 'base64' },
      { object: 'list', data: [{ object: 'embedding', index: 0, embedding: 'AAAAAAAAAAAAAAAA' }] },
    );
    expect(readExchange(http).response?.message?.parts).toEqual([
      { kind: 'embeddings', count: 1, dimensions: [3], encoding: 'base64' },
    ]);
  });
});
