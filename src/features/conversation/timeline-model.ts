/**
 * The timeline's view model: pure functions over the core `Thread` (src/core/model/thread.ts).
 * Views never parse; this only rearranges what core built into rows and lookup tables:
 * - one row per thread item, plus a tool-definitions row first and a total-usage row last;
 * - tool links indexed both ways (call part → link, result part → link), so a call card can show
 *   its result and a result card can point back to "call #1";
 * - the row of each exchange's boundary, so selecting an exchange can scroll to it;
 * - each run of two or more calls no LLM API adapter read, in a file that has LLM calls, folded
 *   into one line ("22 other HTTP calls") unless opened, so the LLM calls come first (issue 16).
 */
import { isLlmCall } from '../../core/llm-call';
import type { CassetteOverview } from '../../core/model/overview';
import type { ContentPart } from '../../core/model/conversation';
import type { PartRef, Thread, ThreadItem, ToolLink } from '../../core/model/thread';

/** One rendered row of the timeline. */
export type TimelineRow =
  | { kind: 'tools'; key: string }
  | { kind: 'item'; key: string; itemIndex: number; item: ThreadItem }
  /** A folded run of other HTTP calls: their exchange indices, in order. */
  | { kind: 'other-calls'; key: string; exchanges: number[] }
  | { kind: 'total'; key: string };

export interface TimelineModel {
  rows: TimelineRow[];
  /** Row index of each exchange's boundary (or first row of that exchange). */
  rowByExchange: Map<number, number>;
  /** Row index of each thread item. */
  rowByItem: Map<number, number>;
  linkByCall: Map<string, ToolLink>;
  linkByResult: Map<string, ToolLink>;
}

/** Map key of a part position. */
export function partKey(ref: PartRef): string {
  return `${ref.item}:${ref.part}`;
}

/** Shortest run of other calls worth a fold line (one call's card is no taller than its line). */
const MIN_FOLDED_RUN = 2;

/**
 * Build the rows and lookup tables for a cassette's thread. `opened` holds exchanges whose run of
 * other HTTP calls the user opened; a folded exchange's row (and its items' rows) is the fold line.
 */
export function buildTimelineModel(
  overview: CassetteOverview,
  opened: ReadonlySet<number> = new Set(),
): TimelineModel {
  const thread: Thread = overview.thread;
  const rows: TimelineRow[] = [];
  const rowByExchange = new Map<number, number>();
  const rowByItem = new Map<number, number>();
  if (thread.tools.length > 0) rows.push({ kind: 'tools', key: 'tools' });
  const other = (exchangeIndex: number) => {
    const summary = overview.exchanges[exchangeIndex];
    return summary !== undefined && !isLlmCall(summary);
  };
  const folds = overview.exchanges.some(isLlmCall);
  let run: number[] = [];
  const flush = () => {
    const exchanges = [...new Set(run.map((itemIndex) => thread.items[itemIndex]!.exchangeIndex))];
    const fold = exchanges.length >= MIN_FOLDED_RUN && !exchanges.some((index) => opened.has(index));
    if (fold) {
      for (const index of exchanges) rowByExchange.set(index, rows.length);
      for (const itemIndex of run) rowByItem.set(itemIndex, rows.length);
      rows.push({ kind: 'other-calls', key: `other-${exchanges[0]}`, exchanges });
    } else
      for (const itemIndex of run) {
        const item = thread.items[itemIndex]!;
        rowByItem.set(itemIndex, rows.length);
        if (item.kind === 'boundary' || !rowByExchange.has(item.exchangeIndex))
          rowByExchange.set(item.exchangeIndex, rows.length);
        rows.push({ kind: 'item', key: `item-${itemIndex}`, itemIndex, item });
      }
    run = [];
  };
  thread.items.forEach((item, itemIndex) => {
    if (!folds || !other(item.exchangeIndex)) flush();
    run.push(itemIndex);
    if (!folds || !other(item.exchangeIndex)) flush();
  });
  flush();
  if (thread.totalUsage && overview.exchanges.length > 1) rows.push({ kind: 'total', key: 'total' });
  const linkByCall = new Map<string, ToolLink>();
  const linkByResult = new Map<string, ToolLink>();
  for (const link of thread.links) {
    linkByCall.set(partKey(link.call), link);
    if (link.result) linkByResult.set(partKey(link.result), link);
  }
  return { rows, rowByExchange, rowByItem, linkByCall, linkByResult };
}

/** The part a reference points to, if the thread has it. */
export function partAt(thread: Thread, ref: PartRef): ContentPart | null {
  const item = thread.items[ref.item];
  if (!item || item.kind !== 'message') return null;
  return item.message.parts[ref.part] ?? null;
}

/** Short plain-text preview of a tool result's content, for the call card. */
export function previewToolResult(part: ContentPart | null, maxChars = 240): string {
  if (!part || part.kind !== 'tool-result') return '';
  const text = part.content
    .map((inner) => {
      if (inner.kind === 'text') return inner.text;
      if (inner.kind === 'image') return '[image]';
      return `[${inner.kind}]`;
    })
    .join(' ')
    .trim();
  return text.length > maxChars ? text.slice(0, maxChars) + '…' : text;
}

/** DOM id of a tool call or result card, for in-page anchors. */
export function toolAnchorId(ordinal: number, side: 'call' | 'result'): string {
  return `tool-${side}-${ordinal}`;
}

/** DOM id of an exchange boundary. */
export function boundaryAnchorId(exchangeIndex: number): string {
  return `exchange-${exchangeIndex}`;
}
