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

export const FACT_CORRECTIONS: FactCorrection[] = [];
