/**
 * InvokeModelWithResponseStream: each AWS event-stream frame of type `chunk` carries
 * `{"bytes": "<base64>"}`, and the decoded bytes are one JSON event in the underlying model's own
 * streaming API (Anthropic Messages events for Claude, Nova's wrapped Converse-like events, …).
 * Error frames have `:message-type: exception` and `:exception-type`.
 *
 * API reference: https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModelWithResponseStream.html
 * (ResponseStream: chunk {bytes}, internalServerException, modelStreamErrorException,
 * throttlingException, validationException, …), invocation metrics in the last chunk:
 * https://docs.aws.amazon.com/bedrock/latest/userguide/inference-invoke.html
 */
import type { ProviderTiming } from '../../model/conversation';
import type { StreamEvent } from '../../model/stream';
import { decodeBase64 } from '../../../lib/base64';
import { decodeUtf8Lenient } from '../../../lib/text';
import { header, parseJson, toNumber } from '../shared';
import { field, objectField, stringField } from '../anthropic/value-guards';

/** One frame, with its `bytes` decoded (or the frame's own payload when it had none). */
export interface DecodedChunk {
  eventIndex: number;
  messageType: string | null;
  eventType: string | null;
  json: unknown;
}

/** Decode the base64 `bytes` of each chunk frame. Never throws; undecodable bytes leave `json` undefined. */
export function decodeInvokeChunks(events: readonly StreamEvent[]): { chunks: DecodedChunk[]; notes: string[] } {
  const notes: string[] = [];
  const chunks = events.map((event): DecodedChunk => {
    const messageType = header(event.headers, ':message-type');
    const eventType = header(event.headers, ':exception-type') ?? header(event.headers, ':event-type') ?? event.event;
    const bytes = stringField(event.json, 'bytes');
    if (bytes === undefined) return { eventIndex: event.index, messageType, eventType, json: event.json };
    let json: unknown;
    try {
      json = parseJson(decodeUtf8Lenient(decodeBase64(bytes)));
    } catch {
      json = undefined;
    }
    if (json === undefined && notes.length < 20) notes.push(`event ${event.index}: chunk bytes are not base64 JSON`);
    return { eventIndex: event.index, messageType, eventType, json };
  });
  return { chunks, notes };
}

/**
 * `amazon-bedrock-invocationMetrics` (in the last chunk): invocationLatency is the whole call and
 * firstByteLatency the wait for the first byte, so the difference is time spent streaming output.
 */
export function invocationMetricsTiming(chunks: readonly DecodedChunk[]): ProviderTiming | null {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const metrics = objectField(chunks[i]?.json, 'amazon-bedrock-invocationMetrics');
    if (!metrics) continue;
    const total = toNumber(field(metrics, 'invocationLatency'));
    const firstByte = toNumber(field(metrics, 'firstByteLatency'));
    return {
      source: 'bedrock amazon-bedrock-invocationMetrics',
      totalMs: total,
      promptMs: firstByte,
      generationMs: total !== null && firstByte !== null ? Math.max(0, total - firstByte) : null,
    };
  }
  return null;
}
