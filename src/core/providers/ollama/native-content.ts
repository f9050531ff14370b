/**
 * Ollama's native message and chunk shapes in LLM terms, shared by `/api/chat` and `/api/generate`.
 * Reference: https://github.com/ollama/ollama/blob/main/docs/api.md
 *
 * - messages: `{role, content, thinking?, images?: [base64], tool_calls?, tool_name?}`; tool call
 *   `arguments` arrive as a JSON object (not a string as in OpenAI), so the text is re-serialized;
 * - each chunk (or the whole non-streamed body) carries `message` (chat) or `response` and
 *   `thinking` (generate), and the last one `done: true`, `done_reason`, `prompt_eval_count`,
 *   `eval_count` and durations in nanoseconds (`total_duration`, `prompt_eval_duration`,
 *   `eval_duration`), which become provider timing for replay.
 */
import type {
  ContentPart,
  Message,
  ProviderTiming,
  Role,
  StreamDelta,
  ToolCallPart,
  ToolDefinition,
  Usage,
} from '../../model/conversation';
import {
  argumentsTextOf,
  asArray,
  asString,
  buildUsage,
  field,
  isRecord,
  nanosToMs,
  parseArguments,
  path,
  unknownPart,
} from '../shared';

const ROLES: readonly string[] = ['system', 'developer', 'user', 'assistant', 'tool'];

/** Ollama images are bare base64 strings; the format is not stated, JPEG/PNG are both common. */
function imagePart(base64: string): ContentPart {
  const mimeType = base64.startsWith('iVBOR')
    ? 'image/png'
    : base64.startsWith('/9j/')
      ? 'image/jpeg'
      : 'image/*';
  return { kind: 'image', source: { kind: 'inline', mimeType, base64 } };
}

/** A tool call `{id?, function: {index?, name, arguments: {...}}}`. */
function readOllamaToolCall(raw: unknown): ToolCallPart {
  const argumentsText = argumentsTextOf(path(raw, 'function', 'arguments'));
  const part: ToolCallPart = {
    kind: 'tool-call',
    id: asString(field(raw, 'id')) ?? null,
    name: asString(path(raw, 'function', 'name')) ?? '(unnamed)',
    argumentsText,
  };
  const parsed = parseArguments(argumentsText);
  if ('arguments' in parsed) part.arguments = parsed.arguments;
  if (parsed.argumentsError !== undefined) part.argumentsError = parsed.argumentsError;
  return part;
}

/** One message of `/api/chat` `messages`. */
export function readOllamaMessage(raw: unknown): Message {
  if (!isRecord(raw)) return { role: 'user', parts: [unknownPart('message', raw)] };
  const roleText = asString(field(raw, 'role')) ?? 'user';
  const role = (ROLES.includes(roleText) ? roleText : 'user') as Role;
  const content = field(raw, 'content');
  const text =
    typeof content === 'string'
      ? content
      : content === undefined || content === null
        ? ''
        : JSON.stringify(content);
  if (role === 'tool') {
    const result: ContentPart = {
      kind: 'tool-result',
      callId: asString(field(raw, 'tool_call_id')) ?? null,
      content: text === '' ? [] : [{ kind: 'text', text }],
    };
    const name = asString(field(raw, 'tool_name')) ?? asString(field(raw, 'name'));
    if (name !== undefined) result.name = name;
    return { role, parts: [result] };
  }
  const parts: ContentPart[] = [];
  const thinking = asString(field(raw, 'thinking'));
  if (thinking) parts.push({ kind: 'reasoning', text: thinking });
  if (text !== '') parts.push({ kind: 'text', text });
  for (const image of asArray(field(raw, 'images')))
    parts.push(typeof image === 'string' ? imagePart(image) : unknownPart('image', image));
  for (const call of asArray(field(raw, 'tool_calls'))) parts.push(readOllamaToolCall(call));
  return { role, parts };
}

/** `tools: [{type: "function", function: {name, description, parameters}}]`. */
export function readOllamaTool(raw: unknown): ToolDefinition {
  const fn = field(raw, 'function');
  const definition: ToolDefinition = {
    name: asString(field(fn, 'name')) ?? '(unnamed)',
    type: asString(field(raw, 'type')) ?? 'function',
  };
  const description = asString(field(fn, 'description'));
  if (description !== undefined) definition.description = description;
  const parameters = field(fn, 'parameters');
  if (parameters !== undefined) definition.parameters = parameters;
  return definition;
}

/** Usage from the final chunk: `prompt_eval_count` in, `eval_count` out. */
function readOllamaUsage(chunk: unknown): Usage | null {
  if (!isRecord(chunk)) return null;
  const raw = Object.create(null) as Record<string, unknown>;
  for (const key of ['prompt_eval_count', 'eval_count'])
    if (field(chunk, key) !== undefined) raw[key] = field(chunk, key);
  return buildUsage({ input: field(chunk, 'prompt_eval_count'), output: field(chunk, 'eval_count') }, raw);
}

/** Provider timing from the nanosecond durations of the final chunk. */
export function readOllamaTiming(chunk: unknown): ProviderTiming | null {
  const generationMs = nanosToMs(field(chunk, 'eval_duration'));
  const promptMs = nanosToMs(field(chunk, 'prompt_eval_duration'));
  const totalMs = nanosToMs(field(chunk, 'total_duration'));
  if (generationMs === null && promptMs === null && totalMs === null) return null;
  return {
    source: 'ollama eval_duration',
    generationMs,
    promptMs,
    totalMs,
    queueMs: nanosToMs(field(chunk, 'load_duration')),
  };
}

/**
 * Deltas for one chunk (a line of the NDJSON stream). Tool calls arrive whole, so each is a start
 * with its arguments; they are keyed by chunk and position, since Ollama sends no stable index.
 */
export function chunkDeltas(chunk: unknown, eventIndex: number): StreamDelta[] {
  const deltas: StreamDelta[] = [];
  const message = field(chunk, 'message');
  const thinking = asString(field(message, 'thinking')) ?? asString(field(chunk, 'thinking'));
  if (thinking) deltas.push({ kind: 'reasoning', eventIndex, text: thinking });
  const text = asString(field(message, 'content')) ?? asString(field(chunk, 'response'));
  if (text) deltas.push({ kind: 'text', eventIndex, text });
  asArray(field(message, 'tool_calls')).forEach((raw, position) => {
    const call = readOllamaToolCall(raw);
    deltas.push({
      kind: 'tool-call-start',
      eventIndex,
      key: `${eventIndex}:${position}`,
      id: call.id,
      name: call.name,
      argumentsText: call.argumentsText,
    });
  });
  const error = asString(field(chunk, 'error'));
  if (error) deltas.push({ kind: 'error', eventIndex, error: { message: error, eventIndex } });
  if (field(chunk, 'done') === true) {
    const usage = readOllamaUsage(chunk);
    if (usage) deltas.push({ kind: 'usage', eventIndex, usage });
    const reason = asString(field(chunk, 'done_reason'));
    if (reason) deltas.push({ kind: 'finish', eventIndex, reason });
  }
  if (deltas.length === 0) deltas.push({ kind: 'other', eventIndex, label: 'chunk' });
  return deltas;
}
