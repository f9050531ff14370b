/**
 * Anthropic Messages stream events → StreamDelta[] plus what the stream said about the response
 * (model, id, stop_reason, usage, error). Works on already-decoded event JSON, so the same code
 * reads the SSE stream of api.anthropic.com / Vertex AI `:streamRawPredict` and the base64 `bytes`
 * chunks of Bedrock `invoke-with-response-stream`.
 *
 * Streaming reference: https://docs.anthropic.com/en/docs/build-with-claude/streaming
 * (message_start, content_block_start/delta/stop with text_delta, input_json_delta, thinking_delta,
 * signature_delta, citations_delta; message_delta with stop_reason and cumulative usage;
 * message_stop; ping; `error` events such as overloaded_error in the middle of a stream).
 * API reference: https://docs.anthropic.com/en/api/messages-streaming
 */
import type { ContentPart, ProviderError, StreamDelta, Usage } from '../../model/conversation';
import { contentBlockToPart, isServerToolResultType, isServerToolUseType } from './content-blocks';
import { mergeAnthropicUsage, readAnthropicUsage } from './messages-response';
import { newCitationTracker, recordCitation } from './stream-citations';
import type { CitationTracker } from './stream-citations';
import type { JsonRecord } from './value-guards';
import { addNote, argumentsTextOf, readProviderError } from '../shared';
import { arrayField, field, isRecord, objectField, stringField } from './value-guards';

/** One stream event whose payload is already JSON-decoded. */
export interface DecodedStreamEvent {
  eventIndex: number;
  json: unknown;
}

/** What an Anthropic stream said, in LLM terms. */
export interface AnthropicStreamReading {
  deltas: StreamDelta[];
  model: string | null;
  id: string | null;
  usage: Usage | null;
  finishReason: string | null;
  error: ProviderError | null;
  /** True when `message_stop` arrived. */
  sawMessageStop: boolean;
  /** Content blocks the delta vocabulary cannot carry (unknown block types), in order. */
  extraParts: ContentPart[];
  /** Which block each text delta and each citation came from, to place citations on text parts. */
  citations: CitationTracker;
  notes: string[];
}

function blockKey(index: unknown): string {
  // String() of a parsed object calls its own toString, which a hostile body can set to null
  // (TypeError: Cannot convert object to primitive value); a non-primitive index names no block.
  if (typeof index === 'object' && index !== null) return 'block:object';
  return `block:${typeof index === 'number' ? index : String(index)}`;
}

