/**
 * What every embeddings adapter shares: the vectors summed up as one `embeddings` part (count and
 * dimensions, never the numbers), the inputs as one user message, and the exchange scaffolding.
 * The APIs differ only in where the inputs, the vectors and the token count sit.
 */
import type { ApiFamily, ContentPart, EmbeddingsPart, LlmExchange, Usage } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { addNote, emptyExchange, readProviderError } from './exchange';
import { asString, field, isRecord, omitParams, readJson } from './json';

/** Where one API keeps its inputs, vectors and usage. */
export interface EmbeddingsShape {
  id: string;
  family: ApiFamily;
  label: string;
  /** The texts (or other inputs) of the request, as content parts. */
  inputs(body: unknown): ContentPart[];
  /** Request keys shown as inputs or model, not as parameters. */
  structuralKeys: readonly string[];
  /** The vectors of the response (each an array of numbers, or a base64 string). */
  vectors(body: unknown): unknown[];
  usage(body: unknown): Usage | null;
  /** `float`, `base64`, … when the request or the response says. */
  encoding?(request: unknown, response: unknown): string | null;
  /** The model when the URL names it (Gemini, Bedrock). */
  modelFromUrl?(url: string): string | null;
}

/** Length of one vector: array length, or float32 count of a base64 vector. */
function dimensionOf(vector: unknown): number {
  if (Array.isArray(vector)) return vector.length;
  if (typeof vector === 'string') return Math.floor((vector.replace(/[\s=]/g, '').length * 3) / 4 / 4);
  if (isRecord(vector) && Array.isArray(vector.values)) return vector.values.length;
  return 0;
}

/** The vectors as one part, or null when the response has none. */
export function embeddingsPart(vectors: readonly unknown[], encoding: string | null): EmbeddingsPart | null {
  if (vectors.length === 0) return null;
  return { kind: 'embeddings', count: vectors.length, dimensions: vectors.map(dimensionOf), encoding };
}

/** Inputs that are strings, lists of strings, or anything else (token ids, images) kept whole. */
export function inputParts(value: unknown, label = 'input'): ContentPart[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [{ kind: 'text', text: value }];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    return value.map((text) => ({ kind: 'text' as const, text: text as string }));
  return [{ kind: 'unknown', label, raw: value }];
}

/** Read one embeddings exchange with a shape. Never throws on odd bodies. */
export function readEmbeddingsExchange(shape: EmbeddingsShape, exchange: HttpExchange): LlmExchange {
  const llm = emptyExchange(shape);
  llm.output = 'embeddings';
  const request = readJson(exchange.request.body);
  const model = asString(field(request, 'model')) ?? shape.modelFromUrl?.(exchange.request.url) ?? null;
  llm.request = {
    model,
    messages: [{ role: 'user', parts: isRecord(request) ? shape.inputs(request) : [] }],
    tools: [],
    stream: false,
    params: omitParams(request, shape.structuralKeys),
  };
  if (exchange.request.body && request === undefined) addNote(llm.notes, 'the request body is not JSON');
  if (!exchange.response) return llm;
  const body = readJson(exchange.response.body);
  const status = exchange.response.status ?? null;
  const error = readProviderError(body) ?? httpError(exchange, status);
  const part = isRecord(body)
    ? embeddingsPart(shape.vectors(body), shape.encoding?.(request, body) ?? null)
    : null;
  llm.response = {
    model: asString(field(body, 'model')) ?? model,
    message: part ? { role: 'assistant', parts: [part] } : null,
    finishReason: null,
    usage: isRecord(body) ? shape.usage(body) : null,
    error,
    providerTiming: null,
    id: asString(field(body, 'id')) ?? null,
  };
  return llm;
}

function httpError(exchange: HttpExchange, status: number | null) {
  if (status === null || status < 400) return null;
  const text = exchange.response?.body?.text?.trim();
  // With no body there is no provider message; the thread shows the status instead.
  return text ? { message: text.slice(0, 500), type: null, code: status } : null;
}

/** An embeddings adapter: the shape's identity, its own detection, the shared reader. */
export function embeddingsAdapter(shape: EmbeddingsShape, detect: ApiAdapter['detect']): ApiAdapter {
  return {
    id: shape.id,
    family: shape.family,
    label: shape.label,
    detect,
    read: (exchange) => readEmbeddingsExchange(shape, exchange),
  };
}
