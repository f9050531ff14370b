/**
 * Adapter: Gemini embeddings, `models/{model}:embedContent` and `:batchEmbedContents`.
 * API reference: https://ai.google.dev/api/embeddings (request `{content: {parts: [{text}]},
 * taskType, outputDimensionality}` or `{requests: [{model, content}]}`; response
 * `{embedding: {values}}` or `{embeddings: [{values}]}`; `usageMetadata.promptTokenCount` when
 * reported).
 */
import type { ContentPart } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import {
  asArray,
  buildUsage,
  field,
  hostIs,
  isRecord,
  embeddingsAdapter,
  urlParts,
  type EmbeddingsShape,
} from '../shared';
import { geminiPartsToContent } from './gemini-parts';

const PATH = /\/models\/([^/:]+):(embedContent|batchEmbedContents)$/i;

function contentParts(content: unknown): ContentPart[] {
  return geminiPartsToContent(field(content, 'parts') ?? []);
}

const shape: EmbeddingsShape = {
  id: 'gemini.embed-content',
  family: 'gemini',
  label: 'Google Gemini · Embeddings',
  structuralKeys: ['content', 'requests', 'model'],
  inputs: (body) => {
    const requests = asArray(field(body, 'requests'));
    if (requests.length > 0) return requests.flatMap((r) => contentParts(field(r, 'content')));
    return contentParts(field(body, 'content'));
  },
  vectors: (body) => {
    const single = field(body, 'embedding');
    if (isRecord(single)) return [field(single, 'values')];
    return asArray(field(body, 'embeddings')).map((e) => field(e, 'values'));
  },
  usage: (body) => {
    const meta = field(body, 'usageMetadata');
    return isRecord(meta)
      ? buildUsage({ input: field(meta, 'promptTokenCount'), total: field(meta, 'totalTokenCount') }, meta)
      : null;
  },
  encoding: () => 'float',
  modelFromUrl: (url) => {
    const match = PATH.exec(urlParts(url).path);
    if (!match?.[1]) return null;
    try {
      return decodeURIComponent(match[1]);
    } catch {
      return match[1];
    }
  },
};

function detect(exchange: HttpExchange): number {
  const { host, path } = urlParts(exchange.request.url);
  if (PATH.test(path)) return hostIs(host, 'googleapis.com') ? 0.96 : 0.9;
  return 0;
}

export const geminiEmbedContentAdapter: ApiAdapter = embeddingsAdapter(shape, detect);
