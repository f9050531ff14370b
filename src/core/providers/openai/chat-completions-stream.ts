/**
 * The streamed side of OpenAI Chat Completions: `chat.completion.chunk` events to StreamDeltas.
 * API reference: https://platform.openai.com/docs/api-reference/chat-streaming/streaming
 *
 * - `choices[0].delta.content` → text; `delta.refusal` → refusal text;
 * - `delta.reasoning` (OpenRouter, Groq, Ollama), `delta.reasoning_content` (DeepSeek, xAI) and
 *   `delta.reasoning_details` (OpenRouter, https://openrouter.ai/docs/use-cases/reasoning-tokens)
 *   → reasoning; the details are used only when no plain reasoning text came in the same chunk,
 *   because OpenRouter sends both with the same text;
 * - `delta.tool_calls[]` merged by `index`: the first fragment of an index carries `id` and
 *   `function.name`, later ones `function.arguments` pieces (legacy `delta.function_call` too);
 * - `delta.audio` (`data`, `transcript` pieces; audio-output.ts) → audio;
 * - `finish_reason`; `usage` in the final chunk (`stream_options.include_usage`), or Groq's
 *   `x_groq.usage`; Cerebras `time_info`;
 * - an `error` object in a data payload (OpenRouter mid-stream errors,
 *   https://openrouter.ai/docs/api-reference/streaming#stream-cancellation-and-errors).
 * Only the first choice (index 0) is assembled; other choices are noted.
 */
import type { ProviderTiming, StreamDelta } from '../../model/conversation';
import type { StreamTrace } from '../../model/stream';
import { isDoneEvent } from '../../streams/event-json';
import { addNote, readProviderError } from '../shared/exchange';
import { asString, field, isRecord } from '../shared/json';
import { toNumber } from '../shared/numbers';
import { readAudioDelta } from './audio-output';
import { readOpenAiTiming, readOpenAiUsage, reasoningDetailsText, thinkingText } from './wire';

/** The keys read from every chunk, its choices and their deltas (see the loop in readChatStream). */
interface ChunkFields {
  model?: unknown;
  id?: unknown;
  provider?: unknown;
  error?: unknown;
  choices?: unknown;
  usage?: unknown;
  x_groq?: unknown;
  time_info?: unknown;
}
interface ChoiceFields {
  index?: unknown;
  delta?: unknown;
  finish_reason?: unknown;
}
interface DeltaFields {
  reasoning_content?: unknown;
  reasoning?: unknown;
  reasoning_details?: unknown;
  content?: unknown;
  refusal?: unknown;
  tool_calls?: unknown;
  function_call?: unknown;
  audio?: unknown;
}

/** What the chunks said besides the deltas. */
export interface ChatStreamReading {
  deltas: StreamDelta[];
  model: string | null;
  id: string | null;
  /** Upstream provider named in the chunks (OpenRouter `provider`). */
  upstream: string | null;
  refusal: string;
  timing: ProviderTiming | null;
  sawDone: boolean;
  notes: string[];
}

/**
 * Read every event of a chat-completions stream. Never throws. `audioMime` is the media type of
 * generated audio, named by the request only.
 */
export function readChatStream(trace: StreamTrace, audioMime = 'audio/wav'): ChatStreamReading {
  const reading: ChatStreamReading = {
    deltas: [],
    model: null,
    id: null,
    upstream: null,
    refusal: '',
    timing: null,
    sawDone: false,
    notes: [],
  };
  const startedKeys = new Set<string>();
  let otherChoices = false;

  for (const event of trace.events) {
    const eventIndex = event.index;
    const deltas = reading.deltas;
    if (isDoneEvent(event)) {
      reading.sawDone = true;
      deltas.push({ kind: 'other', eventIndex, label: '[DONE]' });
      continue;
    }
    const chunk = event.json;
    if (!isRecord(chunk)) {
      if (event.jsonError !== undefined)
        addNote(reading.notes, `event ${eventIndex}: data is not JSON (${event.jsonError})`);
      deltas.push({ kind: 'other', eventIndex, label: event.event ?? 'non-JSON data' });
      continue;
    }
    // Plain reads, not field(): none of these keys is a property of Object.prototype, so a read
    // finds an own property or nothing, as field() would, and each read site keeps an inline cache
    // for the chunks' one shape instead of a keyed lookup (19 per event, 108,000 events on the
    // bench file). `chunk` comes from JSON.parse, whose objects have no getters.
    const fields = chunk as ChunkFields;
    reading.model ??= asString(fields.model) ?? null;
    reading.id ??= asString(fields.id) ?? null;
    reading.upstream ??= asString(fields.provider) ?? null;

    const error =
      fields.error !== undefined || event.event === 'error' ? readProviderError(chunk, eventIndex) : null;
    if (error) deltas.push({ kind: 'error', eventIndex, error });
    else if (event.event === 'error') {
      deltas.push({ kind: 'error', eventIndex, error: { message: event.data.slice(0, 500), eventIndex } });
    }

    const before = deltas.length;
    const choices = fields.choices;
    if (Array.isArray(choices))
      for (let position = 0; position < choices.length; position++) {
        const choice: unknown = choices[position];
        if (!isRecord(choice)) continue;
        const { index, delta, finish_reason } = choice as ChoiceFields;
        if ((toNumber(index) ?? 0) !== 0) {
          otherChoices = true;
          continue;
        }
        if (isRecord(delta)) {
          readChoiceDelta(delta as DeltaFields, eventIndex, startedKeys, reading);
          if (delta.audio !== undefined) {
            const audio = readAudioDelta(delta, eventIndex, audioMime);
            if (audio) deltas.push(audio);
          }
        }
        const finish = asString(finish_reason);
        if (finish) deltas.push({ kind: 'finish', eventIndex, reason: finish });
      }

    const groqUsage = field(fields.x_groq, 'usage');
    const usage = readOpenAiUsage(fields.usage) ?? readOpenAiUsage(groqUsage);
    if (usage) deltas.push({ kind: 'usage', eventIndex, usage });
    // Most chunks carry none of what readOpenAiTiming reads.
    if (groqUsage !== undefined || fields.time_info !== undefined || fields.usage !== undefined)
      reading.timing = readOpenAiTiming(chunk) ?? reading.timing;
    if (deltas.length === before && !error)
      deltas.push({ kind: 'other', eventIndex, label: event.event ?? 'chunk' });
  }
  if (otherChoices) addNote(reading.notes, 'the stream carries more than one choice; only choice 0 is shown');
  return reading;
}

