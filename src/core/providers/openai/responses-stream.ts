/**
 * The typed stream events of the OpenAI Responses API in LLM terms (StreamDelta[]).
 * Event reference: https://platform.openai.com/docs/api-reference/responses-streaming
 *
 * - lifecycle: `response.created` / `.queued` / `.in_progress` → … → `response.completed`,
 *   `response.incomplete` or `response.failed` (each carries the whole response object; the last
 *   one gives status, usage and error). There is no `[DONE]`.
 * - `response.output_text.delta` → text; `response.reasoning_summary_text.delta` and
 *   `response.reasoning_text.delta` → reasoning;
 * - `response.output_item.added` of a `function_call` → tool-call start (keyed by item id), then
 *   `response.function_call_arguments.delta` fragments (`mcp_call_arguments`,
 *   `custom_tool_call_input` likewise);
 * - built-in tool items (`web_search_call`, `mcp_call`, …) → server tool calls, whose result is
 *   taken from `response.output_item.done`;
 * - `error` events → error deltas. Anything else is kept as an `other` delta with its type.
 *
 * Some gateways send only `.done` events; when an item finishes without having streamed its text
 * or arguments, the `.done` payload supplies them, so the assembled message is never emptier than
 * the item.
 */
import type { StreamDelta } from '../../model/conversation';
import type { StreamTrace } from '../../model/stream';
import { addNote, isRecord } from '../shared';
import type * as wire from './responses-wire';
import {
  finishReasonOf,
  generatedImagePart,
  isServerCallItem,
  reasoningText,
  readResponsesError,
  readResponsesUsage,
  serverCallInput,
  serverCallName,
  serverCallVia,
  serverCallResult,
} from './responses-output';

/** What a Responses stream says, beyond its deltas. */
export interface ResponsesStreamReading {
  deltas: StreamDelta[];
  /** The last response object carried by a lifecycle event (`response.completed` when complete). */
  response: wire.Response | null;
  /** Refusal text, which has no delta kind of its own; added to the final message as a part. */
  refusal: string;
  notes: string[];
}

const TERMINAL_EVENTS = new Set([
  'response.completed',
  'response.incomplete',
  'response.failed',
  'response.cancelled',
]);

/** Read the events of a Responses stream. Never throws. */
export function readResponsesStream(trace: StreamTrace): ResponsesStreamReading {
  const state = new StreamState();
  for (const event of trace.events) {
    if (event.json === undefined) {
      if (event.jsonError !== undefined)
        addNote(state.notes, `event ${event.index}: data is not JSON (${event.jsonError})`);
      continue;
    }
    if (!isRecord(event.json)) {
      state.deltas.push({ kind: 'other', eventIndex: event.index, label: 'non-object event' });
      continue;
    }
    state.read(event.json as wire.StreamEvent, event.index, event.event);
  }
  return { deltas: state.deltas, response: state.response, refusal: state.refusal, notes: state.notes };
}

class StreamState {
  readonly deltas: StreamDelta[] = [];
  readonly notes: string[] = [];
  response: wire.Response | null = null;
  refusal = '';
  /** Item ids whose text, reasoning or arguments arrived as deltas. */
  private readonly streamed = new Set<string>();
  /** Item ids whose tool call was started. */
  private readonly started = new Set<string>();

  read(data: wire.StreamEvent, eventIndex: number, sseEvent: string | null): void {
    const type = typeof data.type === 'string' ? data.type : (sseEvent ?? '');
    const itemId =
      typeof data.item_id === 'string' ? data.item_id : `output-${String(data.output_index ?? '?')}`;
    const delta = typeof data.delta === 'string' ? data.delta : null;
    switch (type) {
      case 'response.output_text.delta':
        if (delta !== null) this.push({ kind: 'text', eventIndex, text: delta }, itemId);
        return;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        if (delta !== null) this.push({ kind: 'reasoning', eventIndex, text: delta }, itemId);
        return;
      case 'response.reasoning_summary_part.added':
        // Summary parts of one item are separate paragraphs.
        if (this.streamed.has(itemId)) this.deltas.push({ kind: 'reasoning', eventIndex, text: '\n\n' });
        else this.other(eventIndex, type);
        return;
      case 'response.function_call_arguments.delta':
      case 'response.mcp_call_arguments.delta':
      case 'response.custom_tool_call_input.delta':
        if (delta !== null)
          this.push({ kind: 'tool-call-args', eventIndex, key: itemId, fragment: delta }, itemId);
        return;
      case 'response.function_call_arguments.done':
      case 'response.mcp_call_arguments.done':
        if (
          !this.streamed.has(itemId) &&
          this.started.has(itemId) &&
          typeof data.arguments === 'string' &&
          data.arguments !== ''
        ) {
          this.push({ kind: 'tool-call-args', eventIndex, key: itemId, fragment: data.arguments }, itemId);
        } else this.other(eventIndex, type);
        return;
      case 'response.refusal.delta':
        if (delta !== null) this.refusal += delta;
        this.other(eventIndex, type);
        return;
      case 'response.output_item.added':
        this.itemAdded(data.item, eventIndex, type);
        return;
      case 'response.output_item.done':
        this.itemDone(data.item, eventIndex, type);
        return;
      case 'error':
        this.error(data, eventIndex);
        return;
      default:
        break;
    }
    if (isRecord(data.response)) {
      this.response = data.response as wire.Response;
      if (TERMINAL_EVENTS.has(type)) {
        this.terminal(this.response, eventIndex);
        return;
      }
    }
    this.other(eventIndex, type || 'event');
  }

