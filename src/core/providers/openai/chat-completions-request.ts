/**
 * The request side of OpenAI Chat Completions.
 * API reference: https://platform.openai.com/docs/api-reference/chat/create
 * Messages: system, developer, user, assistant (with `tool_calls`, legacy `function_call`), tool
 * (`tool_call_id`), legacy `function`; content is a string or an array of parts. Tools: `tools`
 * (`{type:"function", function:{name, description, parameters}}` and built-in/custom types) and the
 * legacy `functions` array. Reasoning fields that compatible providers echo back in history
 * (`reasoning`, `reasoning_content`, `reasoning_details`) become reasoning parts.
 */
import type {
  ContentPart,
  LlmRequest,
  Message,
  Role,
  ToolCallPart,
  ToolDefinition,
} from '../../model/conversation';
import { unknownPart } from '../shared/content';
import { asArray, asString, field, isRecord, omitParams, parseArguments } from '../shared/json';
import { readOpenAiContent, reasoningDetailsText } from './wire';
import { appendAll } from '../../../lib/arrays';

const ROLES: ReadonlySet<string> = new Set(['system', 'developer', 'user', 'assistant', 'tool']);

/** Keys of the request that are not shown under "params" because they have their own view. */
const STRUCTURAL_KEYS = ['messages', 'model', 'tools', 'functions', 'stream'];

/** A tool call as written in an assistant message or a plain response. */
export function readToolCall(raw: unknown): ToolCallPart {
  const fn = field(raw, 'function') ?? field(raw, 'custom');
  const argumentsValue = field(fn, 'arguments') ?? field(fn, 'input');
  const argumentsText =
    typeof argumentsValue === 'string'
      ? argumentsValue
      : argumentsValue === undefined
        ? ''
        : JSON.stringify(argumentsValue);
  const call: ToolCallPart = {
    kind: 'tool-call',
    id: asString(field(raw, 'id')) ?? null,
    name: asString(field(fn, 'name')) ?? '',
    argumentsText,
  };
  const parsed = parseArguments(argumentsText);
  if ('arguments' in parsed) call.arguments = parsed.arguments;
  if (parsed.argumentsError !== undefined) call.argumentsError = parsed.argumentsError;
  return call;
}

/** Reasoning carried on an assistant message (DeepSeek/xAI `reasoning_content`, OpenRouter). */
export function readMessageReasoning(message: unknown): ContentPart[] {
  const direct = asString(field(message, 'reasoning_content')) ?? asString(field(message, 'reasoning'));
  const details = reasoningDetailsText(field(message, 'reasoning_details'));
  const text = direct !== undefined && direct !== '' ? direct : details.text;
  if (text === '' && !details.encrypted) return [];
  const part: ContentPart = { kind: 'reasoning', text };
  if (details.signature !== undefined) part.signature = details.signature;
  if (text === '' && details.encrypted) part.redacted = true;
  return [part];
}

/** One request message. */
function readChatMessage(raw: unknown): Message {
  if (!isRecord(raw)) return { role: 'user', parts: [unknownPart('message', raw)] };
  const rawRole = asString(field(raw, 'role')) ?? 'user';
  const name = asString(field(raw, 'name'));
  const content = readOpenAiContent(field(raw, 'content'));

  if (rawRole === 'tool' || rawRole === 'function') {
    const message: Message = {
      role: 'tool',
      parts: [
        {
          kind: 'tool-result',
          callId: asString(field(raw, 'tool_call_id')) ?? null,
          ...(name !== undefined ? { name } : {}),
          content,
        },
      ],
    };
    if (name !== undefined) message.name = name;
    return message;
  }

  const role: Role = ROLES.has(rawRole) ? (rawRole as Role) : 'user';
  const parts: ContentPart[] = [];
  if (role === 'assistant') appendAll(parts, readMessageReasoning(raw));
  appendAll(parts, content);
  if (!ROLES.has(rawRole)) parts.unshift(unknownPart(`role "${rawRole}"`, { role: rawRole }));
  const refusal = asString(field(raw, 'refusal'));
  if (refusal) parts.push({ kind: 'refusal', text: refusal });
  for (const call of asArray(field(raw, 'tool_calls'))) parts.push(readToolCall(call));
  const legacyCall = field(raw, 'function_call');
  if (isRecord(legacyCall)) parts.push(readToolCall({ function: legacyCall }));
  const message: Message = { role, parts };
  if (name !== undefined) message.name = name;
  return message;
}

/** One tool definition (function, custom, or a built-in type kept by its type name). */
function readToolDefinition(raw: unknown): ToolDefinition {
  const type = asString(field(raw, 'type')) ?? 'function';
  const inner = field(raw, type) ?? field(raw, 'function') ?? raw;
  const definition: ToolDefinition = {
    type,
    name: asString(field(inner, 'name')) ?? asString(field(raw, 'name')) ?? type,
  };
  const description = asString(field(inner, 'description'));
  if (description !== undefined) definition.description = description;
  const parameters = field(inner, 'parameters') ?? field(inner, 'format');
  if (parameters !== undefined) definition.parameters = parameters;
  return definition;
}

/** The whole request body. Null when the body is not a JSON object. */
export function readChatRequest(body: unknown): LlmRequest | null {
  if (!isRecord(body)) return null;
  const tools = asArray(field(body, 'tools')).map(readToolDefinition);
  for (const fn of asArray(field(body, 'functions')))
    tools.push(readToolDefinition({ type: 'function', function: fn }));
  return {
    model: asString(field(body, 'model')) ?? null,
    messages: asArray(field(body, 'messages')).map(readChatMessage),
    tools,
    stream: field(body, 'stream') === true,
    params: omitParams(body, STRUCTURAL_KEYS),
  };
}
