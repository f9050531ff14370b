/**
 * Adapter: OpenAI Embeddings (`POST /v1/embeddings`), also served by Azure OpenAI, Mistral
 * (`/v1/embeddings`), Together, vLLM and gateways with the same shape.
 * API reference: https://platform.openai.com/docs/api-reference/embeddings/create
 * Request `{input: string | string[] | token ids, model, encoding_format: float|base64,
 * dimensions}`; response `{object: "list", data: [{object: "embedding", embedding, index}], model,
 * usage: {prompt_tokens, total_tokens}}`. The family is `other`: it is not a chat API.
 */
import type { ApiAdapter } from '../adapter';
import {
  asArray,
  asString,
  buildUsage,
  field,
  isRecord,
  embeddingsAdapter,
  readJson,
  urlPath,
  type EmbeddingsShape,
} from '../shared';
import type { HttpExchange } from '../../model/http';

const shape: EmbeddingsShape = {
  id: 'openai.embeddings',
  family: 'other',
  label: 'OpenAI · Embeddings',
  structuralKeys: ['input', 'model'],
  inputs: (body) => {
    const input = field(body, 'input');
    if (typeof input === 'string') return [{ kind: 'text', text: input }];
    const list = asArray(input);
    if (list.length > 0 && list.every((v) => typeof v === 'string'))
      return list.map((text) => ({ kind: 'text' as const, text: text as string }));
    return input === undefined ? [] : [{ kind: 'unknown', label: 'input (token ids)', raw: input }];
  },
  vectors: (body) => asArray(field(body, 'data')).map((item) => field(item, 'embedding')),
  usage: (body) => {
    const usage = field(body, 'usage');
    return isRecord(usage)
      ? buildUsage({ input: field(usage, 'prompt_tokens'), total: field(usage, 'total_tokens') }, usage)
      : null;
  },
  encoding: (request, response) => {
    const asked = asString(field(request, 'encoding_format'));
    if (asked) return asked;
    const first = field(asArray(field(response, 'data'))[0], 'embedding');
    return typeof first === 'string' ? 'base64' : Array.isArray(first) ? 'float' : null;
  },
};

function detect(exchange: HttpExchange, floor = 0): number {
  if (/\/embeddings\/?$/.test(urlPath(exchange.request.url))) return 0.9;
  if (floor > 0.8) return 0; // ApiAdapter.detect's `floor`: the body checks score 0.8 at most
  const head = exchange.response?.body?.text?.slice(0, 512) ?? '';
  if (/"object"\s*:\s*"embedding"/.test(head)) return 0.8;
  const body = readJson(exchange.request.body);
  return isRecord(body) &&
    field(body, 'input') !== undefined &&
    /embed/i.test(asString(field(body, 'model')) ?? '')
    ? 0.5
    : 0;
}

export const openaiEmbeddingsAdapter: ApiAdapter = embeddingsAdapter(shape, detect);
