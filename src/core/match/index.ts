/**
 * Public entry of core/match (issue 20): would a new request replay from a cassette, under the
 * matching rules of the recorder that wrote it, and if not, which recorded call it came closest to.
 */
export type * from './match-types';
export { PROFILES, profileById, defaultProfileFor, type DefaultProfile } from './profiles';
export { simulateReplay, resolveMatchers, MatchOptionError } from './simulate-replay';
export {
  readIncomingBytes,
  readIncomingText,
  readSingleRequest,
  type IncomingRequests,
} from './incoming-requests';
export { CurlParseError } from './curl-command';
export { RawRequestParseError } from './raw-http-request';
