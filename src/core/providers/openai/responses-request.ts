/**
 * The request side of the OpenAI Responses API: `instructions`, `input` items and `tools` in LLM
 * terms. Input items follow https://platform.openai.com/docs/api-reference/responses/create
 * (`input`): messages (EasyInputMessage without `type`, or `type: "message"`), `function_call`,
 * `function_call_output`, `reasoning`, `item_reference`, built-in `*_call` items and their outputs.
 *
 * Consecutive assistant-side items (reasoning, calls, assistant messages) are folded into one
 * assistant message, as Chat Completions would carry them, so the thread can compare histories
 * across APIs. Tool outputs become one `tool` message each. Nothing is dropped: an item type we
 * do not know becomes an `unknown` part.
 */
import type { ContentPart, LlmRequest, Message, Role, ToolDefinition } from '../../model/conversation';
import type * as wire from './responses-wire';
import { isRecord, omitParams, safeRecord } from '../shared';
import { readResponsesContent, readToolOutput } from './responses-parts';
import { outputItemToParts } from './responses-output';
import { appendAll } from '../../../lib/arrays';

const SHOWN_KEYS = ['model', 'input', 'instructions', 'tools', 'stream'];

const ROLES: readonly Role[] = ['system', 'developer', 'user', 'assistant', 'tool'];

function toRole(value: unknown): Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value) ? (value as Role) : 'user';
}

/** Read the Responses request body (already parsed JSON). Never throws. */
export function readResponsesRequest(body: unknown): LlmRequest {
  const request = (isRecord(body) ? body : {}) as wire.CreateRequest;
  const messages: Message[] = [];
  if (typeof request.instructions === 'string' && request.instructions !== '') {
    messages.push({ role: 'system', parts: [{ kind: 'text', text: request.instructions }] });
  } else if (Array.isArray(request.instructions)) {
    appendAll(messages, readInputItems(request.instructions));
  }
  if (typeof request.input === 'string') {
    messages.push({ role: 'user', parts: [{ kind: 'text', text: request.input }] });
  } else if (Array.isArray(request.input)) {
    appendAll(messages, readInputItems(request.input));
  }
  return {
    model: typeof request.model === 'string' ? request.model : null,
    messages,
    tools: Array.isArray(request.tools) ? request.tools.map(readTool) : [],
    stream: request.stream === true,
    params: omitParams(body, SHOWN_KEYS),
  };
}

/** Turn input items into messages, folding runs of assistant-side items into one message. */
function readInputItems(items: readonly unknown[]): Message[] {
  const messages: Message[] = [];
  let assistant: Message | null = null;
  const pushAssistantParts = (parts: ContentPart[]): void => {
    if (parts.length === 0) return;
    if (!assistant) {
      assistant = { role: 'assistant', parts: [] };
      messages.push(assistant);
    }
    appendAll(assistant.parts, parts);
  };
  for (const raw of items) {
    if (!isRecord(raw)) {
      messages.push({ role: 'user', parts: [{ kind: 'unknown', label: 'input item', raw }] });
      assistant = null;
      continue;
    }
    const item = raw as wire.Item;
    const type = typeof item.type === 'string' ? item.type : 'message';
    if (type === 'message') {
      const role = toRole(item.role);
      const parts = readResponsesContent(item.content);
      if (role === 'assistant') {
        pushAssistantParts(parts);
      } else {
        messages.push({ role, parts });
        assistant = null;
      }
      continue;
    }
    if (type.endsWith('_output') || type === 'mcp_approval_response') {
      messages.push({ role: 'tool', parts: [toolResultFromItem(item, type)] });
      assistant = null;
      continue;
    }
    if (type === 'item_reference') {
      pushAssistantParts([{ kind: 'unknown', label: 'item_reference', raw }]);
      continue;
    }
    // function_call, reasoning, web_search_call, mcp_call, …: what the model produced earlier.
    pushAssistantParts(outputItemToParts(item));
  }
  return messages;
}

function toolResultFromItem(item: wire.Item, type: string): ContentPart {
  const callId =
    typeof item.call_id === 'string' ? item.call_id : typeof item.id === 'string' ? item.id : null;
  const content =
    type === 'mcp_approval_response'
      ? [{ kind: 'unknown' as const, label: type, raw: item }]
      : readToolOutput(item.output);
  return { kind: 'tool-result', callId, content };
}

/** A tool definition: client `function`/`custom` tools by name, built-ins by type. */
function readTool(raw: unknown): ToolDefinition {
  if (!isRecord(raw)) return { name: 'unknown', type: 'unknown', parameters: raw };
  const tool = raw as wire.Tool;
  const type = typeof tool.type === 'string' ? tool.type : 'function';
  if (type === 'function' || type === 'custom') {
    const definition: ToolDefinition = {
      name: typeof tool.name === 'string' ? tool.name : '(unnamed)',
      type,
    };
    if (typeof tool.description === 'string') definition.description = tool.description;
    if (tool.parameters !== undefined) definition.parameters = tool.parameters;
    return definition;
  }
  // Built-in tools carry configuration rather than a schema; keep it visible as the parameters.
  const config = safeRecord();
  for (const key of Object.keys(raw)) if (key !== 'type') config[key] = raw[key];
  const name = type === 'mcp' && typeof tool.server_label === 'string' ? `mcp:${tool.server_label}` : type;
  return Object.keys(config).length > 0 ? { name, type, parameters: config } : { name, type };
}
