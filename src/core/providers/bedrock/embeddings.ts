/**
 * Adapter: embeddings through Bedrock InvokeModel (`/model/{id}/invoke` with an embedding model):
 * - Amazon Titan Text / Multimodal Embeddings: request `{inputText, inputImage?, dimensions,
 *   normalize}`, response `{embedding, inputTextTokenCount, embeddingsByType?}`
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html);
 * - Cohere Embed on Bedrock: request `{texts, input_type, embedding_types?}`, response
 *   `{embeddings: [[…]] | {float: [[…]], …}, id, response_type, texts}`
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-embed.html).
 * Scored above the Bedrock chat adapter, which would read these bodies as an unknown model.
 */
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import {
  asArray,
  asString,
  buildUsage,
  field,
  inputParts,
  isRecord,
  embeddingsAdapter,
  urlParts,
  type EmbeddingsShape,
} from '../shared';
import { bedrockPathInfo } from './bedrock-adapter';
import { cohereVectors } from '../cohere/embed';

const shape: EmbeddingsShape = {
  id: 'bedrock.embeddings',
  family: 'bedrock',
  label: 'AWS Bedrock · Embeddings',
  structuralKeys: ['inputText', 'texts', 'inputImage', 'images'],
  inputs: (body) => {
    const parts = [...inputParts(field(body, 'inputText')), ...inputParts(field(body, 'texts'))];
    const image = asString(field(body, 'inputImage'));
    if (image)
      parts.push({ kind: 'image', source: { kind: 'inline', mimeType: 'image/png', base64: image } });
    return parts;
  },
  vectors: (body) => {
    const titan = field(body, 'embedding');
    if (Array.isArray(titan)) return [titan];
    return cohereVectors(body);
  },
  usage: (body) => {
    const count = field(body, 'inputTextTokenCount');
    return count === undefined ? null : buildUsage({ input: count }, { inputTextTokenCount: count });
  },
  encoding: (request, response) =>
    Array.isArray(field(response, 'embedding'))
      ? 'float'
      : (asString(asArray(field(request, 'embedding_types'))[0]) ??
        (isRecord(field(response, 'embeddings')) ? null : 'float')),
  modelFromUrl: (url) => bedrockPathInfo(urlParts(url).path)?.modelId ?? null,
};

function detect(exchange: HttpExchange): number {
  const info = bedrockPathInfo(urlParts(exchange.request.url).path);
  return info && info.operation === 'invoke' && /embed/i.test(info.modelId) ? 0.97 : 0;
}

export const bedrockEmbeddingsAdapter: ApiAdapter = embeddingsAdapter(shape, detect);
