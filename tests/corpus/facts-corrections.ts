/**
 * Reviewed corrections to facts.json. facts.json was derived by a script and is "mostly right, not
 * gospel" (shared/docs/inspect-json.md). An entry here replaces ONE expected value of ONE field of
 * ONE interaction, and says why, after checking the raw cassette by eye. Never add an entry to make
 * a failure go away: a mismatch is a bug in our code until the cassette proves the fact wrong.
 *
 * `field` is an inspect --json field name. For `usage`, give the normalized
 * `{ input_tokens, output_tokens }` object.
 */
export interface FactCorrection {
  /** Path relative to tests/fixtures/corpus. */
  file: string;
  /** Interaction index, from 0. */
  interaction: number;
  field: string;
  value: unknown;
  /** What the cassette actually shows, where (line, event), and why the fact is wrong. */
  why: string;
}

/** Polly.JS wrote every entry of this file untimed: `time: 0`, timings all 0 or -1. */
const CODY_UNTIMED = 'polly/cody/defaultClient_631904893.recording.har';

export const FACT_CORRECTIONS: FactCorrection[] = [
  // Issue 18: a HAR `time` of 0 whose `timings` are all 0 or -1 was not measured (HAR 1.2 makes
  // `time` the sum of the timings, and no request over a network takes 0 ms), so the page says
  // "not recorded" and inspect --json says null. facts.json copied the 0.
  ...Array.from({ length: 35 }, (_, interaction): FactCorrection => ({
    file: CODY_UNTIMED,
    interaction,
    field: 'duration_ms',
    value: null,
    why: 'every entry has "time": 0 and timings {blocked, connect, dns, ssl: -1; send, wait, receive: 0}: not measured',
  })),
];
