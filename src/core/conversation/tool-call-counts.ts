/**
 * How often each offered tool was called (issue 18): client calls by their name, and calls the
 * provider ran itself by the tool they ran through. An OpenAI Responses `web_search_call` item is a
 * call of the offered `web_search` (or `web_search_preview`) tool, and an `mcp_call` (named after
 * the MCP tool it ran, `ask_question`) is a call of the `mcp` tool of its `server_label`
 * (https://platform.openai.com/docs/guides/tools-remote-mcp), which the thread names
 * `mcp:deepwiki`. Anthropic's server tools are called by the offered tool's own name.
 */
import type { ThreadItem, ThreadTool, ToolLink } from '../model/thread';

/** `web_search_call`, `web_search_preview_2025_03_11` and `web_search` are one family. */
function family(type: string): string {
  return type
    .replace(/_call$/, '')
    .replace(/_(?:\d{8}|\d{4}_\d{2}_\d{2})$/, '')
    .replace(/_preview$/, '');
}

/** The offered tool a linked call belongs to, or undefined when none was offered. */
function toolOf(
  link: ToolLink,
  items: readonly ThreadItem[],
  tools: readonly ThreadTool[],
): ThreadTool | undefined {
  const byName = tools.find((tool) => tool.definition.name === link.name);
  if (!link.server) return byName;
  const item = items[link.call.item];
  const part = item?.kind === 'message' ? item.message.parts[link.call.part] : undefined;
  const via = part?.kind === 'tool-call' ? part.via : undefined;
  if (via !== undefined) return tools.find((tool) => tool.definition.name === via);
  if (byName) return byName;
  const wanted = family(link.name);
  return tools.find((tool) => tool.definition.type !== 'function' && family(tool.definition.type) === wanted);
}

/** Each tool with `callCount` set from the links (each call counted once, for one tool). */
export function countToolCalls(
  tools: readonly ThreadTool[],
  links: readonly ToolLink[],
  items: readonly ThreadItem[],
): ThreadTool[] {
  const counts = new Map<ThreadTool, number>();
  for (const link of links) {
    const tool = toolOf(link, items, tools);
    if (tool) counts.set(tool, (counts.get(tool) ?? 0) + 1);
  }
  return tools.map((tool) => ({ ...tool, callCount: counts.get(tool) ?? 0 }));
}
