/**
 * Findings of the stream doctor: what is wrong (or suspicious) in one interaction, named precisely
 * enough to jump to it (the event index) and to gate CI on it (`inspect --json` → `anomalies`).
 */

/** What kind of problem. Spelled as in `inspect --json` `anomaly_details[].kind`. */
export type AnomalyKind =
  | 'http-error'
  | 'stream-error'
  | 'no-terminal-event'
  | 'invalid-json'
  | 'invalid-sse-line'
  | 'invalid-tool-arguments'
  | 'stopped-early'
  | 'empty-completion'
  | 'missing-usage'
  | 'sequence-order'
  | 'unknown-tool-result'
  | 'retry';

/** One finding on one interaction. */
export interface Anomaly {
  kind: AnomalyKind;
  /** `error`: the call failed or the stream is broken; `warning`: it worked but not as asked. */
  severity: 'error' | 'warning';
  exchangeIndex: number;
  /** The stream event the finding points at, when one applies. */
  eventIndex?: number;
  /** One sentence, e.g. "invalid JSON in event 7: Unexpected token". */
  message: string;
}
