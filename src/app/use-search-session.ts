/**
 * The search as the page uses it (issue 17): the query, the worker's answer (use-search.ts), the
 * table's row filter, the matches in the conversation with the current one (Enter / Shift+Enter),
 * and the rule that a hidden call is never the one shown: when the answer leaves out the selected
 * call, the first call it keeps is selected (none when it keeps none), and the URL follows.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { termPattern } from '../core/search/query-terms';
import type { ExchangeSummary } from '../core/model/overview';
import { findSearchHits, type SearchHit } from '../features/conversation/search-hits';
import type { TimelineSearch } from '../features/conversation/use-search-highlights';
import type { RowFilter } from '../features/exchange-list/filter-rows';
import type { FileEntry } from './app-state';
import type { ExchangeStore } from './exchange-store';
import { useSearch, type SearchState } from './use-search';

const NO_SUMMARIES: ExchangeSummary[] = [];

export interface SearchSession {
  query: string;
  setQuery: (query: string) => void;
  state: SearchState;
  rowFilter: RowFilter;
  hits: SearchHit[];
  /** The current match, from 0, or null before the first step. */
  hitPosition: number | null;
  step: (direction: 1 | -1) => void;
  /** Starts the worker's index (an empty search) so the first real one is quick. */
  warm: () => void;
  timeline: TimelineSearch;
  /** The search leaves no call: the detail says so instead of showing one. */
  noMatch: boolean;
}

export interface SearchSessionOptions {
  file: FileEntry | null;
  store: ExchangeStore | null;
  selectedExchange: number | null;
  select: (index: number | null) => void;
  showConversation: () => void;
}

export function useSearchSession(options: SearchSessionOptions): SearchSession {
  const { file, store, selectedExchange, select, showConversation } = options;
  const [query, setQuery] = useState('');
  const overview = file?.status === 'loaded' ? file.overview : null;
  const summaries =
    overview?.exchanges ?? (file?.status === 'loading' ? file.summariesSoFar : undefined) ?? NO_SUMMARIES;
  const state = useSearch(store, summaries, query);
  const { terms, matches, pending } = state;
  const rowFilter = useMemo<RowFilter>(() => ({ terms, found: matches }), [terms, matches]);
  const pattern = useMemo(() => termPattern(terms), [terms]);
  const hits = useMemo(
    () => (overview ? findSearchHits(overview.thread, pattern, matches) : []),
    [overview, pattern, matches],
  );
  // The current match belongs to one list of hits; a new answer starts again from none.
  const [current, setCurrent] = useState<{ hits: SearchHit[]; position: number; seq: number } | null>(null);
  const active = current?.hits === hits ? current : null;

  // Enter pressed while the worker still searches: the step waits for the answer, as a user who
  // typed and pressed Enter at once expects (the first match, not nothing).
  const [queued, setQueued] = useState<1 | -1 | null>(null);

  const step = useCallback(
    (direction: 1 | -1) => {
      if (pending) {
        setQueued(direction);
        return;
      }
      if (hits.length === 0) return;
      let position: number;
      if (active) position = (active.position + direction + hits.length) % hits.length;
      else {
        // The first step starts from the call on show.
        const from = hits.findIndex((hit) => hit.exchange >= (selectedExchange ?? 0));
        if (direction === 1) position = from < 0 ? 0 : from;
        else position = from <= 0 ? hits.length - 1 : from - 1;
      }
      setCurrent({ hits, position, seq: (current?.seq ?? 0) + 1 });
      const hit = hits[position]!;
      if (hit.exchange !== selectedExchange) select(hit.exchange);
      showConversation();
    },
    [hits, pending, active, current, selectedExchange, select, showConversation],
  );

  useEffect(() => {
    if (queued === null || pending) return;
    setQueued(null);
    step(queued);
  }, [queued, pending, step]);

  // A hidden call is never the one shown (issue 17).
  const exchangeCount = overview?.exchanges.length ?? 0;
  useEffect(() => {
    if (!overview || pending) return;
    if (!matches) {
      if (selectedExchange === null && exchangeCount > 0) select(0);
      return;
    }
    if (selectedExchange !== null && matches.has(selectedExchange)) return;
    const first: number | undefined = matches.values().next().value;
    if ((first ?? null) !== selectedExchange) select(first ?? null);
  }, [overview, pending, matches, selectedExchange, exchangeCount, select]);

  const warm = useCallback(() => {
    store?.search('').catch(() => undefined);
  }, [store]);

  const timeline = useMemo<TimelineSearch>(
    () => ({
      pattern,
      visible: matches,
      active: active ? (hits[active.position] ?? null) : null,
      seq: active?.seq ?? 0,
    }),
    [pattern, matches, active, hits],
  );

  return {
    query,
    setQuery,
    state,
    rowFilter,
    hits,
    hitPosition: active?.position ?? null,
    step,
    warm,
    timeline,
    noMatch: !pending && matches !== null && matches.size === 0,
  };
}
