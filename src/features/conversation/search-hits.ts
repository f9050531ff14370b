/**
 * The search's matches in the conversation (issue 17: "n of m", next and previous), counted on the
 * thread, since a virtualized timeline has most rows out of the DOM. Each item's searchable texts
 * are listed in the order its row renders them, and the elements that render them carry
 * `data-search` (searchable.ts), so the k-th match of a row here is the k-th highlighted range in its
 * DOM (ui/text-highlight.ts). Markdown is counted on its source: a term split by markup (`a**b**`)
 * is counted but not highlighted, and the step then lands on the row.
 */
import type { ContentPart } from '../../core/model/conversation';
import type { Thread, ThreadItem } from '../../core/model/thread';
import { countMatches } from '../../core/search/query-terms';
import { describeArguments } from './tool-call-card';
import { splitUrl } from './format-values';

/**
 * One match: its thread item (the timeline's row for it: TimelineModel.rowByItem), its call, and
 * which match of the item it is (from 0).
 */
export interface SearchHit {
  item: number;
  exchange: number;
  k: number;
}

function partTexts(part: ContentPart, out: string[]): void {
  switch (part.kind) {
    case 'text':
    case 'refusal':
      out.push(part.text);
      return;
    case 'reasoning':
      if (!part.redacted) out.push(part.text);
      return;
    case 'tool-call':
      out.push(part.name, describeArguments(part).text);
      return;
    case 'tool-result':
      for (const inner of part.content) partTexts(inner, out);
      return;
    default:
      return;
  }
}

/** The searchable texts of one thread item, in the order its row renders them. */
export function itemSearchTexts(item: ThreadItem): string[] {
  const out: string[] = [];
  switch (item.kind) {
    case 'boundary': {
      const { url, status, model, finishReason } = item.boundary;
      const { host, path } = splitUrl(url);
      out.push(host, path, status === null ? 'no status' : String(status));
      if (model) out.push(model);
      if (finishReason) out.push(`finish: ${finishReason}`);
      break;
    }
    case 'message':
      for (const part of item.message.parts) partTexts(part, out);
      break;
    case 'error':
      if (item.error.type) out.push(item.error.type);
      if (item.error.code !== undefined && item.error.code !== null) out.push(String(item.error.code));
      out.push(item.error.message);
      break;
    case 'unread-body':
      if (!item.body.binary) out.push(item.body.text);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Every match of the pattern in the items of the calls left by the filter (`visible`, null for
 * all), in thread order. The repeated history is not counted: it repeats items counted earlier.
 */
export function findSearchHits(
  thread: Thread,
  pattern: RegExp | null,
  visible: ReadonlySet<number> | null,
): SearchHit[] {
  const hits: SearchHit[] = [];
  if (!pattern) return hits;
  thread.items.forEach((item, itemIndex) => {
    const exchange = item.exchangeIndex;
    if (visible && !visible.has(exchange)) return;
    let k = 0;
    for (const text of itemSearchTexts(item)) {
      const count = countMatches(text, pattern);
      for (let n = 0; n < count; n++) hits.push({ item: itemIndex, exchange, k: k++ });
    }
  });
  return hits;
}
