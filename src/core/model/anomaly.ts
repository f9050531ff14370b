/**
 * Findings of the stream doctor: what is wrong (or suspicious) in one interaction, named precisely
 * enough to jump to it (the event index) and to gate CI on it (`inspect --json` → `anomalies` as
 * sentences, `anomaly_details` as data; docs/inspect-json.md).
 */

/** What kind of problem. Spelled as in `inspect --json` `anomaly_details[].kind`. */
export type AnomalyKind =
  | 'http-error'
  | 'stream-error'
  | 'no-terminal-event'
  | 'invalid-json'
  | 'invalid-sse-line'
  | 'invalid-framing'
  | 'invalid-tool-arguments'
  | 'stopped-early'
  | 'stopped-at-cap'
  | 'unreadable-body'
  | 'empty-completion'
  | 'missing-usage'
  | 'sequence-order'
  | 'unknown-tool-result'
  | 'retry';

export type AnomalySeverity = 'error' | 'warning' | 'info';

/** One finding on one interaction. */
export interface Anomaly {
  kind: AnomalyKind;
  /**
   * `error`: the call failed or the stream is broken; `warning`: it worked but not as asked;
   * `info`: worth knowing, not a problem (the model stopped at the cap the request set). Problem
   * counts never include `info` (core/doctor/is-problem.ts).
   */
  severity: AnomalySeverity;
  exchangeIndex: number;
  /**
   * The stream event the finding points at, when one applies (counted like `stream_events`, from
   * 0). Absent for findings about something missing (usage, any content) or outside the stream
   * (HTTP status, retries, tool results sent in a request). When set, the message names it too.
   */
  eventIndex?: number;
  /** One sentence, e.g. "invalid JSON in event 7: Unexpected token". */
  message: string;
}
