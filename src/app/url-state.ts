/**
 * The part of the app state that lives in the URL fragment, so a link can reopen the same view
 * (issue 6, "Deep links"): `#i=3&view=replay&t=1250`.
 *
 * - `i` is the call number shown in the table's "#" column (1-based); state keeps 0-based indexes.
 * - `view` is one of the interaction tabs.
 * - `t` is the replay position in whole milliseconds.
 *
 * The fragment is parsed with URLSearchParams
 * (https://url.spec.whatwg.org/#interface-urlsearchparams), so other keys (`url=`, `c=` for
 * share links) are kept in `extra`, in order, and written back untouched. Browsers never send the
 * fragment to a server.
 */

export type InteractionView = 'timeline' | 'raw' | 'replay';

export const INTERACTION_VIEWS: readonly InteractionView[] = ['timeline', 'raw', 'replay'];

export interface UrlState {
  /** Selected exchange, 0-based, or null. */
  exchange: number | null;
  view: InteractionView;
  /** Replay position in ms, or null. */
  positionMs: number | null;
  /** Keys this module does not own, kept in order so share links survive a round trip. */
  extra: Array<[string, string]>;
}

export const DEFAULT_URL_STATE: UrlState = { exchange: null, view: 'timeline', positionMs: null, extra: [] };

const OWN_KEYS = new Set(['i', 'view', 't']);

/** Upper bounds keep a crafted link from asking for absurd values. */
const MAX_CALL_NUMBER = 10_000_000;
const MAX_POSITION_MS = 7 * 24 * 3600 * 1000;

function parseWholeNumber(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d{1,12}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

function isView(text: string | null): text is InteractionView {
  return text !== null && (INTERACTION_VIEWS as readonly string[]).includes(text);
}

/** Reads a fragment (with or without the leading `#`). Never throws; bad values fall back to defaults. */
export function parseUrlHash(hash: string): UrlState {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const callNumber = parseWholeNumber(params.get('i'), 1, MAX_CALL_NUMBER);
  const view = params.get('view');
  const extra: Array<[string, string]> = [];
  for (const [key, value] of params) if (!OWN_KEYS.has(key)) extra.push([key, value]);
  return {
    exchange: callNumber === null ? null : callNumber - 1,
    view: isView(view) ? view : 'timeline',
    positionMs: parseWholeNumber(params.get('t'), 0, MAX_POSITION_MS),
    extra,
  };
}

/** Writes the fragment, leading `#` included, or '' when everything is at its default. */
export function serializeUrlHash(state: UrlState): string {
  const params = new URLSearchParams();
  for (const [key, value] of state.extra) params.append(key, value);
  if (state.exchange !== null) params.set('i', String(state.exchange + 1));
  if (state.view !== 'timeline') params.set('view', state.view);
  if (state.positionMs !== null && state.view === 'replay')
    params.set('t', String(Math.round(state.positionMs)));
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/** True when two states would produce the same fragment (avoids pushing duplicate history entries). */
export function sameUrlState(a: UrlState, b: UrlState): boolean {
  return serializeUrlHash(a) === serializeUrlHash(b);
}