/** Read every event in order. Never throws; unknown events become `other` deltas and notes. */
export function readAnthropicStreamEvents(events: readonly DecodedStreamEvent[]): AnthropicStreamReading {
  const reading: AnthropicStreamReading = {
    deltas: [],
    model: null,
    id: null,
    usage: null,
    finishReason: null,
    error: null,
    sawMessageStop: false,
    extraParts: [],
    citations: newCitationTracker(),
    notes: [],
  };
  let rawUsage: JsonRecord | null = null;
  /** Tool-call keys by provider id, so server tool results find the call they answer. */
  const keyById = new Map<string, string>();
  /** Tool-call blocks whose input arrived whole in content_block_start, or got a non-empty fragment. */
  const argumentsSeen = new Set<string>();
  const openToolBlocks = new Set<string>();
  const { deltas } = reading;

  const pushUsage = (eventIndex: number, update: unknown) => {
    rawUsage = mergeAnthropicUsage(rawUsage, update);
    const usage = readAnthropicUsage(rawUsage);
    if (usage) {
      reading.usage = usage;
      deltas.push({ kind: 'usage', eventIndex, usage });
    }
  };

  for (const { eventIndex, json } of events) {
    if (!isRecord(json)) {
      deltas.push({ kind: 'other', eventIndex, label: 'not JSON' });
      continue;
    }
    const type = stringField(json, 'type') ?? '(no type)';
    switch (type) {
      case 'message_start': {
        const message = objectField(json, 'message');
        reading.model = stringField(message, 'model') ?? reading.model;
        reading.id = stringField(message, 'id') ?? reading.id;
        deltas.push({ kind: 'other', eventIndex, label: 'message_start' });
        if (field(message, 'usage') !== undefined) pushUsage(eventIndex, field(message, 'usage'));
        break;
      }
      case 'content_block_start': {
        const block = objectField(json, 'content_block');
        const key = blockKey(field(json, 'index'));
        const blockType = stringField(block, 'type');
        if (blockType === 'text') {
          const text = stringField(block, 'text') ?? '';
          const start: StreamDelta = text
            ? { kind: 'text', eventIndex, text }
            : { kind: 'other', eventIndex, label: 'text block start' };
          if (text) reading.citations.textBlockOf.set(start, key);
          deltas.push(start);
          // A text block that starts with its citations already attached (rare) keeps them too.
          for (const citation of arrayField(block, 'citations'))
            recordCitation(reading.citations, key, citation);
        } else if (blockType === 'thinking') {
          deltas.push({ kind: 'reasoning', eventIndex, text: stringField(block, 'thinking') ?? '' });
        } else if (blockType === 'redacted_thinking') {
          deltas.push({ kind: 'reasoning', eventIndex, text: '', redacted: true });
        } else if (blockType === 'tool_use' || isServerToolUseType(blockType)) {
          const id = stringField(block, 'id') ?? null;
          const input = field(block, 'input');
          const start: StreamDelta = {
            kind: 'tool-call-start',
            eventIndex,
            key,
            id,
            name: stringField(block, 'name') ?? '(unnamed tool)',
          };
          if (isServerToolUseType(blockType)) start.server = true;
          // `input` is `{}` when it will stream as input_json_delta; a non-empty input arrived whole.
          if (isRecord(input) && Object.keys(input).length > 0) {
            start.argumentsText = argumentsTextOf(input);
            argumentsSeen.add(key);
          }
          deltas.push(start);
          if (id) keyById.set(id, key);
          openToolBlocks.add(key);
        } else if (isServerToolResultType(blockType)) {
          const callKey = keyById.get(stringField(block, 'tool_use_id') ?? '') ?? key;
          deltas.push({
            kind: 'server-tool-result',
            eventIndex,
            key: callKey,
            result: field(block, 'content') ?? block,
          });
        } else {
          deltas.push({
            kind: 'other',
            eventIndex,
            label: `content_block_start ${blockType ?? '(no type)'}`,
          });
          reading.extraParts.push(contentBlockToPart(block));
          addNote(
            reading.notes,
            `event ${eventIndex}: content block type "${blockType ?? '(none)'}" kept as an unknown part`,
          );
        }
        break;
      }
      case 'content_block_delta': {
        const delta = objectField(json, 'delta');
        const key = blockKey(field(json, 'index'));
        const deltaType = stringField(delta, 'type');
        if (deltaType === 'text_delta') {
          const text: StreamDelta = { kind: 'text', eventIndex, text: stringField(delta, 'text') ?? '' };
          reading.citations.textBlockOf.set(text, key);
          deltas.push(text);
        } else if (deltaType === 'citations_delta' && field(delta, 'citation') !== undefined) {
          recordCitation(reading.citations, key, field(delta, 'citation'));
          deltas.push({ kind: 'other', eventIndex, label: 'citations_delta' });
        } else if (deltaType === 'input_json_delta') {
          const fragment = stringField(delta, 'partial_json') ?? '';
          if (fragment !== '') argumentsSeen.add(key);
          deltas.push({ kind: 'tool-call-args', eventIndex, key, fragment });
        } else if (deltaType === 'thinking_delta') {
          deltas.push({ kind: 'reasoning', eventIndex, text: stringField(delta, 'thinking') ?? '' });
        } else if (deltaType === 'signature_delta') {
          deltas.push({
            kind: 'reasoning',
            eventIndex,
            text: '',
            signature: stringField(delta, 'signature') ?? '',
          });
        } else {
          // Future delta types: shown as events.
          deltas.push({ kind: 'other', eventIndex, label: deltaType ?? 'content_block_delta' });
        }
        break;
      }
      case 'content_block_stop': {
        const key = blockKey(field(json, 'index'));
        // A tool whose input streamed no fragment at all had the `{}` of content_block_start.
        if (openToolBlocks.has(key) && !argumentsSeen.has(key)) {
          deltas.push({ kind: 'tool-call-args', eventIndex, key, fragment: '{}' });
        } else {
          deltas.push({ kind: 'other', eventIndex, label: 'content_block_stop' });
        }
        openToolBlocks.delete(key);
        break;
      }
      case 'message_delta': {
        const stopReason = stringField(objectField(json, 'delta'), 'stop_reason');
        if (stopReason) {
          reading.finishReason = stopReason;
          deltas.push({ kind: 'finish', eventIndex, reason: stopReason });
        }
        if (field(json, 'usage') !== undefined) pushUsage(eventIndex, field(json, 'usage'));
        if (!stopReason && field(json, 'usage') === undefined)
          deltas.push({ kind: 'other', eventIndex, label: 'message_delta' });
        break;
      }
      case 'message_stop':
        reading.sawMessageStop = true;
        deltas.push({ kind: 'other', eventIndex, label: 'message_stop' });
        break;
      case 'ping':
        deltas.push({ kind: 'other', eventIndex, label: 'ping' });
        break;
      case 'error': {
        const error = readProviderError(json, eventIndex) ?? { message: 'error event', eventIndex };
        reading.error ??= error;
        deltas.push({ kind: 'error', eventIndex, error });
        break;
      }
      default:
        deltas.push({ kind: 'other', eventIndex, label: type });
        addNote(reading.notes, `event ${eventIndex}: unknown stream event type "${type}"`);
    }
  }
  return reading;
}
