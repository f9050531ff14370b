/**
 * Cohere v2 chat messages and content in LLM terms, shared by the request reader and the response
 * reader. Reference: https://docs.cohere.com/reference/chat (request `messages`, response `message`).
 *
 * - roles: `system`, `user`, `assistant`, `tool`;
 * - content: a string, or parts `text`, `image_url` (`{url}`, data URLs allowed), `thinking`
 *   (reasoning models, https://docs.cohere.com/docs/reasoning), `document`;
 * - assistant `tool_plan` (the model's stated plan before calling tools) is shown as reasoning;
 * - assistant `tool_calls`: `{id, type: "function", function: {name, arguments}}` with arguments
 *   as a JSON string; tool messages answer with `tool_call_id`.
 */
import type { ContentPart, Message, Role, ToolCallPart, ToolDefinition } from '../../model/conversation';
import {
  asArray,
  asString,
  field,
  isRecord,
  mediaFromUrl,
  parseArguments,
  path,
  unknownPart,
} from '../shared';
import { appendAll } from '../../../lib/arrays';

const ROLES: readonly string[] = ['system', 'developer', 'user', 'assistant', 'tool'];

/** One content part of a Cohere message. */
function readCohereContentPart(raw: unknown): ContentPart {
  const type = asString(field(raw, 'type')) ?? '';
  switch (type) {
    case 'text':
      return { kind: 'text', text: asString(field(raw, 'text')) ?? '' };
    case 'thinking':
      return {
        kind: 'reasoning',
        text: asString(field(raw, 'thinking')) ?? asString(field(raw, 'text')) ?? '',
      };
    case 'image_url': {
      const url = asString(path(raw, 'image_url', 'url')) ?? asString(field(raw, 'image_url'));
      if (url === undefined) return unknownPart(type, raw);
      const image: ContentPart = { kind: 'image', source: mediaFromUrl(url) };
      const detail = asString(path(raw, 'image_url', 'detail'));
      if (detail !== undefined) image.detail = detail;
      return image;
    }
    case 'document': {
      const document = field(raw, 'document');
      const data = field(document, 'data');
      const text = typeof data === 'string' ? data : data === undefined ? undefined : JSON.stringify(data);
      const part: ContentPart = { kind: 'document', source: null };
      if (text !== undefined) part.text = text;
      const title = asString(path(document, 'data', 'title')) ?? asString(field(document, 'id'));
      if (title !== undefined) part.title = title;
      return part;
    }
    default:
      return unknownPart(type || 'content part', raw);
  }
}

/** Message content: a string or a list of parts. */
function readCohereContent(content: unknown): ContentPart[] {
  if (typeof content === 'string') return content === '' ? [] : [{ kind: 'text', text: content }];
  if (Array.isArray(content)) return content.map(readCohereContentPart);
  return content === undefined || content === null ? [] : [unknownPart('content', content)];
}

/** A tool call `{id, type, function: {name, arguments}}`. */
function readCohereToolCall(raw: unknown): ToolCallPart {
  const args = field(field(raw, 'function'), 'arguments');
  const argumentsText = typeof args === 'string' ? args : args === undefined ? '' : JSON.stringify(args);
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

/** One message of a request's `messages`, or the response `message`. */
export function readCohereMessage(raw: unknown): Message {
  if (!isRecord(raw)) return { role: 'user', parts: [unknownPart('message', raw)] };
  const roleText = asString(field(raw, 'role')) ?? 'user';
  const role = (ROLES.includes(roleText) ? roleText : 'user') as Role;
  if (role === 'tool') {
    const result: ContentPart = {
      kind: 'tool-result',
      callId: asString(field(raw, 'tool_call_id')) ?? null,
      content: readToolResultContent(field(raw, 'content')),
    };
    return { role, parts: [result] };
  }
  const parts: ContentPart[] = [];
  const plan = asString(field(raw, 'tool_plan'));
  if (plan) parts.push({ kind: 'reasoning', text: plan });
  appendAll(parts, readCohereContent(field(raw, 'content')));
  for (const call of asArray(field(raw, 'tool_calls'))) parts.push(readCohereToolCall(call));
  const citations = asArray(field(raw, 'citations'));
  if (citations.length > 0) {
    const text = parts.find((p) => p.kind === 'text');
    if (text && text.kind === 'text') text.citations = citations;
  }
  return { role, parts };
}

/** Tool result content: a string, text parts, or `document` parts. */
function readToolResultContent(content: unknown): ContentPart[] {
  return readCohereContent(content);
}

/** `tools: [{type: "function", function: {name, description, parameters}}]`. */
export function readCohereTool(raw: unknown): ToolDefinition {
  const fn = field(raw, 'function');
  const definition: ToolDefinition = {
    name: asString(field(fn, 'name')) ?? asString(field(raw, 'name')) ?? '(unnamed)',
    type: asString(field(raw, 'type')) ?? 'function',
  };
  const description = asString(field(fn, 'description'));
  if (description !== undefined) definition.description = description;
  const parameters = field(fn, 'parameters') ?? field(raw, 'parameter_definitions');
  if (parameters !== undefined) definition.parameters = parameters;
  return definition;
}
