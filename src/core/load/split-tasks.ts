/**
 * Cuts the interactions a scan has found so far into runs for the parse workers (issue 9). The
 * first runs are small, so the first rows come before the parse workers' code has warmed up
 * (the first run of a fresh worker reads each interaction several times slower than later ones);
 * later runs are larger to keep messages few.
 */
import type { ItemSpan } from '../cassette/split/split-interaction-list';

/** One interaction of a run: start and end in the run's bytes, its 1-based line in the file, its index. */
export interface TaskItem {
  start: number;
  end: number;
  line: number;
  index: number;
}

const FIRST_SIZES = [4, 12, 32];
const LATER_SIZE = 64;

/** Interactions in run number `taskId`. */
export function taskSize(taskId: number): number {
  return FIRST_SIZES[taskId] ?? LATER_SIZE;
}

/** A run of interactions, before its bytes are cut out (at the time it is sent). */
export interface TaskRange {
  taskId: number;
  /** Byte range in the file's text bytes. */
  from: number;
  to: number;
  items: TaskItem[];
}

/** What the cutter reads of a scan in progress (InteractionListScanner). */
export interface FoundItems {
  readonly items: readonly ItemSpan[];
  /** How many of `items` are final. */
  readonly finishedCount: number;
}

export class TaskCutter {
  readonly tasks: TaskRange[] = [];
  private cut = 0;
  private readonly found: FoundItems;

  constructor(found: FoundItems) {
    this.found = found;
  }

  /** Interactions put into runs so far. */
  get itemCount(): number {
    return this.cut;
  }

  /**
   * Cuts every full run the final items allow; with `last`, the rest too (the scan is over).
   * Returns how many runs were added.
   */
  cutReady(last: boolean): number {
    const before = this.tasks.length;
    const { items, finishedCount } = this.found;
    for (;;) {
      const size = taskSize(this.tasks.length);
      const available = finishedCount - this.cut;
      if (available <= 0 || (available < size && !last)) break;
      const count = Math.min(size, available);
      const run = items.slice(this.cut, this.cut + count);
      const base = run[0]!.start;
      const first = this.cut;
      this.tasks.push({
        taskId: this.tasks.length,
        from: base,
        to: run.at(-1)!.end,
        items: run.map((item, k) => ({
          start: item.start - base,
          end: item.end - base,
          line: item.line,
          index: first + k,
        })),
      });
      this.cut += count;
    }
    return this.tasks.length - before;
  }
}
