/**
 * What a parse worker does with one task, as a plain function (tested in Node): each piece through
 * the safe reader and its format's normalizer (core/cassette/split), then its provider adapter
 * (core/providers `readExchange`), so the coordinator only threads the results.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import { loadPiece } from '../core/cassette/split/split-load';
import { readExchange } from '../core/providers';
import type { ParseResult, ParseTask } from './parse-protocol';

export function runParseTask(task: ParseTask): ParseResult {
  const { taskId } = task;
  try {
    const exchanges: AnalyzedExchange[] = [];
    for (const item of task.items) {
      const http = loadPiece(task.format, task.text.slice(item.start, item.end), item.index, item.line);
      if (http === null) return { taskId, kind: 'fallback' };
      exchanges.push({ http, llm: readExchange(http) });
    }
    return { taskId, kind: 'parsed', exchanges };
  } catch (error) {
    return {
      taskId,
      kind: 'error',
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
