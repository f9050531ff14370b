/**
 * The load worker's text index (issue 17), built lazily: nothing happens until the page first
 * searches (or focuses the search box), so the load and its status are not slowed. It is then
 * built in slices of interactions, yielding to the worker's event loop between slices, so the
 * page's requests for exchanges (Raw, Replay) are still answered while it builds.
 */
import { parseQuery } from '../core/search/query-terms';
import { SearchIndex } from '../core/search/search-index';

/** The search texts (core/search/exchange-search-fields.ts) of interactions `from`..`to`, in order. */
export type FieldSource = (from: number, to: number) => Promise<string[][]>;

/** Interactions read per slice: a few ms of work on the bench file's calls. */
const SLICE = 200;

const nextTurn = (step: () => void) => void setTimeout(step, 0);

export class SearchRunner {
  private building: Promise<SearchIndex> | null = null;
  private readonly count: number;
  private readonly source: FieldSource;
  private readonly yieldTurn: (step: () => void) => void;

  constructor(count: number, source: FieldSource, yieldTurn: (step: () => void) => void = nextTurn) {
    this.count = count;
    this.source = source;
    this.yieldTurn = yieldTurn;
  }

  /** The interactions holding every term of `query`, in file order; builds the index first if needed. */
  async search(query: string): Promise<number[]> {
    const index = await this.ready();
    return index.search(parseQuery(query));
  }

  /** Starts building the index, if not yet started. */
  ready(): Promise<SearchIndex> {
    this.building ??= this.build();
    // A failed build is tried again by the next search rather than failing every later one.
    this.building.catch(() => (this.building = null));
    return this.building;
  }

  private async build(): Promise<SearchIndex> {
    const index = new SearchIndex();
    for (let from = 0; from < this.count; from += SLICE) {
      const to = Math.min(this.count, from + SLICE);
      const slice = await this.source(from, to);
      slice.forEach((fields, offset) => index.add(from + offset, fields));
      if (to < this.count) await new Promise<void>((resolve) => this.yieldTurn(resolve));
    }
    return index;
  }
}
