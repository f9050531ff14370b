/**
 * What "the same conversation" means for an export read back (issue 19): the thread's messages,
 * tool calls with their arguments, tool results and the links between them, the tools offered,
 * errors, and per call the API, model, status, usage and finish reason. Left out is what HAR
 * cannot say the same way: timings, the file's format and its line numbers.
 */
import type { AnalyzedCassette } from '../model/analysis';
import type { ThreadItem } from '../model/thread';

function withoutTiming(item: ThreadItem): unknown {
  if (item.kind !== 'boundary') return item;
  const { durationMs: _durationMs, ...boundary } = item.boundary;
  return { ...item, boundary };
}

export function conversationOf(analyzed: AnalyzedCassette) {
  const { thread } = analyzed;
  return {
    items: thread.items.map(withoutTiming),
    tools: thread.tools,
    links: thread.links,
    totalUsage: thread.totalUsage,
    calls: analyzed.exchanges.map(({ llm }) => ({
      api: llm.api,
      model: llm.response?.model ?? llm.request?.model ?? null,
      finishReason: llm.response?.finishReason ?? null,
      usage: llm.response?.usage ?? null,
      error: llm.response?.error ?? null,
    })),
  };
}
