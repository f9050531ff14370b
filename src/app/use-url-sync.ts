/**
 * Keeps the URL fragment and the app state in step (issue 6, "Deep links"): selecting an
 * interaction or a view pushes a history entry, so Back and Forward walk through them; the replay
 * position only replaces the entry (it changes at every pause or seek). Back/Forward and hand-edited
 * fragments come back through `popstate`/`hashchange`
 * (https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-history-interface).
 */
import { useEffect, type Dispatch } from 'react';
import type { AppAction, AppState } from './app-state';
import { selectedFile } from './app-state';
import { parseUrlHash, serializeUrlHash, type UrlState } from './url-state';

function currentUrlState(): UrlState {
  return parseUrlHash(window.location.hash);
}

function writeHash(hash: string, push: boolean): void {
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (push) window.history.pushState(window.history.state, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

export function useUrlSync(state: AppState, dispatch: Dispatch<AppAction>): void {
  const ready = selectedFile(state)?.status === 'loaded';

  useEffect(() => {
    // Until a cassette is on screen the fragment is the user's request (`#i=3`); do not overwrite it.
    if (!ready) return;
    const before = currentUrlState();
    const next: UrlState = {
      exchange: state.selectedExchange,
      view: state.view,
      positionMs: state.replayPositionMs,
      extra: before.extra,
    };
    const hash = serializeUrlHash(next);
    if (hash === serializeUrlHash(before)) return;
    // The first selection after a load replaces the entry, so Back leaves the page as expected.
    const push = (before.exchange !== null && before.exchange !== next.exchange) || before.view !== next.view;
    writeHash(hash, push);
  }, [ready, state.selectedExchange, state.view, state.replayPositionMs]);

  useEffect(() => {
    const restore = () => dispatch({ type: 'url-restored', url: currentUrlState() });
    window.addEventListener('popstate', restore);
    window.addEventListener('hashchange', restore);
    return () => {
      window.removeEventListener('popstate', restore);
      window.removeEventListener('hashchange', restore);
    };
  }, [dispatch]);
}

/** The reducer's starting point, read from the fragment the page was opened with. */
export function initialStateFromUrl(base: AppState): AppState {
  const url = currentUrlState();
  return { ...base, selectedExchange: url.exchange, view: url.view, replayPositionMs: url.positionMs };
}
