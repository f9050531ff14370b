/**
 * What the page holds of a loaded cassette (issues 8, 9): the file's facts, one small summary per
 * interaction, the thread and the stream doctor's findings. The full exchanges (bodies, stream
 * events, deltas) stay in the load worker that read them and reach the page one at a time, when a
 * view asks (Raw, Replay, Compare). A 43 MB cassette then crosses to the page as a few MB, so no
 * structured clone on the main thread is large
 * (https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize).
 */
import type { Anomaly } from './anomaly';
import type { ApiFamily, Usage } from './conversation';
import type { Cassette } from './http';
import type { Thread } from './thread';

/** One interaction in a few plain values: what the table, the summary and the headers show. */
export interface ExchangeSummary {
  /** Position in the file, from 0. */
  index: number;
  method: string;
  url: string;
  /** Null when the recording has no status (or no response). */
  status: number | null;
  hasResponse: boolean;
  apiLabel: string;
  apiFamily: ApiFamily;
  /** The response's model, else the requested one. */
  model: string | null;
  /** Stream events counted by the framing; null when the response was not streamed. */
  eventCount: number | null;
  /** Recorded duration in ms (go-vcr `duration`, HAR `time`), or null. */
  durationMs: number | null;
  usage: Usage | null;
  finishReason: string | null;
  /** HTTP error status, no response, or a provider error in the body or the stream. */
  failed: boolean;
  /** Load warnings of this interaction plus the adapter's notes. */
  warningCount: number;
}

/** The cassette's own facts, without its exchanges. */
export type CassetteFacts = Omit<Cassette, 'exchanges'>;

/** A loaded cassette as the page holds it. */
export interface CassetteOverview {
  cassette: CassetteFacts;
  exchanges: ExchangeSummary[];
  thread: Thread;
  anomalies: Anomaly[];
  /**
   * True while the stream doctor still checks (issue 15, decision 2: the status may appear before
   * the doctor has finished); `anomalies` is then empty, and a later overview of the same file
   * carries them.
   */
  doctorChecking?: boolean;
}
