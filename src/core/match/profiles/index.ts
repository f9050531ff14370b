/**
 * The matcher profiles, and which one a file's recorder implies.
 */
import type { Cassette } from '../../model/http';
import type { MatchProfile, ProfileId } from '../match-types';
import { goVcrProfile, goVcrV4Profile } from './go-vcr';
import { pollyProfile } from './polly';
import { rubyVcrProfile } from './ruby-vcr';
import { vcrpyProfile } from './vcrpy';

export const PROFILES: readonly MatchProfile[] = [
  goVcrProfile,
  goVcrV4Profile,
  vcrpyProfile,
  rubyVcrProfile,
  pollyProfile,
];

export function profileById(id: string): MatchProfile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}

export interface DefaultProfile {
  profile: ProfileId;
  /** One sentence for the screen: why this profile. */
  reason: string;
}

/** The profile of the recorder that wrote the file (the format module says which). */
export function defaultProfileFor(cassette: Pick<Cassette, 'format' | 'recorder'>): DefaultProfile {
  switch (cassette.format) {
    case 'go-vcr-v1':
      return { profile: 'go-vcr', reason: 'a go-vcr version 1 file: go-vcr v1 matches on method and URL' };
    case 'go-vcr-v2':
      return {
        profile: 'go-vcr-v4',
        reason:
          'a go-vcr version 2 file, which go-vcr v2, v3 and v4 all write: assuming v4, the current release (choose go-vcr for v2 and v3, which match on method and URL only)',
      };
    case 'vcrpy':
      return { profile: 'vcrpy', reason: 'a vcrpy cassette' };
    case 'ruby-vcr':
      return {
        profile: 'ruby-vcr',
        reason: /r-vcr|VCR-vcr/i.test(cassette.recorder ?? '')
          ? 'a cassette of vcr for R, which keeps Ruby VCR’s matchers and defaults'
          : 'a Ruby VCR cassette',
      };
    case 'polly':
      return { profile: 'polly', reason: 'a Polly.JS recording' };
    case 'har':
      return {
        profile: 'polly',
        reason:
          'a browser HAR: no recorder wrote it; Polly.JS, which replays HAR files, is the nearest rules',
      };
    default:
      return {
        profile: 'go-vcr',
        reason: `a ${String(cassette.format)} file: no recorder rules are known for it, so method and URL`,
      };
  }
}
