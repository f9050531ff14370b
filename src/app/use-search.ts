/**
 * The search's state on the page (issue 17): the query as typed, and the last answer, which is what
 * the table, the selection and the highlights all follow, so they never disagree. A loaded file
 * asks its load worker's text index (ExchangeStore.search); a file still loading, or an index
 * that failed, is matched on the rows' own facts (core/search/summary-search-text.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import type { ExchangeSummary } from '../core/model/overview';
import { parseQuery } from '../core/search/query-terms';
import { holdsAll, summarySearchText } from '../core/search/summary-search-text';
import type { ExchangeStore } from './exchange-store';

export interface SearchAnswer {
  /** The query answered. */
  query: string;
  terms: string[];
  /** The calls that hold every term, in file order; null for no terms (every call). */
  matches: ReadonlySet<number> | null;
}

export interface SearchState extends SearchAnswer {
  /** True while the current query has no answer yet (the table keeps the previous one). */
  pending: boolean;
  /** Why the worker could not answer, if it could not. */
  error: string | null;
}

/** Typing pauses shorter than this do not each cost a search in the worker. */
const DEBOUNCE_MS = 60;

const EVERYTHING: SearchAnswer = { query: '', terms: [], matches: null };

type Answered = SearchAnswer & { error: string | null; source: object | null };

function matchFacts(summaries: readonly ExchangeSummary[], terms: string[]): Set<number> {
  const found = new Set<number>();
  for (const summary of summaries) if (holdsAll(summarySearchText(summary), terms)) found.add(summary.index);
  return found;
}

export function useSearch(
  store: ExchangeStore | null,
  summaries: readonly ExchangeSummary[],
  query: string,
): SearchState {
  // What the answer was computed from: the file's store, or the rows so far of a loading file.
  const source: object = store ?? summaries;
  const [answer, setAnswer] = useState<Answered>({ ...EVERYTHING, error: null, source: null });
  const terms = useMemo(() => parseQuery(query), [query]);
  useEffect(() => {
    if (terms.length === 0) {
      setAnswer({ ...EVERYTHING, query, error: null, source });
      return;
    }
    if (!store) {
      setAnswer({ query, terms, matches: matchFacts(summaries, terms), error: null, source });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      store.search(query).then(
        (matches) => live && setAnswer({ query, terms, matches: new Set(matches), error: null, source }),
        (error: unknown) => {
          if (!live) return;
          const reason = error instanceof Error ? error.message : String(error);
          setAnswer({ query, terms, matches: matchFacts(summaries, terms), error: reason, source });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [store, summaries, query, terms, source]);
  if (terms.length === 0) return { ...EVERYTHING, query, pending: false, error: null };
  const { error, source: answeredFor, ...answered } = answer;
  // Another file's answer to the same words is no answer: the table shows every row until it comes.
  if (answeredFor !== source && answered.matches !== null)
    return { ...EVERYTHING, pending: terms.length > 0, error: null };
  return { ...answered, pending: terms.length > 0 && answered.query !== query, error };
}
