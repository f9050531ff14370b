/**
 * Messages between the load worker (coordinator) and its pool of parse workers (issue 9). A task is
 * a contiguous run of interactions: one text slice and where each interaction sits in it, so one
 * structured clone of one string carries many interactions.
 */
import type { AnalyzedExchange } from '../core/model/analysis';
import type { CassetteFormat } from '../core/model/http';

export interface ParseTask {
  taskId: number;
  format: CassetteFormat;
  text: string;
  /** Per interaction: start and end in `text`, its 1-based line in the file, its index. */
  items: Array<{ start: number; end: number; line: number; index: number }>;
}

export type ParseResult =
  | { taskId: number; kind: 'parsed'; exchanges: AnalyzedExchange[] }
  /** A piece could not stand for its place in the whole file: read the whole file instead. */
  | { taskId: number; kind: 'fallback' }
  | { taskId: number; kind: 'error'; message: string };
