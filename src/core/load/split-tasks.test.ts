import { describe, expect, it } from 'vitest';
import type { ItemSpan } from '../cassette/split/split-interaction-list';
import { taskSize, TaskCutter } from './split-tasks';

/** A scan that has found `count` items of 10 bytes each, `finished` of them final. */
function found(count: number, finished: number) {
  const items: ItemSpan[] = Array.from({ length: count }, (_, i) => ({
    start: i * 10,
    end: (i + 1) * 10,
    line: i * 2 + 3,
  }));
  return { items, finishedCount: finished };
}

describe('TaskCutter', () => {
  it('cuts small first runs, then runs of 64', () => {
    expect([0, 1, 2, 3, 4].map(taskSize)).toEqual([4, 12, 32, 64, 64]);
    const cutter = new TaskCutter(found(4000, 4000));
    cutter.cutReady(true);
    expect(cutter.tasks.slice(0, 4).map((t) => t.items.length)).toEqual([4, 12, 32, 64]);
    expect(cutter.tasks.reduce((sum, t) => sum + t.items.length, 0)).toBe(4000);
    expect(cutter.itemCount).toBe(4000);
  });

  it('cuts only final items, and full runs until the scan is over', () => {
    const scan = found(20, 10);
    const cutter = new TaskCutter(scan);
    expect(cutter.cutReady(false)).toBe(1); // 4 of the 10 final items; 6 wait for a run of 12
    scan.finishedCount = 18;
    expect(cutter.cutReady(false)).toBe(1);
    expect(cutter.itemCount).toBe(16);
    scan.finishedCount = 20;
    expect(cutter.cutReady(true)).toBe(1);
    const last = cutter.tasks.at(-1)!;
    expect(last.items.map((item) => item.index)).toEqual([16, 17, 18, 19]);
    // Offsets are relative to the run's bytes; lines and indexes stay the file's.
    expect(last.from).toBe(160);
    expect(last.items[0]).toEqual({ start: 0, end: 10, line: 35, index: 16 });
  });
});
