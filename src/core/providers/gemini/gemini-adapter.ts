/**
 * Google Gemini adapter: `models/{model}:generateContent` and `:streamGenerateContent` on the
 * Gemini API (generativelanguage.googleapis.com) and on Vertex AI
 * (`…/publishers/google/models/{model}:…` on aiplatform.googleapis.com). Claude on Vertex AI
 * (`publishers/anthropic`, `:rawPredict`) belongs to the Anthropic adapter.
 *
 * API reference: https://ai.google.dev/api/generate-content
 * Streaming reference: https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent
 * (`alt=sse` gives Server-Sent Events; without it the body is one JSON array streamed item by item)
 * Vertex AI: https://cloud.google.com/vertex-ai/generative-ai/docs/reference/rest/v1/projects.locations.publishers.models/streamGenerateContent
 */
import type { LlmExchange } from '../../model/conversation';
import type { HttpExchange } from '../../model/http';
import type { ApiAdapter } from '../adapter';
import { assembleMessage } from '../assemble-stream';
import { emptyExchange, hostIs, readJson, responseStatus, urlParts } from '../shared';
import { frameStream } from '../../streams';
import { arrayField, isRecord, readJsonMentioning } from '../anthropic/value-guards';
import { looksLikeGeminiRequest, readGeminiRequest } from './gemini-request';
import { readGeminiResponse, readGeminiStreamEvents } from './gemini-response';
import { appendAll } from '../../../lib/arrays';

const ID = 'gemini.generate-content';
const LABEL = 'Google · Gemini';
const VERTEX_LABEL = 'Google · Gemini (Vertex AI)';

/** Model and method from a path such as `/v1beta/models/gemini-2.5-flash:streamGenerateContent`. */
export function geminiPathInfo(path: string): { model: string; method: string; vertex: boolean } | null {
  const match = /\/models\/([^/:]+):(generateContent|streamGenerateContent)$/i.exec(path);
  if (!match?.[1] || !match[2]) return null;
  if (/\/publishers\/(?!google\/)[^/]+\/models\//i.test(path)) return null;
  let model = match[1];
  try {
    model = decodeURIComponent(model);
  } catch {
    // keep the raw segment
  }
  return { model, method: match[2], vertex: /\/publishers\/google\/models\//i.test(path) };
}

export function detectGemini(exchange: HttpExchange, floor = 0): number {
  const { host, path } = urlParts(exchange.request.url);
  if (geminiPathInfo(path)) return hostIs(host, 'googleapis.com') ? 0.95 : 0.85;
  if (floor > 0.6) return 0; // ApiAdapter.detect's `floor`: the body checks score 0.6 at most
  if (looksLikeGeminiRequest(readJsonMentioning(exchange.request.body, ['"contents"']))) return 0.6;
  const response = readJsonMentioning(exchange.response?.body, ['"candidates"']);
  const first = Array.isArray(response) ? response[0] : response;
  if (isRecord(first) && arrayField(first, 'candidates').length > 0) return 0.55;
  return 0;
}

export const geminiAdapter: ApiAdapter = {
  id: ID,
  family: 'gemini',
  label: LABEL,
  detect: detectGemini,
  read(exchange: HttpExchange): LlmExchange {
    const info = geminiPathInfo(urlParts(exchange.request.url).path);
    const llm = emptyExchange({
      id: ID,
      family: 'gemini',
      label:
        info?.vertex || hostIs(urlParts(exchange.request.url).host, 'aiplatform.googleapis.com')
          ? VERTEX_LABEL
          : LABEL,
    });
    const streamedMethod = info?.method.toLowerCase() === 'streamgeneratecontent';
    const requestJson = readJson(exchange.request.body);
    if (requestJson !== undefined)
      llm.request = readGeminiRequest(requestJson, info?.model ?? null, streamedMethod);
    if (!exchange.response) return llm;

    const status = responseStatus(exchange);
    const stream = status !== null && status >= 400 ? null : frameStream(exchange);
    if (stream) {
      llm.stream = stream;
      const reading = readGeminiStreamEvents(
        stream.events.map((event) => ({ eventIndex: event.index, json: event.json })),
      );
      llm.deltas = reading.deltas;
      appendAll(llm.notes, reading.notes);
      // The last chunk of a complete stream carries the candidate's finishReason.
      if (!reading.deltas.some((delta) => delta.kind === 'finish'))
        llm.notes.push('stream ended without a finishReason');
      const assembled = assembleMessage(reading.deltas);
      llm.response = {
        model: reading.model ?? info?.model ?? null,
        message: { role: 'assistant', parts: [...assembled.message.parts, ...reading.extraParts] },
        finishReason: assembled.finishReason,
        usage: assembled.usage,
        error: assembled.error,
        providerTiming: null,
        id: reading.id,
      };
      return llm;
    }
    const body = exchange.response.body;
    llm.response = readGeminiResponse(readJson(body), status, body?.text);
    llm.response.model ??= info?.model ?? null;
    return llm;
  },
};
