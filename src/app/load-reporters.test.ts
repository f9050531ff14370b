import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CassetteOverview, ExchangeSummary } from '../core/model/overview';
import type { ThreadItem } from '../core/model/thread';
import { batchReporter, progressReporter } from './load-reporters';

/** Summaries told apart by their index; the reporter only moves them around. */
function exchanges(from: number, count: number): ExchangeSummary[] {
  return Array.from({ length: count }, (_, i) => ({ index: from + i }) as ExchangeSummary);
}

const shell = {
  cassette: { fileName: 'x.yaml' },
  exchanges: [],
  thread: { items: [] },
  anomalies: [],
} as unknown as CassetteOverview;

const indexes = (list: readonly ExchangeSummary[]) => list.map((e) => e.index);

describe('batchReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports the first batch at once and coalesces the next ones', () => {
    const reports: number[][] = [];
    const reporter = batchReporter(
      (list) => reports.push(indexes(list)),
      250,
      () => Date.now(),
    );
    reporter.add(exchanges(0, 2));
    expect(reports).toEqual([[0, 1]]);
    reporter.add(exchanges(2, 2));
    reporter.add(exchanges(4, 1));
    expect(reports).toHaveLength(1);
    vi.advanceTimersByTime(250);
    expect(reports).toEqual([
      [0, 1],
      [0, 1, 2, 3, 4],
    ]);
  });

  it('waits longer between reports as more rows are shown (each report renders them all)', () => {
    const reports: number[] = [];
    const reporter = batchReporter(
      (list) => reports.push(list.length),
      250,
      () => Date.now(),
    );
    reporter.add(exchanges(0, 4000));
    reporter.add(exchanges(4000, 64));
    vi.advanceTimersByTime(700);
    expect(reports).toEqual([4000]);
    vi.advanceTimersByTime(50); // 250 ms + 4,000 rows × 0.125 ms
    expect(reports).toEqual([4000, 4064]);
  });

  it('hands over a new array each time, so React sees the change', () => {
    const reports: Array<readonly ExchangeSummary[]> = [];
    const reporter = batchReporter(
      (list) => reports.push(list),
      0,
      () => Date.now(),
    );
    reporter.add(exchanges(0, 1));
    reporter.add(exchanges(1, 1));
    expect(reports).toHaveLength(2);
    expect(reports[0]).not.toBe(reports[1]);
    expect(indexes(reports[0]!)).toEqual([0]);
  });

  it('puts every batch back into the loaded shell in order and stops reporting', () => {
    const onBatch = vi.fn();
    const reporter = batchReporter(onBatch, 250, () => Date.now());
    const boundary = (exchangeIndex: number) => ({ kind: 'raw', exchangeIndex }) as ThreadItem;
    reporter.add(exchanges(0, 3), [boundary(0), boundary(2)]);
    reporter.add(exchanges(3, 3), [boundary(4)]);
    const overview = reporter.complete(shell);
    expect(indexes(overview.exchanges)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(overview.thread.items.map((item) => item.exchangeIndex)).toEqual([0, 2, 4]);
    vi.advanceTimersByTime(1000);
    expect(onBatch).toHaveBeenCalledTimes(1);
  });

  it('on restart drops what it had and tells the page the list is empty again', () => {
    const reports: number[][] = [];
    const reporter = batchReporter(
      (list) => reports.push(indexes(list)),
      250,
      () => Date.now(),
    );
    reporter.add(exchanges(0, 2));
    reporter.restart();
    expect(reports.at(-1)).toEqual([]);
    expect(indexes(reporter.complete(shell).exchanges)).toEqual([]);
  });

  it('still assembles the batches when nobody listens', () => {
    const reporter = batchReporter(undefined);
    reporter.add(exchanges(0, 2));
    reporter.add(exchanges(2, 1));
    expect(indexes(reporter.complete(shell).exchanges)).toEqual([0, 1, 2]);
  });
});

describe('progressReporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const at = (interactionsDone: number) => ({
    bytesDone: interactionsDone,
    bytesTotal: 100,
    interactionsDone,
    interactionsTotal: 100,
  });

  it('passes a new stage at once and coalesces progress within a stage to the latest value', () => {
    const seen: Array<[string, number | undefined]> = [];
    const reporter = progressReporter(
      (stage, progress) => seen.push([stage, progress?.interactionsDone]),
      250,
      () => Date.now(),
    );
    reporter.report('parsing', at(8));
    reporter.report('parsing', at(32));
    reporter.report('parsing', at(96));
    expect(seen).toEqual([['parsing', 8]]);
    vi.advanceTimersByTime(250);
    expect(seen).toEqual([
      ['parsing', 8],
      ['parsing', 96],
    ]);
    reporter.report('parsing', at(99));
    reporter.report('analyzing');
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)).toEqual(['analyzing', undefined]);
    expect(seen).toHaveLength(3);
  });

  it('sends nothing after cancel', () => {
    const onStage = vi.fn();
    const reporter = progressReporter(onStage, 250, () => Date.now());
    reporter.report('parsing', at(1));
    reporter.report('parsing', at(2));
    reporter.cancel();
    vi.advanceTimersByTime(1000);
    expect(onStage).toHaveBeenCalledTimes(1);
  });
});

describe('progressReporter flush', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the held-back value at once, and nothing when none is held', () => {
    const seen: Array<number | undefined> = [];
    const reporter = progressReporter(
      (_stage, progress) => seen.push(progress?.interactionsDone),
      250,
      () => Date.now(),
    );
    const at = (n: number) => ({ bytesDone: n, bytesTotal: 9, interactionsDone: n, interactionsTotal: 9 });
    reporter.report('parsing', at(1));
    reporter.report('parsing', at(5));
    reporter.flush();
    reporter.flush();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1, 5]);
  });
});
