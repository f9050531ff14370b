/**
 * One conversation across all interactions of a cassette (model/thread.ts). For each exchange, in
 * file order:
 *
 * 1. a boundary (call number, status, duration, model, tokens) so every HTTP call stays visible;
 * 2. the request's messages: the leading ones already on screen are folded into one `history` item
 *    (structural comparison, see message-key.ts), the rest are shown as new `message` items;
 * 3. the response's assistant message, and an `error` item for an HTTP error or an in-stream error;
 * 4. a `raw` item when no adapter understood the exchange (the view shows the raw HTTP), or an
 *    `unread-body` item where the message would be when a known API's body could not be read.
 *
 * Then tool calls are numbered and linked to their results (tool-links.ts), every tool definition
 * is listed once with its call count, and usage is summed.
 */
import type { AnalyzedExchange } from '../model/analysis';
import type { Message, Role, ToolDefinition, Usage } from '../model/conversation';
import type { ExchangeBoundary, PartRef, Thread, ThreadItem, ThreadTool } from '../model/thread';
import { addUsage, usageCounts } from '../providers/shared/usage';
import { messageKey, resultsKey, toolTurnKey } from './message-key';
import { countToolCalls } from './tool-call-counts';
import { linkToolCalls } from './tool-links';

/** Messages already on screen, by structural key, with the thread item that shows each. */
class ShownMessages {
  private readonly keys = new Map<string, number>();

  add(message: Message, itemIndex: number): void {
    this.keys.set(messageKey(message), itemIndex);
    const turn = toolTurnKey(message);
    if (turn) this.keys.set(turn, itemIndex);
    const results = resultsKey(message);
    if (results) this.keys.set(results, itemIndex);
  }

  /** The thread item already showing this message, if any. */
  find(message: Message, aliases: ReadonlyMap<string, PartRef>): number | undefined {
    const byKey = this.keys.get(messageKey(message));
    if (byKey !== undefined) return byKey;
    const turn = toolTurnKey(message);
    if (turn !== null) return this.keys.get(turn);
    // Results answering re-named calls: compare their contents only.
    const results = resultsKey(message);
    const renamed = message.parts.every(
      (p) => p.kind === 'tool-result' && p.callId !== null && aliases.has(p.callId),
    );
    return results !== null && renamed ? this.keys.get(results) : undefined;
  }
}

/**
 * A folded history message may name its tool calls differently from the shown one (a client that
 * re-ids calls, the Responses API `fc_…` item ids vs `call_…` call ids, or a history carried over
 * from another provider's run that had no ids). Results refer to the ids the client sent, so map
 * each of those ids to the shown call, pairing calls by order.
 */
function aliasFoldedCalls(
  folded: Message,
  shown: Message,
  shownItem: number,
  aliases: Map<string, PartRef>,
): void {
  const shownCalls: number[] = [];
  shown.parts.forEach((part, index) => {
    if (part.kind === 'tool-call') shownCalls.push(index);
  });
  let k = 0;
  for (const part of folded.parts) {
    if (part.kind !== 'tool-call') continue;
    const shownIndex = shownCalls[k];
    k += 1;
    if (shownIndex === undefined || !part.id) continue;
    const shownPart = shown.parts[shownIndex];
    if (shownPart?.kind === 'tool-call' && shownPart.id !== part.id)
      aliases.set(part.id, { item: shownItem, part: shownIndex });
  }
}

function boundaryOf({ http, llm }: AnalyzedExchange): ExchangeBoundary {
  return {
    exchangeIndex: http.index,
    method: http.request.method,
    url: http.request.url,
    status: http.response?.status ?? null,
    durationMs: http.timing.durationMs,
    model: llm.request?.model ?? llm.response?.model ?? null,
    apiLabel: llm.apiLabel,
    streamed: llm.stream !== null,
    usage: usageCounts(llm.response?.usage),
    finishReason: llm.response?.finishReason ?? null,
  };
}

/** True when no adapter gave the exchange any LLM meaning. */
function isUnderstood({ llm }: AnalyzedExchange): boolean {
  return (
    llm.apiFamily !== 'other' ||
    llm.request !== null ||
    (llm.response?.message ?? null) !== null ||
    llm.response?.unreadBody !== undefined
  );
}

