/**
 * Numbering tool calls (1, 2, 3… in order of appearance) and linking each result to its call,
 * across interactions. Results carry the call id (OpenAI `tool_call_id`, Anthropic `tool_use_id`,
 * Responses `call_id`, Bedrock `toolUseId`); Gemini has no ids, so its results match the earliest
 * unanswered call of the same name (https://ai.google.dev/gemini-api/docs/function-calling, parallel
 * calls are answered in order). Some providers reuse ids across turns (`call_0`), so an id matches
 * its earliest unanswered call first.
 */
import type { PartRef, ThreadItem, ToolLink } from '../model/thread';

/**
 * Build the links over the thread's message items. `aliases` maps call ids that only appear in
 * folded history to the shown call they stand for (see build-thread.ts).
 */
export function linkToolCalls(
  items: readonly ThreadItem[],
  aliases: ReadonlyMap<string, PartRef> = new Map(),
): ToolLink[] {
  const links: ToolLink[] = [];
  const byId = new Map<string, ToolLink[]>();
  items.forEach((item, itemIndex) => {
    if (item.kind !== 'message') return;
    item.message.parts.forEach((part, partIndex) => {
      if (part.kind === 'tool-call') {
        const link: ToolLink = {
          ordinal: links.length + 1,
          name: part.name,
          id: part.id,
          server: part.server === true,
          call: { item: itemIndex, part: partIndex },
          result: null,
        };
        links.push(link);
        if (part.id) {
          const list = byId.get(part.id);
          if (list) list.push(link);
          else byId.set(part.id, [link]);
        }
      } else if (part.kind === 'tool-result') {
        const alias = part.callId ? aliases.get(part.callId) : undefined;
        const aliased = alias
          ? links.find((l) => l.call.item === alias.item && l.call.part === alias.part)
          : undefined;
        const target =
          (part.callId && byId.has(part.callId) ? null : aliased) ??
          findCall(part.callId, part.name, links, byId);
        if (target) target.result = { item: itemIndex, part: partIndex };
      }
    });
  });
  return links;
}

function findCall(
  callId: string | null,
  name: string | undefined,
  links: readonly ToolLink[],
  byId: ReadonlyMap<string, ToolLink[]>,
): ToolLink | null {
  if (callId) {
    const candidates = byId.get(callId);
    if (!candidates) return null;
    return candidates.find((link) => link.result === null) ?? candidates[candidates.length - 1] ?? null;
  }
  // No id (Gemini): the earliest unanswered client call of that name, else of any name when the
  // result is nameless.
  for (const link of links) {
    if (link.result !== null || link.server) continue;
    if (name === undefined || name === '' || link.name === name) return link;
  }
  return null;
}
