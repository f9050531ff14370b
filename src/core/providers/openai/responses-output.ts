/**
 * Output items and the response object of the OpenAI Responses API in LLM terms
 * (https://platform.openai.com/docs/api-reference/responses/object): `message`, `reasoning`,
 * `function_call`, `custom_tool_call`, and the built-in tools the provider runs itself
 * (`web_search_call`, `file_search_call`, `code_interpreter_call`, `image_generation_call`,
 * `mcp_call`, …, https://platform.openai.com/docs/guides/tools), which become server tool calls.
 *
 * A server call is named after its item type (`web_search_call`), except `mcp_call`, which is named
 * after the MCP tool it ran (`ask_question`): that is what a reader needs, and what facts.json uses.
 */
import type {
  ContentPart,
  OfferedTool,
  ProviderError,
  ProviderTiming,
  Usage,
} from '../../model/conversation';
import type * as wire from './responses-wire';
import { buildUsage, isRecord, safeRecord, toNumber } from '../shared';
import { readResponsesContent, toolCallPart } from './responses-parts';

/** Item types that describe what the provider did but are not calls (listing MCP tools). */
const NON_CALL_ITEMS = new Set(['mcp_list_tools', 'mcp_approval_request', 'compaction']);

/** True for an item the provider executed itself (`web_search_call`, `mcp_call`, …). */
export function isServerCallItem(type: string): boolean {
  return (
    type.endsWith('_call') &&
    type !== 'function_call' &&
    type !== 'custom_tool_call' &&
    type !== 'computer_call' &&
    type !== 'local_shell_call' &&
    type !== 'shell_call' &&
    type !== 'apply_patch_call'
  );
}

/** The name shown for a server call. */
export function serverCallName(item: wire.Item, type: string): string {
  if (type === 'mcp_call' && typeof item.name === 'string' && item.name !== '') return item.name;
  return type;
}

/**
 * The offered tool an MCP call ran through, named as the request's tool list names it
 * (`mcp:deepwiki`, responses-request.ts), so the call counts for that tool.
 */
export function serverCallVia(item: wire.Item, type: string): string | undefined {
  if (type !== 'mcp_call' || typeof item.server_label !== 'string') return undefined;
  return `mcp:${item.server_label}`;
}

/** An `mcp_list_tools` item as the list of tools the MCP server offered the model. */
export function toolListPart(item: wire.Item): ContentPart {
  const tools = (Array.isArray(item.tools) ? item.tools : []).flatMap((tool): OfferedTool[] => {
    if (!isRecord(tool) || typeof tool.name !== 'string') return [];
    return [
      typeof tool.description === 'string' && tool.description !== ''
        ? { name: tool.name, description: tool.description }
        : { name: tool.name },
    ];
  });
  const part: ContentPart = {
    kind: 'tool-list',
    server: typeof item.server_label === 'string' ? `mcp:${item.server_label}` : null,
    tools,
  };
  if (typeof item.error === 'string' && item.error !== '') part.error = item.error;
  return part;
}

/** What the server call was asked to do, as JSON text (`action`, `code`, `queries`, MCP arguments). */
export function serverCallInput(item: wire.Item): string {
  if (typeof item.arguments === 'string') return item.arguments;
  const input = safeRecord();
  // `action.sources` (web search, with `include: ["web_search_call.action.sources"]`) is what the
  // search found, so it belongs to the result; clients also drop it when they send the item back.
  if (isRecord(item.action)) {
    const action = safeRecord();
    for (const key of Object.keys(item.action)) if (key !== 'sources') action[key] = item.action[key];
    input.action = action;
  } else if (item.action !== undefined) input.action = item.action;
  if (typeof item.code === 'string') input.code = item.code;
  if (Array.isArray(item.queries)) input.queries = item.queries;
  return Object.keys(input).length > 0 ? JSON.stringify(input) : '';
}

