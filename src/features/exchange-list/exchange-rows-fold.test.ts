import { describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../../core/model/overview';
import { RAW_HTTP_LABEL } from '../../core/llm-call';
import { toExchangeRows, type ExchangeRow } from './exchange-rows';
import { foldEntries, foldHiding, mixesCalls, nearestLlmCall, type ListEntry } from './exchange-rows-fold';

/** Rows from a pattern: "L" an LLM call, "." another HTTP call (GraphQL, as in Cody's HARs). */
function rowsOf(pattern: string): ExchangeRow[] {
  const summaries = [...pattern].map((mark, index): ExchangeSummary => ({
    index,
    method: 'POST',
    url:
      mark === 'L'
        ? 'https://sourcegraph.com/.api/completions/stream'
        : `https://sourcegraph.com/.api/graphql?Q${index}`,
    status: 200,
    hasResponse: true,
    apiLabel: mark === 'L' ? 'Sourcegraph · Cody' : RAW_HTTP_LABEL,
    apiFamily: 'other',
    model: null,
    eventCount: null,
    durationMs: null,
    usage: null,
    finishReason: null,
    failed: false,
    warningCount: 0,
  }));
  return toExchangeRows(summaries, []);
}

/** An entry list as a pattern: "L"/"." a call, "[n]" a fold line of n calls. */
function shape(entries: ReadonlyArray<ListEntry<ExchangeRow>>): string {
  return entries
    .map((entry) => (entry.kind === 'fold' ? `[${entry.indices.length}]` : entry.row.llm ? 'L' : '.'))
    .join('');
}

const closed = { llmOnly: false, fold: true, opened: new Set<number>() };
const byRow = (row: ExchangeRow) => row;

describe('foldEntries', () => {
  it('folds each run of two or more other calls into one line, and keeps a lone one', () => {
    const rows = rowsOf('.L............LL.........');
    expect(shape(foldEntries(rows, byRow, closed))).toBe('.L[12]LL[9]');
    const fold = foldEntries(rows, byRow, closed)[2];
    expect(fold).toMatchObject({
      kind: 'fold',
      key: 'fold-2',
      indices: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
    });
  });

  it('opens a run when any of its calls is opened', () => {
    const rows = rowsOf('L...L..');
    expect(shape(foldEntries(rows, byRow, { ...closed, opened: new Set([2]) }))).toBe('L...L[2]');
  });

  it('hides every other call with "LLM calls only", fold lines included', () => {
    expect(shape(foldEntries(rowsOf('.L....LL..'), byRow, { ...closed, llmOnly: true }))).toBe('LLL');
  });

  it('folds nothing while the filter is in use, or when the list holds no LLM call', () => {
    expect(shape(foldEntries(rowsOf('L....'), byRow, { ...closed, fold: false }))).toBe('L....');
    expect(shape(foldEntries(rowsOf('.....'), byRow, closed))).toBe('.....');
  });

  it('folds in the order given (a sorted table), not the file order', () => {
    const rows = rowsOf('.L.L.');
    const sorted = [rows[0]!, rows[2]!, rows[4]!, rows[1]!, rows[3]!];
    expect(shape(foldEntries(sorted, byRow, closed))).toBe('[3]LL');
  });
});

describe('foldHiding', () => {
  it('finds the fold line that hides a call, and none for a shown one', () => {
    const entries = foldEntries(rowsOf('L...L'), byRow, closed);
    expect(foldHiding(entries, 2)).toMatchObject({ indices: [1, 2, 3] });
    expect(foldHiding(entries, 0)).toBeNull();
    expect(foldHiding(entries, null)).toBeNull();
  });
});

describe('nearestLlmCall', () => {
  const rows = rowsOf('..L...L..');
  it('moves a hidden selection to the next LLM call, else the one before', () => {
    expect(nearestLlmCall(rows, 3)).toBe(6);
    expect(nearestLlmCall(rows, 0)).toBe(2);
    expect(nearestLlmCall(rows, 8)).toBe(6);
  });
  it('keeps an LLM call, no selection, and a selection the rows do not hold', () => {
    expect(nearestLlmCall(rows, 2)).toBe(2);
    expect(nearestLlmCall(rows, null)).toBeNull();
    expect(nearestLlmCall(rows, 42)).toBe(42);
  });
  it('gives none when no LLM call is left', () => {
    expect(nearestLlmCall(rowsOf('...'), 1)).toBeNull();
  });
});

describe('mixesCalls', () => {
  it('offers the toggle only for a mixed list', () => {
    expect(mixesCalls(rowsOf('.L'))).toBe(true);
    expect(mixesCalls(rowsOf('LL'))).toBe(false);
    expect(mixesCalls(rowsOf('..'))).toBe(false);
  });
});
