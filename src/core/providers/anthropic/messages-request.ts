/**
 * Anthropic Messages request body → LlmRequest. Also used for Claude on Vertex AI and on Bedrock
 * InvokeModel, whose bodies are the same API minus `model` (it is in the URL) plus
 * `anthropic_version`.
 *
 * API reference: https://docs.anthropic.com/en/api/messages (request: model, messages, system,
 * tools, tool_choice, thinking, stream, max_tokens, …),
 * https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/overview (client and server tools),
 * https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/claude/use-claude,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html
 */
import type { LlmRequest, Message, Role, ToolDefinition } from '../../model/conversation';
import { contentBlocksToParts, systemParts } from './content-blocks';
import { omitParams } from '../shared';
import { arrayField, field, isRecord, stringField } from './value-guards';
import { appendAll } from '../../../lib/arrays';

/** Top-level request fields shown as messages, tools or model rather than as parameters. */
const SHOWN_FIELDS = ['model', 'messages', 'system', 'tools', 'stream'] as const;

function readRole(value: unknown): Role {
  return value === 'assistant' ? 'assistant' : value === 'system' ? 'system' : 'user';
}

/** Client tools have no `type` (or `custom`); server and built-in tools name their versioned type. */
function readAnthropicTool(tool: unknown): ToolDefinition {
  const type = stringField(tool, 'type');
  const definition: ToolDefinition = {
    name: stringField(tool, 'name') ?? type ?? '(unnamed tool)',
    type: type === undefined || type === 'custom' ? 'function' : type,
  };
  const description = stringField(tool, 'description');
  if (description !== undefined) definition.description = description;
  const schema = field(tool, 'input_schema');
  if (schema !== undefined) definition.parameters = schema;
  return definition;
}

/** The `messages` array → messages; a non-object entry is kept as an unknown part of a user message. */
function readAnthropicMessages(messages: unknown[]): Message[] {
  return messages.map((message): Message => {
    if (!isRecord(message))
      return { role: 'user', parts: [{ kind: 'unknown', label: 'message', raw: message }] };
    return { role: readRole(field(message, 'role')), parts: contentBlocksToParts(field(message, 'content')) };
  });
}

/**
 * Read a Messages request. `modelFromUrl` is used when the body has no `model` (Vertex AI and
 * Bedrock put the model in the path).
 */
export function readAnthropicRequest(body: unknown, modelFromUrl: string | null = null): LlmRequest {
  const messages: Message[] = [];
  const system = systemParts(field(body, 'system'));
  if (system.length > 0) messages.push({ role: 'system', parts: system });
  appendAll(messages, readAnthropicMessages(arrayField(body, 'messages')));
  return {
    model: stringField(body, 'model') ?? modelFromUrl,
    messages,
    tools: arrayField(body, 'tools').map(readAnthropicTool),
    stream: field(body, 'stream') === true,
    params: omitParams(body, SHOWN_FIELDS),
  };
}

/** True when a parsed body looks like a Messages request (used by detection behind proxies). */
export function looksLikeAnthropicRequest(body: unknown): boolean {
  if (!isRecord(body) || !Array.isArray(body.messages)) return false;
  if (typeof body.anthropic_version === 'string') return true;
  // `max_tokens` is required by Anthropic and `system` is top-level (OpenAI puts it in messages).
  const hasAnthropicOnlyShape =
    typeof body.max_tokens === 'number' &&
    (body.system !== undefined ||
      body.messages.some(
        (m) =>
          Array.isArray(field(m, 'content')) &&
          arrayField(m, 'content').some((b) =>
            ['tool_use', 'tool_result', 'thinking'].includes(stringField(b, 'type') ?? ''),
          ),
      ));
  return hasAnthropicOnlyShape;
}
