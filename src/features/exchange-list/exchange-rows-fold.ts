/**
 * The call list's entries (issue 16): a cassette that mixes LLM calls with other HTTP calls shows
 * the LLM calls first. Each run of two or more other calls, in the order the table shows, becomes
 * one compact line ("25 other HTTP calls") that opens on a click; "LLM calls only" hides the other
 * calls altogether. Pure functions over the rows, so the table only renders what they return, and
 * the rule "the selected call is never hidden" is testable here.
 */
import { appendAll } from '../../lib/arrays';
import type { ExchangeRow } from './exchange-rows';

/** One line of the list: a call, or a folded run of other HTTP calls. */
export type ListEntry<T> =
  | { kind: 'call'; item: T; row: ExchangeRow }
  | { kind: 'fold'; key: string; indices: number[]; rows: ExchangeRow[] };

export interface FoldOptions {
  /** Hide every call no LLM API adapter read. */
  llmOnly: boolean;
  /** Fold runs of other calls; off while the filter box is in use, which asks for its matches. */
  fold: boolean;
  /** Exchange indices whose run the user opened (or the selection was moved into). */
  opened: ReadonlySet<number>;
}

/** Shortest run of other calls worth a fold line: one call is no taller than its fold line. */
export const MIN_FOLDED_RUN = 2;

/**
 * The entries for `items` (the table's rows in display order). Nothing folds unless the list
 * holds an LLM call: a file of plain HTTP calls is shown whole.
 */
export function foldEntries<T>(
  items: readonly T[],
  rowOf: (item: T) => ExchangeRow,
  { llmOnly, fold, opened }: FoldOptions,
): Array<ListEntry<T>> {
  const calls = items.map((item) => ({ kind: 'call' as const, item, row: rowOf(item) }));
  if (llmOnly) return calls.filter((entry) => entry.row.llm);
  if (!fold || !calls.some((entry) => entry.row.llm)) return calls;
  const entries: Array<ListEntry<T>> = [];
  let run: typeof calls = [];
  const flush = () => {
    const open = run.length < MIN_FOLDED_RUN || run.some((entry) => opened.has(entry.row.index));
    if (open) appendAll(entries, run);
    else {
      const rows = run.map((entry) => entry.row);
      const indices = rows.map((row) => row.index);
      entries.push({ kind: 'fold', key: `fold-${indices[0]}`, indices, rows });
    }
    run = [];
  };
  for (const entry of calls) {
    if (entry.row.llm) {
      flush();
      entries.push(entry);
    } else run.push(entry);
  }
  flush();
  return entries;
}

/** The fold line that hides exchange `index`, if one does. */
export function foldHiding<T>(entries: ReadonlyArray<ListEntry<T>>, index: number | null) {
  if (index === null) return null;
  for (const entry of entries) if (entry.kind === 'fold' && entry.indices.includes(index)) return entry;
  return null;
}

/**
 * Where the selection goes when "LLM calls only" hides it: the next LLM call in display order,
 * else the one before, else none. `selected` not in `rows` (or an LLM call) stays as it is.
 */
export function nearestLlmCall(rows: readonly ExchangeRow[], selected: number | null): number | null {
  const position = rows.findIndex((row) => row.index === selected);
  if (position < 0 || rows[position]!.llm) return selected;
  const after = rows.slice(position + 1).find((row) => row.llm);
  if (after) return after.index;
  const before = rows
    .slice(0, position)
    .reverse()
    .find((row) => row.llm);
  return before ? before.index : null;
}

/** True when the list mixes LLM calls with other calls, so the toggle has something to do. */
export function mixesCalls(rows: readonly ExchangeRow[]): boolean {
  return rows.some((row) => row.llm) && rows.some((row) => !row.llm);
}
