/**
 * Gemini `GenerateContentResponse` → LlmResponse, for a whole response and for a stream of them
 * (`streamGenerateContent`, framed as SSE with `alt=sse` or as one streamed JSON array; each
 * event is a partial GenerateContentResponse).
 *
 * API reference: https://ai.google.dev/api/generate-content#generatecontentresponse (candidates,
 * finishReason, usageMetadata: promptTokenCount, candidatesTokenCount, thoughtsTokenCount,
 * cachedContentTokenCount, totalTokenCount; promptFeedback.blockReason; modelVersion; responseId),
 * https://ai.google.dev/api/generate-content#method:-models.streamgeneratecontent,
 * errors: https://ai.google.dev/gemini-api/docs/troubleshooting (`{error:{code, message, status}}`).
 */
import type { ContentPart, LlmResponse, ProviderError, StreamDelta, Usage } from '../../model/conversation';
import { emptyResponse, addNote, buildUsage, readProviderError } from '../shared';
import { arrayField, field, isRecord, objectField } from '../anthropic/value-guards';
import { geminiPartsToContent, geminiPartsToDeltas, pick } from './gemini-parts';
import type { PartDeltaState } from './gemini-parts';
import { appendAll } from '../../../lib/arrays';

function readGeminiUsage(raw: unknown): Usage | null {
  if (!isRecord(raw)) return null;
  return buildUsage(
    {
      input: pick(raw, 'promptTokenCount', 'prompt_token_count'),
      output: pick(raw, 'candidatesTokenCount', 'candidates_token_count'),
      total: pick(raw, 'totalTokenCount', 'total_token_count'),
      cacheRead: pick(raw, 'cachedContentTokenCount', 'cached_content_token_count'),
      reasoning: pick(raw, 'thoughtsTokenCount', 'thoughts_token_count'),
    },
    raw,
  );
}

/** The error of a body or stream item: `{error:{…}}`, also when wrapped in a one-item array. */
function readGeminiError(json: unknown, eventIndex?: number): ProviderError | null {
  const value = Array.isArray(json)
    ? json.find((item) => isRecord(item) && field(item, 'error') !== undefined)
    : json;
  return readProviderError(value, eventIndex);
}

function firstCandidate(response: unknown): unknown {
  return arrayField(response, 'candidates')[0];
}

/** The finish reason: the first candidate's, else the prompt's block reason (nothing was generated). */
function finishReasonOf(response: unknown): string | undefined {
  const reason = pickString(firstCandidate(response), 'finishReason', 'finish_reason');
  if (reason) return reason;
  return pickString(pick(response, 'promptFeedback', 'prompt_feedback'), 'blockReason', 'block_reason');
}

function pickString(value: unknown, camel: string, snake: string): string | undefined {
  const found = pick(value, camel, snake);
  return typeof found === 'string' ? found : undefined;
}

/** A whole (non-streamed) response, or an error body. */
export function readGeminiResponse(
  json: unknown,
  status: number | null,
  bodyText: string | null | undefined,
): LlmResponse {
  const body = Array.isArray(json) && json.length === 1 ? json[0] : json;
  const error = readGeminiError(body);
  if ((status !== null && status >= 400) || error) {
    const snippet = (bodyText ?? '').trim().slice(0, 300);
    return emptyResponse({
      error: error ?? { message: snippet || `HTTP ${status ?? 'error'}`, code: status },
    });
  }
  const content = objectField(firstCandidate(body), 'content');
  return {
    model: pickString(body, 'modelVersion', 'model_version') ?? null,
    message: isRecord(body)
      ? { role: 'assistant', parts: geminiPartsToContent(field(content, 'parts')) }
      : null,
    finishReason: finishReasonOf(body) ?? null,
    usage: readGeminiUsage(pick(body, 'usageMetadata', 'usage_metadata')),
    error: null,
    providerTiming: null,
    id: pickString(body, 'responseId', 'response_id') ?? null,
  };
}

/** What a stream of partial responses said. */
export interface GeminiStreamReading {
  deltas: StreamDelta[];
  extraParts: ContentPart[];
  model: string | null;
  id: string | null;
  notes: string[];
}

/** Read each streamed chunk in order. Usage and finish reason become deltas; the last wins. */
export function readGeminiStreamEvents(
  events: ReadonlyArray<{ eventIndex: number; json: unknown }>,
): GeminiStreamReading {
  const reading: GeminiStreamReading = { deltas: [], extraParts: [], model: null, id: null, notes: [] };
  const state: PartDeltaState = { calls: 0, lastCodeKey: null };
  for (const { eventIndex, json } of events) {
    if (!isRecord(json)) {
      reading.deltas.push({
        kind: 'other',
        eventIndex,
        label: json === undefined ? 'not JSON' : 'not an object',
      });
      continue;
    }
    const error = readGeminiError(json, eventIndex);
    if (error) {
      reading.deltas.push({ kind: 'error', eventIndex, error });
      continue;
    }
    const before = reading.deltas.length;
    reading.model = pickString(json, 'modelVersion', 'model_version') ?? reading.model;
    reading.id = pickString(json, 'responseId', 'response_id') ?? reading.id;
    const candidates = arrayField(json, 'candidates');
    if (candidates.length > 1)
      addNote(reading.notes, `event ${eventIndex}: ${candidates.length} candidates, only the first is shown`);
    const parts = field(objectField(firstCandidate(json), 'content'), 'parts');
    const { deltas, extra } = geminiPartsToDeltas(parts, eventIndex, state);
    appendAll(reading.deltas, deltas);
    appendAll(reading.extraParts, extra);
    const reason = finishReasonOf(json);
    if (reason) reading.deltas.push({ kind: 'finish', eventIndex, reason });
    const usage = readGeminiUsage(pick(json, 'usageMetadata', 'usage_metadata'));
    if (usage) reading.deltas.push({ kind: 'usage', eventIndex, usage });
    if (reading.deltas.length === before) reading.deltas.push({ kind: 'other', eventIndex, label: 'chunk' });
  }
  return reading;
}
