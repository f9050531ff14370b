/**
 * The vocabulary of request matching (issue 20): which recorded interaction a new request would
 * be given on replay, under one recorder's own rules. Plain data, so it crosses a worker boundary.
 * Indexes are from 0 here; every user-facing text says "interaction N" from 1, like the table.
 */
import type { HttpRequest } from '../model/http';

/** The recorders whose matching rules we reproduce. */
export type ProfileId = 'go-vcr' | 'go-vcr-v4' | 'vcrpy' | 'ruby-vcr' | 'polly';

/** What a profile may be told, as the recorder's own options would (see each profile). */
export interface MatchOptions {
  /** The matchers to use, by the recorder's names (`match_on`, `match_requests_on`, ...). */
  on?: readonly string[];
  /** Headers left out of header matching (go-vcr v4 `WithIgnoreHeaders`, Polly `headers.exclude`). */
  ignoreHeaders?: readonly string[];
  /**
   * Replay one interaction more than once (go-vcr `ReplayableInteractions`, vcrpy and Ruby VCR
   * `allow_playback_repeats`). Polly has no such switch: leave `order` out of `on` instead.
   */
  allowRepeats?: boolean;
}

/** Where a difference is, when one matcher says no. */
export interface MatchDifference {
  /** One line for people: `POST ≠ GET`, `$.messages[2].content: "a" ≠ "b"`. */
  summary: string;
  /** For bodies: the first differing JSON path (`$.messages[2].content`). */
  jsonPath?: string;
  /** Both values as short display text (JSON-rendered for bodies). */
  recorded?: string;
  incoming?: string;
  /** The header names that differ. */
  headers?: string[];
  /** Every differing header differs only because the recorded (or new) value is a mask. */
  maskedOnly?: boolean;
}

/** One matcher's verdict on one pair of requests. */
export interface MatcherResult {
  name: string;
  ok: boolean;
  difference?: MatchDifference;
  /** Set when the matcher could not compare (a side does not record the field); counts as a pass. */
  skipped?: string;
}

/** A recorded interaction the request came close to, with what failed. */
export interface NearMiss {
  /** Recorded interaction, from 0. */
  interaction: number;
  matchers: MatcherResult[];
  /** Every matcher passed, but the interaction had been played already (the recorder's rule). */
  alreadyUsed: boolean;
}

export interface RequestVerdict {
  /** The request's position among the new requests, from 0. */
  request: number;
  method: string;
  url: string;
  /** The recorded interaction it would get (from 0), or null for "no match". */
  interaction: number | null;
  /** For a miss: up to three nearest recorded interactions, nearest first. */
  nearest: NearMiss[];
  /** What else a reader needs (e.g. "interaction 1 matched too but was played already"). */
  notes: string[];
}

export interface MatchReport {
  profile: ProfileId;
  /** The matchers used, in the recorder's names. */
  on: string[];
  allowRepeats: boolean;
  verdicts: RequestVerdict[];
  /** Every request would replay. */
  allReplay: boolean;
}

/** How a recorder hands out interactions across a run. */
export type ReplayRule =
  /** First match in file order that has not been played (go-vcr, vcrpy). */
  | 'first-unplayed'
  /** First unused match; with repeats, the most recently used match (Ruby VCR). */
  | 'ruby-used-list'
  /** Same identifiers and same order among identical requests (Polly `_id`/`_order`). */
  | 'polly-order';

/** One recorder's matching rules. `compare` is pure. */
export interface MatchProfile {
  id: ProfileId;
  /** Short name shown in the matcher choice. */
  label: string;
  /** Where the rules come from: file and tag of the recorder's source. */
  source: string;
  /** Every matcher name this profile understands. */
  available: readonly string[];
  /** The recorder's default matchers. */
  defaults: readonly string[];
  replay: ReplayRule;
  compare(
    incoming: HttpRequest,
    recorded: HttpRequest,
    on: readonly string[],
    options: MatchOptions,
  ): MatcherResult[];
}