/** The roles of the first `count` messages, each once, in order of first appearance. */
function rolesOf(messages: readonly Message[], count: number): Role[] {
  const roles: Role[] = [];
  for (let index = 0; index < count; index++) {
    const role = messages[index]!.role;
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

function toolKey(tool: ToolDefinition): string {
  return `${tool.type}\u0000${tool.name}`;
}

/**
 * Builds the thread one exchange at a time, in file order, so a load can build it while later
 * interactions are still being read (issue 9) instead of in one pass at the end.
 */
export class ThreadBuilder {
  private readonly items: ThreadItem[] = [];
  private readonly shown = new ShownMessages();
  private readonly tools = new Map<string, ThreadTool>();
  private readonly aliases = new Map<string, PartRef>();
  private totalUsage: Usage | null = null;
  private added = 0;
  private taken = 0;

  /** The next exchange in file order. */
  add(exchange: AnalyzedExchange): void {
    const { items, shown, tools, aliases } = this;
    const position = this.added++;
    const exchangeIndex = exchange.http.index ?? position;
    const { llm, http } = exchange;
    items.push({ kind: 'boundary', exchangeIndex, boundary: boundaryOf(exchange) });
    if (!isUnderstood(exchange)) {
      items.push({ kind: 'raw', exchangeIndex });
      // Unknown traffic that failed still shows its error prominently (issue 4).
      const error = llm.response?.error;
      if (error) items.push({ kind: 'error', exchangeIndex, status: http.response?.status ?? null, error });
      return;
    }
    const messages = llm.request?.messages ?? [];
    let folded = 0;
    for (; folded < messages.length; folded += 1) {
      const message = messages[folded]!;
      const shownItem = shown.find(message, aliases);
      if (shownItem === undefined) break;
      const item = items[shownItem];
      if (item?.kind === 'message') aliasFoldedCalls(message, item.message, shownItem, aliases);
    }
    if (folded > 0)
      items.push({ kind: 'history', exchangeIndex, count: folded, roles: rolesOf(messages, folded) });
    for (const message of messages.slice(folded)) {
      items.push({ kind: 'message', exchangeIndex, source: 'request', message });
      shown.add(message, items.length - 1);
    }
    for (const tool of llm.request?.tools ?? []) {
      const key = toolKey(tool);
      if (!tools.has(key))
        tools.set(key, { definition: tool, callCount: 0, firstExchangeIndex: exchangeIndex });
    }

    const response = llm.response;
    const status = http.response?.status ?? null;
    const message = response?.message ?? null;
    if (message && (message.parts.length > 0 || !response?.error)) {
      items.push({ kind: 'message', exchangeIndex, source: 'response', message });
      shown.add(message, items.length - 1);
    }
    if (response?.unreadBody) items.push({ kind: 'unread-body', exchangeIndex, body: response.unreadBody });
    if (response?.error) {
      items.push({ kind: 'error', exchangeIndex, status, error: response.error });
    } else if (status !== null && status >= 400) {
      const text = http.response?.statusText ? ` ${http.response.statusText}` : '';
      items.push({
        kind: 'error',
        exchangeIndex,
        status,
        error: { message: `HTTP ${status}${text}`, type: null },
      });
    }
    if (!response && !llm.request) items.push({ kind: 'raw', exchangeIndex });
    this.totalUsage = addUsage(this.totalUsage, response?.usage ?? null);
  }

  /**
   * The items added since the last call. Items never change once added (linking only reads them),
   * so a load can send them ahead in pieces and `finish` then needs to send only the rest.
   */
  takeItems(): ThreadItem[] {
    const fresh = this.items.slice(this.taken);
    this.taken = this.items.length;
    return fresh;
  }

  /** The thread of everything added: tool calls numbered and linked, definitions counted. */
  finish(): Thread {
    const { items, tools, aliases, totalUsage } = this;
    const links = linkToolCalls(items, aliases);
    return { items, tools: countToolCalls([...tools.values()], links, items), links, totalUsage };
  }
}

/** Build the thread. Pure; never throws on adapter output that follows the model types. */
export function buildThread(exchanges: AnalyzedExchange[]): Thread {
  const builder = new ThreadBuilder();
  for (const exchange of exchanges) builder.add(exchange);
  return builder.finish();
}