/** What the server call returned, when the item carries it. */
export function serverCallResult(item: wire.Item): unknown {
  const result = safeRecord();
  for (const key of ['output', 'outputs', 'results', 'result', 'error', 'status'] as const) {
    if (item[key] !== undefined && item[key] !== null) result[key] = item[key];
  }
  // A generated image's base64 is shown as the image part that follows the call, not as text.
  if (item.type === 'image_generation_call' && typeof item.result === 'string' && item.result !== '')
    result.result = `(generated image, ${item.result.length.toLocaleString('en-US')} base64 characters, shown below)`;
  const sources = isRecord(item.action) ? item.action.sources : undefined;
  if (sources !== undefined) result.sources = sources;
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Reasoning text of a reasoning item: its summary parts, else its raw `content` (open models). */
export function reasoningText(item: wire.Item): string {
  const texts: string[] = [];
  const summary = Array.isArray(item.summary) ? item.summary : [];
  for (const part of summary) if (isRecord(part) && typeof part.text === 'string') texts.push(part.text);
  if (texts.length === 0 && Array.isArray(item.content)) {
    for (const part of item.content)
      if (isRecord(part) && typeof part.text === 'string') texts.push(part.text);
  }
  return texts.join('\n\n');
}

/** Parts for one output item (also used for earlier output items repeated in a later `input`). */
export function outputItemToParts(item: wire.Item): ContentPart[] {
  const type = typeof item.type === 'string' ? item.type : 'message';
  const callId = typeof item.call_id === 'string' ? item.call_id : null;
  const name = typeof item.name === 'string' ? item.name : '(unnamed)';
  switch (type) {
    case 'message':
      return readResponsesContent(item.content);
    case 'reasoning': {
      const text = reasoningText(item);
      if (text !== '')
        return [{ kind: 'reasoning', text, summary: Array.isArray(item.summary) && item.summary.length > 0 }];
      // Encrypted or hidden reasoning: say it happened without inventing text.
      if (typeof item.encrypted_content === 'string')
        return [{ kind: 'reasoning', text: '', redacted: true }];
      return [];
    }
    case 'function_call':
      return [toolCallPart(callId, name, typeof item.arguments === 'string' ? item.arguments : '')];
    case 'custom_tool_call':
      return [toolCallPart(callId, name, typeof item.input === 'string' ? item.input : '')];
    case 'computer_call':
    case 'local_shell_call':
    case 'shell_call':
    case 'apply_patch_call':
      return [
        toolCallPart(
          callId,
          type.replace(/_call$/, ''),
          item.action === undefined ? '' : JSON.stringify(item.action),
        ),
      ];
    default:
      break;
  }
  if (isServerCallItem(type)) {
    const part = toolCallPart(
      typeof item.id === 'string' ? item.id : null,
      serverCallName(item, type),
      serverCallInput(item),
      true,
    );
    const result = serverCallResult(item);
    if (result !== undefined) part.serverResult = result;
    const via = serverCallVia(item, type);
    if (via !== undefined) part.via = via;
    const parts: ContentPart[] = [part];
    if (type === 'image_generation_call' && typeof item.result === 'string' && item.result !== '') {
      parts.push(generatedImagePart(item, item.result));
    }
    return parts;
  }
  if (type === 'mcp_list_tools') return [toolListPart(item)];
  return [{ kind: 'unknown', label: NON_CALL_ITEMS.has(type) ? type : type || 'output item', raw: item }];
}

/**
 * The image of an `image_generation_call` item: base64 `result` in the item's `output_format`
 * (`png` by default, `jpeg`, `webp`;
 * https://platform.openai.com/docs/api-reference/responses/object#responses/object-output).
 */
export function generatedImagePart(item: wire.Item, base64: string): Extract<ContentPart, { kind: 'image' }> {
  const raw = item as unknown as Record<string, unknown>;
  const format = typeof raw.output_format === 'string' ? raw.output_format.toLowerCase() : 'png';
  const mimeType = format === 'jpg' ? 'image/jpeg' : `image/${format.replace(/[^a-z0-9.+-]/g, '') || 'png'}`;
  const part: Extract<ContentPart, { kind: 'image' }> = {
    kind: 'image',
    source: { kind: 'inline', mimeType, base64 },
  };
  if (typeof raw.revised_prompt === 'string' && raw.revised_prompt !== '')
    part.revisedPrompt = raw.revised_prompt;
  return part;
}

/** All parts of a response's `output`, in order. */
export function outputToParts(output: unknown): ContentPart[] {
  if (!Array.isArray(output)) return [];
  return output.flatMap((item) =>
    isRecord(item)
      ? outputItemToParts(item as wire.Item)
      : [{ kind: 'unknown' as const, label: 'output item', raw: item }],
  );
}

/** `completed`, `incomplete:max_output_tokens`, `failed`, `queued`, … (facts.json convention). */
export function finishReasonOf(response: wire.Response): string | null {
  if (typeof response.status !== 'string') return null;
  const reason = response.incomplete_details?.reason;
  if (response.status === 'incomplete' && typeof reason === 'string') return `incomplete:${reason}`;
  return response.status;
}

/** Normalized usage, with cached and reasoning tokens; xAI reports its cost in 1e-10 USD ticks. */
export function readResponsesUsage(raw: unknown): Usage | null {
  if (!isRecord(raw)) return null;
  const usage = raw as wire.Usage;
  const details = isRecord(usage.input_tokens_details) ? usage.input_tokens_details : {};
  const outputDetails = isRecord(usage.output_tokens_details) ? usage.output_tokens_details : {};
  const ticks = toNumber(usage.cost_in_usd_ticks);
  return buildUsage(
    {
      input: usage.input_tokens,
      output: usage.output_tokens,
      total: usage.total_tokens,
      cacheRead: details.cached_tokens,
      cacheWrite: details.cache_write_tokens,
      reasoning: outputDetails.reasoning_tokens,
      costUsd: ticks !== null ? ticks / 1e10 : usage.cost,
    },
    raw,
  );
}

/** An error object (`response.error`, an HTTP error body's `error`, an `error` event). */
export function readResponsesError(raw: unknown, eventIndex?: number): ProviderError | null {
  if (typeof raw === 'string')
    return eventIndex === undefined ? { message: raw } : { message: raw, eventIndex };
  if (!isRecord(raw)) return null;
  const object = raw as wire.ErrorObject;
  const error: ProviderError = {
    message: typeof object.message === 'string' ? object.message : JSON.stringify(raw),
  };
  if (typeof object.type === 'string') error.type = object.type;
  if (typeof object.code === 'string' || typeof object.code === 'number') error.code = object.code;
  if (eventIndex !== undefined) error.eventIndex = eventIndex;
  return error;
}

/** Provider timing from `created_at` and `completed_at` (Unix seconds, so 1 s resolution). */
export function readResponsesTiming(response: wire.Response): ProviderTiming | null {
  const created = toNumber(response.created_at);
  const completed = toNumber(response.completed_at);
  if (created === null || completed === null || completed < created) return null;
  return { source: 'openai-responses created_at/completed_at', totalMs: (completed - created) * 1000 };
}
