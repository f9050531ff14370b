/**
 * The search messages (issue 17): the page asks the file's load worker which interactions hold a
 * query's terms; the worker answers from its text index (search-runner.ts), built from the full
 * exchanges it holds, so the page never reads a body to search it. A failure comes back as an
 * `exchange-error` with the same request id (exchange-transfer.ts).
 *
 * After a split load the parse workers hold the exchanges; the load worker asks them for each
 * interaction's texts (`search-fields`) rather than for the exchanges, so building the index
 * copies texts, not stream events.
 */

export interface SearchQuery {
  kind: 'search';
  requestId: number;
  query: string;
}

export interface SearchAnswer {
  kind: 'search-result';
  requestId: number;
  query: string;
  /** The interactions that hold every term, in file order. */
  matches: number[];
}

/** Load worker → parse worker: the search texts of interactions `from`..`to` it holds. */
export interface SearchFieldsQuery {
  kind: 'search-fields';
  requestId: number;
  from: number;
  to: number;
}

/** Parse worker → load worker: each held interaction's index and texts, in index order. */
export interface SearchFieldsAnswer {
  kind: 'search-fields-result';
  requestId: number;
  fields: Array<[number, string[]]>;
}
