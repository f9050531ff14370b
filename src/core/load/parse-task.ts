/**
 * One run of interactions for a parse worker (issue 9), and what it does with it as a plain
 * function (tested in Node): each piece decoded as strict UTF-8, then through the safe reader and
 * its format's normalizer (core/cassette/split), then `readInteraction` (adapter, summary, the
 * interaction's own findings). The full exchanges go into `keep` (the worker holds them); the
 * coordinator gets each interaction's overview item, its exchange without bulk.
 */
import type { DecodeOptions } from '../cassette/body-decoder';
import { decodePiece, loadPiece } from '../cassette/split/split-load';
import type { AnalyzedExchange } from '../model/analysis';
import type { CassetteFormat } from '../model/http';
import { withoutBulk } from '../summarize-exchange';
import { readInteraction, type OverviewItem } from './overview-builder';
import type { TaskItem } from './split-tasks';

export interface ParseTask {
  kind: 'parse';
  taskId: number;
  format: CassetteFormat;
  bytes: Uint8Array;
  /** Per interaction: start and end in `bytes`, its 1-based line in the file, its index. */
  items: TaskItem[];
}

/** One interaction as a parse worker reports it (`light` is withoutBulk of the full exchange). */
export type ParsedItem = OverviewItem;

export type ParseResult =
  | { taskId: number; kind: 'parsed'; items: ParsedItem[] }
  /** A piece could not stand for its place in the whole file: read the whole file instead. */
  | { taskId: number; kind: 'fallback' }
  | { taskId: number; kind: 'error'; message: string };

export function runParseTask(
  task: ParseTask,
  keep: (index: number, exchange: AnalyzedExchange) => void = () => {},
  decode: DecodeOptions = {},
): ParseResult {
  const { taskId } = task;
  try {
    const items: ParsedItem[] = [];
    const full: AnalyzedExchange[] = [];
    for (const item of task.items) {
      const text = decodePiece(task.bytes.subarray(item.start, item.end));
      const http = text === null ? null : loadPiece(task.format, text, item.index, item.line, decode);
      if (http === null) return { taskId, kind: 'fallback' };
      const read = readInteraction(http, item.index);
      full.push(read.exchange);
      items.push({ ...read.item, light: withoutBulk(read.exchange) });
    }
    task.items.forEach((item, k) => keep(item.index, full[k]!));
    return { taskId, kind: 'parsed', items };
  } catch (error) {
    return {
      taskId,
      kind: 'error',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
