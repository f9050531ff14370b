/**
 * One conversation across all interactions of a cassette (model/thread.ts). For each exchange, in
 * file order:
 *
 * 1. a boundary (call number, status, duration, model, tokens) so every HTTP call stays visible;
 * 2. the request's messages: the leading ones already on screen are folded into one `history` item
 *    (structural comparison, see message-key.ts), the rest are shown as new `message` items;
 * 3. the response's assistant message, and an `error` item for an HTTP error or an in-stream error;
 * 4. a `raw` item when no adapter understood the exchange (the view shows the raw HTTP).
 *
 * Then tool calls are numbered and linked to their results (tool-links.ts), every tool definition
 * is listed once with its call count, and usage is summed.
 */
import type { AnalyzedExchange } from '../model/analysis';
import type { Message, ToolDefinition, Usage } from '../model/conversation';
import type { ExchangeBoundary, Thread, ThreadItem, ThreadTool } from '../model/thread';
import { addUsage } from '../providers/shared/usage';
import { messageKey, toolTurnKey } from './message-key';
import { linkToolCalls } from './tool-links';

/** Messages already on screen, by structural key. */
class ShownMessages {
  private readonly keys = new Set<string>();

  add(message: Message): void {
    this.keys.add(messageKey(message));
    const turn = toolTurnKey(message);
    if (turn) this.keys.add(turn);
  }

  has(message: Message): boolean {
    if (this.keys.has(messageKey(message))) return true;
    const turn = toolTurnKey(message);
    return turn !== null && this.keys.has(turn);
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
    usage: llm.response?.usage ?? null,
    finishReason: llm.response?.finishReason ?? null,
  };
}

/** True when no adapter gave the exchange any LLM meaning. */
function isUnderstood({ llm }: AnalyzedExchange): boolean {
  return llm.apiFamily !== 'other' || llm.request !== null || llm.response !== null;
}

function toolKey(tool: ToolDefinition): string {
  return `${tool.type}\u0000${tool.name}`;
}

/** Build the thread. Pure; never throws on adapter output that follows the model types. */
export function buildThread(exchanges: AnalyzedExchange[]): Thread {
  const items: ThreadItem[] = [];
  const shown = new ShownMessages();
  const tools = new Map<string, ThreadTool>();
  let totalUsage: Usage | null = null;

  exchanges.forEach((exchange, position) => {
    const exchangeIndex = exchange.http.index ?? position;
    const { llm, http } = exchange;
    items.push({ kind: 'boundary', exchangeIndex, boundary: boundaryOf(exchange) });
    if (!isUnderstood(exchange)) {
      items.push({ kind: 'raw', exchangeIndex });
      return;
    }

    const messages = llm.request?.messages ?? [];
    let folded = 0;
    while (folded < messages.length && shown.has(messages[folded]!)) folded += 1;
    if (folded > 0) items.push({ kind: 'history', exchangeIndex, messages: messages.slice(0, folded) });
    for (const message of messages.slice(folded)) {
      items.push({ kind: 'message', exchangeIndex, source: 'request', message });
      shown.add(message);
    }
    for (const tool of llm.request?.tools ?? []) {
      const key = toolKey(tool);
      if (!tools.has(key)) tools.set(key, { definition: tool, callCount: 0, firstExchangeIndex: exchangeIndex });
    }

    const response = llm.response;
    const status = http.response?.status ?? null;
    const message = response?.message ?? null;
    if (message && (message.parts.length > 0 || !response?.error)) {
      items.push({ kind: 'message', exchangeIndex, source: 'response', message });
      shown.add(message);
    }
    if (response?.error) {
      items.push({ kind: 'error', exchangeIndex, status, error: response.error });
    } else if (status !== null && status >= 400) {
      const text = http.response?.statusText ? ` ${http.response.statusText}` : '';
      items.push({ kind: 'error', exchangeIndex, status, error: { message: `HTTP ${status}${text}`, type: null } });
    }
    if (!response && !llm.request) items.push({ kind: 'raw', exchangeIndex });
    totalUsage = addUsage(totalUsage, response?.usage ?? null);
  });

  const links = linkToolCalls(items);
  const counts = new Map<string, number>();
  for (const link of links) counts.set(link.name, (counts.get(link.name) ?? 0) + 1);
  const threadTools = [...tools.values()].map((tool) => ({ ...tool, callCount: counts.get(tool.definition.name) ?? 0 }));

  return { items, tools: threadTools, links, totalUsage };
}
