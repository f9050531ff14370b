/**
 * Adapter: Cohere Embed, `POST /v1/embed` and `/v2/embed`.
 * API reference: https://docs.cohere.com/reference/embed (request `{texts | inputs, model,
 * input_type, embedding_types}`; response `{id, embeddings: [[…]] (v1 float) or {float: [[…]],
 * int8: …} by type, texts, meta: {billed_units: {input_tokens}}}`).
 */
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import {
  asArray,
  asString,
  buildUsage,
  field,
  hostIs,
  inputParts,
  isRecord,
  path,
  embeddingsAdapter,
  urlParts,
  type EmbeddingsShape,
} from '../shared';

/** The vectors of a Cohere embed response: the plain list, else the first type's list. */
export function cohereVectors(body: unknown): unknown[] {
  const embeddings = field(body, 'embeddings');
  if (Array.isArray(embeddings)) return embeddings;
  if (!isRecord(embeddings)) return [];
  const first = Object.keys(embeddings)[0];
  return first === undefined ? [] : asArray(embeddings[first]);
}

const shape: EmbeddingsShape = {
  id: 'cohere.embed',
  family: 'other',
  label: 'Cohere · Embed',
  structuralKeys: ['texts', 'inputs', 'images', 'model'],
  inputs: (body) => [...inputParts(field(body, 'texts')), ...inputParts(field(body, 'inputs'), 'inputs')],
  vectors: cohereVectors,
  usage: (body) => {
    const units = path(body, 'meta', 'billed_units');
    return isRecord(units) ? buildUsage({ input: field(units, 'input_tokens') }, units) : null;
  },
  encoding: (request, response) => {
    const embeddings = field(response, 'embeddings');
    if (Array.isArray(embeddings)) return 'float';
    const first = isRecord(embeddings) ? Object.keys(embeddings)[0] : undefined;
    return first ?? asString(asArray(field(request, 'embedding_types'))[0]) ?? null;
  },
};

function detect(exchange: HttpExchange): number {
  const { host, path: urlPath } = urlParts(exchange.request.url);
  if (!/\/v[12]\/embed\/?$/.test(urlPath)) return 0;
  return hostIs(host, 'cohere.com') || hostIs(host, 'cohere.ai') ? 0.95 : 0.8;
}

export const cohereEmbedAdapter: ApiAdapter = embeddingsAdapter(shape, detect);
