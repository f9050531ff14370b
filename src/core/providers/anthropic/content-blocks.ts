/**
 * Anthropic Messages content blocks → the shared ContentPart vocabulary, for request messages and
 * for non-streamed responses alike.
 *
 * API reference: https://docs.anthropic.com/en/api/messages (content block types),
 * https://docs.anthropic.com/en/docs/build-with-claude/tool-use (tool_use / tool_result),
 * https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking (thinking, redacted_thinking),
 * https://docs.anthropic.com/en/docs/agents-and-tools/tool-use/web-search-tool (server_tool_use,
 * web_search_tool_result), https://docs.anthropic.com/en/docs/agents-and-tools/mcp-connector
 * (mcp_tool_use, mcp_tool_result), https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching
 * (cache_control).
 */
import type { ContentPart, MediaSource, ToolCallPart } from '../../model/conversation';
import { argumentsTextOf } from '../shared';
import { arrayField, field, isRecord, stringField } from './value-guards';

/** Server tool results carry `tool_use_id` and a type ending in `_tool_result` (web_search, web_fetch, code_execution, …). */
export function isServerToolResultType(type: string | undefined): boolean {
  return type !== undefined && type !== 'tool_result' && type.endsWith('_tool_result');
}

/** Server-executed tool calls: `server_tool_use` and the MCP connector's `mcp_tool_use`. */
export function isServerToolUseType(type: string | undefined): boolean {
  return type === 'server_tool_use' || type === 'mcp_tool_use';
}

/** A tool call part from a `tool_use` / `server_tool_use` / `mcp_tool_use` block, whose `input` arrived whole. */
function toolCallFromBlock(block: unknown): ToolCallPart {
  const type = stringField(block, 'type');
  const input = field(block, 'input');
  const part: ToolCallPart = {
    kind: 'tool-call',
    id: stringField(block, 'id') ?? null,
    name: stringField(block, 'name') ?? '(unnamed tool)',
    argumentsText: input === undefined ? '' : argumentsTextOf(input),
  };
  if (input !== undefined) part.arguments = input;
  if (isServerToolUseType(type)) part.server = true;
  return part;
}

/** A media source (`base64` or `url`), or null for `file` ids and unknown kinds. */
function mediaSource(source: unknown): MediaSource | null {
  const kind = stringField(source, 'type');
  if (kind === 'base64') {
    return {
      kind: 'inline',
      mimeType: stringField(source, 'media_type') ?? 'application/octet-stream',
      base64: stringField(source, 'data') ?? '',
    };
  }
  if (kind === 'url') return { kind: 'url', url: stringField(source, 'url') ?? '' };
  return null;
}

/** Text of a document source of type `text` or `content` (a list of text blocks). */
function documentText(source: unknown): string | undefined {
  const kind = stringField(source, 'type');
  if (kind === 'text') return stringField(source, 'data');
  if (kind === 'content') {
    const content = field(source, 'content');
    if (typeof content === 'string') return content;
    return arrayField(source, 'content')
      .map((item) => stringField(item, 'text') ?? '')
      .join('');
  }
  return undefined;
}

/** Tool result content: a string or a list of blocks (text, image, document, search_result…). */
function toolResultContent(content: unknown): ContentPart[] {
  if (typeof content === 'string') return [{ kind: 'text', text: content }];
  if (Array.isArray(content)) return content.map((item) => contentBlockToPart(item));
  if (content === undefined || content === null) return [];
  return [{ kind: 'unknown', label: 'tool_result content', raw: content }];
}

/**
 * One content block → one part. Unknown or malformed blocks become `unknown` parts carrying the
 * raw block, so nothing is dropped.
 */
export function contentBlockToPart(block: unknown): ContentPart {
  if (typeof block === 'string') return { kind: 'text', text: block };
  if (!isRecord(block)) return { kind: 'unknown', label: 'content block', raw: block };
  const type = stringField(block, 'type');
  switch (type) {
    case 'text': {
      const part: ContentPart = { kind: 'text', text: stringField(block, 'text') ?? '' };
      if (field(block, 'cache_control') != null) part.cacheControl = true;
      const citations = field(block, 'citations');
      if (Array.isArray(citations)) part.citations = citations;
      return part;
    }
    case 'image': {
      const source = mediaSource(field(block, 'source'));
      return source
        ? { kind: 'image', source }
        : { kind: 'unknown', label: 'image (file or unknown source)', raw: block };
    }
    case 'document': {
      const rawSource = field(block, 'source');
      const part: ContentPart = { kind: 'document', source: mediaSource(rawSource) };
      const title = stringField(block, 'title');
      if (title !== undefined) part.title = title;
      const text = documentText(rawSource);
      if (text !== undefined) part.text = text;
      return part;
    }
    case 'tool_use':
    case 'server_tool_use':
    case 'mcp_tool_use':
      return toolCallFromBlock(block);
    case 'tool_result': {
      const part: ContentPart = {
        kind: 'tool-result',
        callId: stringField(block, 'tool_use_id') ?? null,
        content: toolResultContent(field(block, 'content')),
      };
      if (field(block, 'is_error') === true) part.isError = true;
      return part;
    }
    case 'thinking': {
      const part: ContentPart = { kind: 'reasoning', text: stringField(block, 'thinking') ?? '' };
      const signature = stringField(block, 'signature');
      if (signature) part.signature = signature;
      return part;
    }
    case 'redacted_thinking':
      // The `data` field is encrypted reasoning; there is no text to show, only that it existed.
      return { kind: 'reasoning', text: '', redacted: true };
    default:
      return { kind: 'unknown', label: type ?? 'content block', raw: block };
  }
}

/**
 * A list of blocks → parts. Server tool results (`web_search_tool_result`, `mcp_tool_result`, …)
 * are attached to the server tool call they answer (`serverResult`), as the model intends; a result
 * whose call is not in the same list stays as an `unknown` part.
 */
export function contentBlocksToParts(blocks: unknown): ContentPart[] {
  if (typeof blocks === 'string') return [{ kind: 'text', text: blocks }];
  if (!Array.isArray(blocks))
    return blocks == null ? [] : [{ kind: 'unknown', label: 'content', raw: blocks }];
  const parts: ContentPart[] = [];
  const serverCalls = new Map<string, ToolCallPart>();
  for (const block of blocks) {
    const type = stringField(block, 'type');
    if (isServerToolResultType(type)) {
      const call = serverCalls.get(stringField(block, 'tool_use_id') ?? '');
      if (call) {
        call.serverResult = field(block, 'content') ?? block;
        continue;
      }
    }
    const part = contentBlockToPart(block);
    if (part.kind === 'tool-call' && part.server && part.id) serverCalls.set(part.id, part);
    parts.push(part);
  }
  return parts;
}

/** The `system` field: a string or a list of text blocks (possibly with cache_control). */
export function systemParts(system: unknown): ContentPart[] {
  if (system === undefined || system === null) return [];
  if (typeof system === 'string') return [{ kind: 'text', text: system }];
  return contentBlocksToParts(system);
}