  private push(delta: StreamDelta, itemId: string): void {
    this.streamed.add(itemId);
    this.deltas.push(delta);
  }

  private other(eventIndex: number, label: string): void {
    this.deltas.push({ kind: 'other', eventIndex, label });
  }

  private itemAdded(raw: unknown, eventIndex: number, label: string): void {
    if (!isRecord(raw)) return this.other(eventIndex, label);
    const item = raw as wire.Item;
    const type = typeof item.type === 'string' ? item.type : '';
    const key = typeof item.id === 'string' ? item.id : `added-${eventIndex}`;
    if (type === 'function_call' || type === 'custom_tool_call') {
      this.started.add(key);
      const id = typeof item.call_id === 'string' ? item.call_id : null;
      const name = typeof item.name === 'string' ? item.name : '(unnamed)';
      this.deltas.push({ kind: 'tool-call-start', eventIndex, key, id, name });
      return;
    }
    if (isServerCallItem(type)) {
      this.started.add(key);
      const start: StreamDelta = {
        kind: 'tool-call-start',
        eventIndex,
        key,
        id: key,
        name: serverCallName(item, type),
        server: true,
      };
      const via = serverCallVia(item, type);
      if (via !== undefined) start.via = via;
      const input = serverCallInput(item);
      if (input !== '') {
        start.argumentsText = input;
        this.streamed.add(key);
      }
      this.deltas.push(start);
      return;
    }
    this.other(eventIndex, `${label} ${type}`.trim());
  }

  /** Fill in from a finished item whatever its deltas did not carry. */
  private itemDone(raw: unknown, eventIndex: number, label: string): void {
    if (!isRecord(raw)) return this.other(eventIndex, label);
    const item = raw as wire.Item;
    const type = typeof item.type === 'string' ? item.type : '';
    const key = typeof item.id === 'string' ? item.id : `done-${eventIndex}`;
    const wasStreamed = this.streamed.has(key);
    if (type === 'message' && !wasStreamed) {
      const text = messageText(item);
      if (text !== '') return this.push({ kind: 'text', eventIndex, text }, key);
    } else if (type === 'reasoning' && !wasStreamed) {
      const text = reasoningText(item);
      if (text !== '') return this.push({ kind: 'reasoning', eventIndex, text }, key);
      if (typeof item.encrypted_content === 'string')
        return this.push({ kind: 'reasoning', eventIndex, text: '', redacted: true }, key);
    } else if (type === 'function_call' || type === 'custom_tool_call') {
      if (!this.started.has(key)) this.itemAdded(raw, eventIndex, label);
      const args = type === 'function_call' ? item.arguments : item.input;
      if (!wasStreamed && typeof args === 'string' && args !== '')
        return this.push({ kind: 'tool-call-args', eventIndex, key, fragment: args }, key);
    } else if (isServerCallItem(type)) {
      if (!this.started.has(key)) this.itemAdded(raw, eventIndex, label);
      else if (!this.streamed.has(key)) {
        const input = serverCallInput(item);
        if (input !== '') this.push({ kind: 'tool-call-args', eventIndex, key, fragment: input }, key);
      }
      const result = serverCallResult(item);
      if (type === 'image_generation_call' && typeof item.result === 'string' && item.result !== '')
        this.deltas.push({ kind: 'image', eventIndex, part: generatedImagePart(item, item.result) });
      if (result !== undefined)
        return void this.deltas.push({ kind: 'server-tool-result', eventIndex, key, result });
    }
    this.other(eventIndex, `${label} ${type}`.trim());
  }

  private terminal(response: wire.Response, eventIndex: number): void {
    const usage = readResponsesUsage(response.usage);
    if (usage) this.deltas.push({ kind: 'usage', eventIndex, usage });
    const error = readResponsesError(response.error, eventIndex);
    if (error) this.deltas.push({ kind: 'error', eventIndex, error });
    const reason = finishReasonOf(response);
    if (reason !== null) this.deltas.push({ kind: 'finish', eventIndex, reason });
  }

  private error(data: wire.StreamEvent, eventIndex: number): void {
    // Flat `{type:"error", code, message, param}` per the reference; some gateways nest `error`.
    const source = isRecord(data.error) ? data.error : { message: data.message, code: data.code };
    const error = readResponsesError(source, eventIndex);
    this.deltas.push({ kind: 'error', eventIndex, error: error ?? { message: 'error event', eventIndex } });
  }
}

function messageText(item: wire.Item): string {
  if (typeof item.content === 'string') return item.content;
  if (!Array.isArray(item.content)) return '';
  return item.content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .join('');
}
