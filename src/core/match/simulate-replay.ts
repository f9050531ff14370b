/**
 * What a replay would do: each new request, in order, against the recorded interactions, under
 * one profile's matchers and its recorder's rule for interactions already played (see
 * match-types.ts `ReplayRule` and each profile's source notes). For a request that gets nothing,
 * the nearest recorded interactions with the matchers that failed for each.
 */
import type { HttpRequest } from '../model/http';
import { bodySimilarity } from './body-similarity';
import { bodyText } from './compare-parts';
import type {
  MatcherResult,
  MatchOptions,
  MatchProfile,
  MatchReport,
  NearMiss,
  RequestVerdict,
} from './match-types';
import { profileById } from './profiles';

/** Bad `--on` names or an unknown profile: the message says what is allowed. */
export class MatchOptionError extends Error {}

/** The matcher names to use: the options' `on`, checked against the profile, or its defaults. */
export function resolveMatchers(profile: MatchProfile, on: readonly string[] | undefined): string[] {
  if (on === undefined || on.length === 0) return [...profile.defaults];
  const unknown = on.filter((name) => !profile.available.includes(name.replace(/^-/, '')));
  if (unknown.length > 0)
    throw new MatchOptionError(
      `${profile.id} has no matcher ${unknown.map((name) => `"${name}"`).join(', ')}; it knows ${profile.available.join(', ')}`,
    );
  return [...on];
}

const NEAREST = 3;

export function simulateReplay(
  recorded: readonly HttpRequest[],
  incoming: readonly HttpRequest[],
  profileId: string,
  options: MatchOptions = {},
): MatchReport {
  const profile = profileById(profileId);
  if (!profile) throw new MatchOptionError(`no matcher profile "${profileId}"`);
  const on = resolveMatchers(profile, options.on);
  const allowRepeats = options.allowRepeats === true && profile.replay !== 'polly-order';
  const results = incoming.map((request) =>
    recorded.map((entry) => profile.compare(request, entry, on, options)),
  );
  const matches = (i: number, j: number) => results[i]![j]!.every((result) => result.ok);
  const pick = chooser(profile, on, recorded, incoming, options, allowRepeats, matches);

  const verdicts: RequestVerdict[] = incoming.map((request, i) => {
    const chosen = pick(i);
    const verdict: RequestVerdict = {
      request: i,
      method: request.method,
      url: request.url,
      interaction: chosen.interaction,
      nearest: [],
      notes: chosen.notes,
    };
    if (chosen.interaction === null) verdict.nearest = nearest(results[i]!, recorded, request, i, matches);
    return verdict;
  });
  return {
    profile: profile.id,
    on,
    allowRepeats,
    verdicts,
    allReplay: verdicts.every((verdict) => verdict.interaction !== null),
  };
}

interface Choice {
  interaction: number | null;
  notes: string[];
}

function label(index: number): string {
  return `interaction ${index + 1}`;
}

/** The recorder's rule for handing out interactions, as a stateful picker over new requests in order. */
function chooser(
  profile: MatchProfile,
  on: readonly string[],
  recorded: readonly HttpRequest[],
  incoming: readonly HttpRequest[],
  options: MatchOptions,
  allowRepeats: boolean,
  matches: (i: number, j: number) => boolean,
): (i: number) => Choice {
  const indexes = recorded.map((_, j) => j);
  if (profile.replay === 'polly-order') {
    // Polly's `_order`: how many earlier requests share the identifiers, among the recorded
    // entries and, separately, among this run's requests.
    const same = (a: HttpRequest, b: HttpRequest) => profile.compare(a, b, on, options).every((r) => r.ok);
    const useOrder = on.includes('order');
    const recordedOrder = recorded.map(
      (entry, j) => recorded.slice(0, j).filter((other) => same(entry, other)).length,
    );
    return (i) => {
      const order = useOrder ? incoming.slice(0, i).filter((other) => same(incoming[i]!, other)).length : 0;
      const found = indexes.find((j) => matches(i, j) && recordedOrder[j] === order);
      if (found !== undefined) return { interaction: found, notes: [] };
      const identical = indexes.filter((j) => matches(i, j));
      return {
        interaction: null,
        notes:
          identical.length > 0
            ? [
                `${identical.map(label).join(', ')} ${identical.length === 1 ? 'has' : 'have'} the same identifiers, but this is identical request number ${order + 1} in the run and Polly replays an entry only for the request of its own order (matchRequestsBy.order)`,
              ]
            : [],
      };
    };
  }
  if (profile.replay === 'ruby-used-list') {
    const unused = [...indexes];
    const used: number[] = [];
    return (i) => {
      const at = unused.findIndex((j) => matches(i, j));
      if (at >= 0) {
        const [j] = unused.splice(at, 1);
        used.unshift(j!);
        return { interaction: j!, notes: [] };
      }
      const again = used.find((j) => matches(i, j));
      if (again !== undefined && allowRepeats)
        return {
          interaction: again,
          notes: [`${label(again)} again (allow_playback_repeats: the most recently used match)`],
        };
      return {
        interaction: null,
        notes:
          again !== undefined
            ? [
                `${label(again)} matches but was used already; Ruby VCR plays each interaction once unless allow_playback_repeats`,
              ]
            : [],
      };
    };
  }
  const played = new Set<number>();
  const switchName = profile.id === 'vcrpy' ? 'allow_playback_repeats' : 'ReplayableInteractions';
  return (i) => {
    const found = indexes.find((j) => matches(i, j) && (allowRepeats || !played.has(j)));
    if (found !== undefined) {
      const repeat = played.has(found);
      played.add(found);
      return { interaction: found, notes: repeat ? [`${label(found)} again (${switchName})`] : [] };
    }
    const spent = indexes.filter((j) => matches(i, j));
    return {
      interaction: null,
      notes:
        spent.length > 0
          ? [
              `${spent.map(label).join(', ')} ${spent.length === 1 ? 'matches but was' : 'match but were'} played already; ${profile.id === 'vcrpy' ? 'vcrpy' : 'go-vcr'} plays each interaction once unless ${switchName}`,
            ]
          : [],
    };
  };
}

/** The nearest recorded interactions: most matchers passed, then most alike bodies, then position. */
function nearest(
  row: MatcherResult[][],
  recorded: readonly HttpRequest[],
  request: HttpRequest,
  i: number,
  matches: (i: number, j: number) => boolean,
): NearMiss[] {
  const text = bodyText(request);
  const ranked = row.map((matchers, j) => ({
    j,
    matchers,
    passed: matchers.filter((result) => result.ok).length,
    alike: bodySimilarity(bodyText(recorded[j]!), text),
  }));
  ranked.sort(
    (a, b) => b.passed - a.passed || b.alike - a.alike || Math.abs(a.j - i) - Math.abs(b.j - i) || a.j - b.j,
  );
  return ranked.slice(0, NEAREST).map((entry) => ({
    interaction: entry.j,
    matchers: entry.matchers,
    alreadyUsed: matches(i, entry.j),
  }));
}
