/**
 * What a parse worker does with one task, as a plain function (tested in Node): each piece decoded
 * as strict UTF-8, then through the safe reader and its format's normalizer (core/cassette/split), then its provider adapter
 * (core/providers `readExchange`) and the per-interaction stream doctor. The full exchanges go
 * into `keep` (the worker holds them); the coordinator gets summaries, findings and light copies.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import { decodePiece, loadPiece } from '../core/cassette/split/split-load';
import { findExchangeAnomalies } from '../core/doctor/find-anomalies';
import { readExchange } from '../core/providers';
import { summarizeExchange, withoutBulk } from '../core/summarize-exchange';
import type { ParsedItem, ParseResult, ParseTask } from './parse-protocol';

export function runParseTask(
  task: ParseTask,
  keep: (index: number, exchange: AnalyzedExchange) => void = () => {},
): ParseResult {
  const { taskId } = task;
  try {
    const items: ParsedItem[] = [];
    const full: AnalyzedExchange[] = [];
    for (const item of task.items) {
      const text = decodePiece(task.bytes.subarray(item.start, item.end));
      const http = text === null ? null : loadPiece(task.format, text, item.index, item.line);
      if (http === null) return { taskId, kind: 'fallback' };
      const exchange = { http, llm: readExchange(http) };
      full.push(exchange);
      items.push({
        summary: summarizeExchange(exchange, item.index),
        findings: findExchangeAnomalies(exchange),
        light: withoutBulk(exchange),
      });
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