function readChoiceDelta(
  delta: DeltaFields,
  eventIndex: number,
  startedKeys: Set<string>,
  reading: ChatStreamReading,
): void {
  const deltas = reading.deltas;
  const reasoningText = asString(delta.reasoning_content) ?? asString(delta.reasoning);
  const details = reasoningDetailsText(delta.reasoning_details);
  if (reasoningText) {
    deltas.push(withSignature({ kind: 'reasoning', eventIndex, text: reasoningText }, details.signature));
  } else if (details.text !== '' || details.signature !== undefined) {
    deltas.push(withSignature({ kind: 'reasoning', eventIndex, text: details.text }, details.signature));
  } else if (details.encrypted) {
    deltas.push({ kind: 'reasoning', eventIndex, text: '', redacted: true });
  }

  const content = delta.content;
  if (typeof content === 'string' && content !== '') deltas.push({ kind: 'text', eventIndex, text: content });
  else if (Array.isArray(content)) readContentPartsDelta(content, eventIndex, deltas);
  const refusal = asString(delta.refusal);
  if (refusal) reading.refusal += refusal;

  const toolCalls = delta.tool_calls;
  // A plain loop: this runs for every event of a stream, and most have no tool calls.
  if (Array.isArray(toolCalls))
    for (let position = 0; position < toolCalls.length; position++) {
      const call: unknown = toolCalls[position];
      const index = toNumber(field(call, 'index'));
      const id = asString(field(call, 'id')) ?? null;
      // Merge by `index`; providers that omit it (some gateways) send whole calls, keyed by id.
      const key =
        index !== null ? `tool:${index}` : id !== null ? `id:${id}` : `pos:${eventIndex}:${position}`;
      readToolCallFragment(key, id, field(call, 'function'), eventIndex, startedKeys, deltas);
    }
  const legacy = delta.function_call;
  if (isRecord(legacy)) readToolCallFragment('function_call', null, legacy, eventIndex, startedKeys, deltas);
}

/** Mistral streams content as parts: `text` chunks and `thinking` chunks (reasoning). */
function readContentPartsDelta(content: unknown[], eventIndex: number, deltas: StreamDelta[]): void {
  for (const part of content) {
    const type = typeof part === 'string' ? 'text' : asString(field(part, 'type'));
    if (type === 'text') {
      const text = typeof part === 'string' ? part : (asString(field(part, 'text')) ?? '');
      if (text !== '') deltas.push({ kind: 'text', eventIndex, text });
    } else if (type === 'thinking') {
      const text = thinkingText(field(part, 'thinking'));
      if (text !== '') deltas.push({ kind: 'reasoning', eventIndex, text });
    } else {
      deltas.push({ kind: 'other', eventIndex, label: `content part ${type ?? '?'}` });
    }
  }
}

function readToolCallFragment(
  key: string,
  id: string | null,
  fn: unknown,
  eventIndex: number,
  startedKeys: Set<string>,
  deltas: StreamDelta[],
): void {
  const name = asString(field(fn, 'name'));
  const args = field(fn, 'arguments');
  const fragment =
    typeof args === 'string' ? args : args === undefined || args === null ? '' : JSON.stringify(args);
  if (!startedKeys.has(key) || (id !== null && name !== undefined && name !== '')) {
    // A repeated start for a known key only fills in what is missing (see assemble-stream.ts).
    startedKeys.add(key);
    deltas.push({ kind: 'tool-call-start', eventIndex, key, id, name: name ?? '' });
  }
  if (fragment !== '') deltas.push({ kind: 'tool-call-args', eventIndex, key, fragment });
}

function withSignature(
  delta: Extract<StreamDelta, { kind: 'reasoning' }>,
  signature: string | undefined,
): Extract<StreamDelta, { kind: 'reasoning' }> {
  if (signature !== undefined) delta.signature = signature;
  return delta;
}
