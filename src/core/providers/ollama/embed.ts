/**
 * Adapter: Ollama's native embeddings, `POST /api/embed` (`{model, input}` → `{model, embeddings:
 * [[…]], prompt_eval_count}`) and the older `/api/embeddings` (`{model, prompt}` → `{embedding}`).
 * API reference: https://github.com/ollama/ollama/blob/main/docs/api.md#generate-embeddings
 */
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import {
  asArray,
  buildUsage,
  field,
  inputParts,
  embeddingsAdapter,
  urlPath,
  type EmbeddingsShape,
} from '../shared';

const shape: EmbeddingsShape = {
  id: 'ollama.embed',
  family: 'other',
  label: 'Ollama · Embeddings',
  structuralKeys: ['input', 'prompt', 'model'],
  inputs: (body) => [...inputParts(field(body, 'input')), ...inputParts(field(body, 'prompt'))],
  vectors: (body) => {
    const single = field(body, 'embedding');
    return Array.isArray(single) ? [single] : asArray(field(body, 'embeddings'));
  },
  usage: (body) => {
    const count = field(body, 'prompt_eval_count');
    return count === undefined ? null : buildUsage({ input: count }, { prompt_eval_count: count });
  },
  encoding: () => 'float',
};

function detect(exchange: HttpExchange): number {
  return /\/api\/embed(dings)?\/?$/.test(urlPath(exchange.request.url)) ? 0.9 : 0;
}

export const ollamaEmbedAdapter: ApiAdapter = embeddingsAdapter(shape, detect);
