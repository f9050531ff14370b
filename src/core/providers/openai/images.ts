/**
 * Adapter: OpenAI Images, `POST /v1/images/generations`, `/v1/images/edits`, `/v1/images/variations`.
 * API reference: https://platform.openai.com/docs/api-reference/images (request `{prompt, model,
 * n, size, quality, response_format: url|b64_json, output_format: png|jpeg|webp}`; response
 * `{created, data: [{b64_json | url, revised_prompt}], output_format?, usage?}`; gpt-image-1
 * streams `image_generation.partial_image` / `image_generation.completed` events with `b64_json`,
 * https://platform.openai.com/docs/api-reference/images-streaming).
 * Edits and variations send multipart forms, so their request is shown raw. The family is
 * `other` (facts.json): it is not a chat API; `inspect --json` gives it `text: null`.
 */
import type { ContentPart, LlmExchange, StreamDelta } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import { frameStream } from '../../streams';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import {
  addNote,
  asArray,
  asString,
  buildUsage,
  emptyExchange,
  field,
  isRecord,
  omitParams,
  readJson,
  readProviderError,
  urlPath,
} from '../shared';

const ID = 'openai.images';
const LABEL = 'OpenAI · Images';
const PATH = /\/images\/(generations|edits|variations)\/?$/;

function imageMime(format: string | undefined): string {
  const lower = (format ?? 'png').toLowerCase();
  return lower === 'jpg' || lower === 'jpeg'
    ? 'image/jpeg'
    : `image/${lower.replace(/[^a-z0-9.+-]/g, '') || 'png'}`;
}

/** One `data[]` item (or a streamed completed event) as an image part; null when it has no image. */
function imagePart(item: unknown, mimeType: string): Extract<ContentPart, { kind: 'image' }> | null {
  const b64 = asString(field(item, 'b64_json'));
  const url = asString(field(item, 'url'));
  if (!b64 && !url) return null;
  const part: Extract<ContentPart, { kind: 'image' }> = {
    kind: 'image',
    source: b64 ? { kind: 'inline', mimeType, base64: b64 } : { kind: 'url', url: url! },
  };
  const revised = asString(field(item, 'revised_prompt'));
  if (revised) part.revisedPrompt = revised;
  return part;
}

function readUsage(raw: unknown) {
  return isRecord(raw)
    ? buildUsage(
        {
          input: field(raw, 'input_tokens'),
          output: field(raw, 'output_tokens'),
          total: field(raw, 'total_tokens'),
        },
        raw,
      )
    : null;
}

function readImages(exchange: HttpExchange): LlmExchange {
  const llm = emptyExchange({ id: ID, family: 'other', label: LABEL });
  llm.output = 'images';
  const request = readJson(exchange.request.body);
  const prompt = asString(field(request, 'prompt'));
  llm.request = {
    model: asString(field(request, 'model')) ?? null,
    messages: prompt !== undefined ? [{ role: 'user', parts: [{ kind: 'text', text: prompt }] }] : [],
    tools: [],
    stream: field(request, 'stream') === true,
    params: omitParams(request, ['prompt', 'model', 'stream']),
  };
  if (!exchange.response) return llm;
  const requestedFormat = asString(field(request, 'output_format'));
  llm.stream = frameStream(exchange);
  if (llm.stream && llm.stream.events.length > 0) {
    llm.deltas = streamDeltas(llm, imageMime(requestedFormat));
    const assembled = assembleMessage(llm.deltas);
    llm.response = {
      model: llm.request.model,
      message: assembled.message,
      finishReason: null,
      usage: assembled.usage,
      error: assembled.error,
      providerTiming: null,
    };
    return llm;
  }
  const body = readJson(exchange.response.body);
  const mimeType = imageMime(asString(field(body, 'output_format')) ?? requestedFormat);
  const data = asArray(field(body, 'data'));
  const parts = data.flatMap((item) => imagePart(item, mimeType) ?? []);
  if (parts.length < data.length)
    addNote(llm.notes, `${data.length - parts.length} data item(s) carry no image`);
  llm.response = {
    model: asString(field(body, 'model')) ?? llm.request.model,
    message: Array.isArray(field(body, 'data')) ? { role: 'assistant', parts } : null,
    finishReason: null,
    usage: readUsage(field(body, 'usage')),
    error: readProviderError(body),
    providerTiming: null,
  };
  return llm;
}

/** Streamed images: each `*.completed` event carries one whole image; partial images are previews. */
function streamDeltas(llm: LlmExchange, mimeType: string): StreamDelta[] {
  const deltas: StreamDelta[] = [];
  for (const event of llm.stream?.events ?? []) {
    const json = event.json;
    const type = asString(field(json, 'type')) ?? event.event ?? '';
    const part = /\.completed$/.test(type)
      ? imagePart(json, imageMime(asString(field(json, 'output_format')) ?? mimeType.slice(6)))
      : null;
    if (part) deltas.push({ kind: 'image', eventIndex: event.index, part });
    const usage = /\.completed$/.test(type) ? readUsage(field(json, 'usage')) : null;
    if (usage) deltas.push({ kind: 'usage', eventIndex: event.index, usage });
    const error = type === 'error' ? readProviderError(json, event.index) : null;
    if (error) deltas.push({ kind: 'error', eventIndex: event.index, error });
    if (!part && !usage && !error)
      deltas.push({ kind: 'other', eventIndex: event.index, label: type || 'event' });
  }
  return deltas;
}

function detect(exchange: HttpExchange): number {
  return PATH.test(urlPath(exchange.request.url)) ? 0.9 : 0;
}

export const openaiImagesAdapter: ApiAdapter = {
  id: ID,
  family: 'other',
  label: LABEL,
  detect,
  read: readImages,
};
