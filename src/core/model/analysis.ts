/**
 * What the loader hands to the UI and the CLI: the cassette, each exchange read in LLM terms,
 * and the conversation thread across them. Plain data, so it crosses the worker boundary.
 */
import type { Anomaly } from './anomaly';
import type { LlmExchange } from './conversation';
import type { Cassette, HttpExchange } from './http';
import type { Thread } from './thread';

/** One interaction: the HTTP as recorded and its LLM reading. */
export interface AnalyzedExchange {
  http: HttpExchange;
  llm: LlmExchange;
}

/** A cassette after loading and reading. */
export interface AnalyzedCassette {
  cassette: Cassette;
  exchanges: AnalyzedExchange[];
  thread: Thread;
  /** What the stream doctor found, in interaction order (core/doctor). */
  anomalies: Anomaly[];
}
