/**
 * The whole pipeline for one cassette: every exchange read by its adapter, then one thread across
 * them, and the stream doctor's findings. Pure and synchronous; the app runs it in a Web Worker, the CLI runs it in Node.
 */
import type { AnalyzedCassette, AnalyzedExchange } from './model/analysis';
import type { Cassette } from './model/http';
import { buildThread } from './conversation/build-thread';
import { findAnomalies } from './doctor/find-anomalies';
import { readExchange } from './providers';

/** Read every exchange of a loaded cassette in LLM terms and thread them into one conversation. */
export function analyzeCassette(cassette: Cassette): AnalyzedCassette {
  const exchanges: AnalyzedExchange[] = cassette.exchanges.map((http) => ({ http, llm: readExchange(http) }));
  const thread = buildThread(exchanges);
  return { cassette, exchanges, thread, anomalies: findAnomalies({ exchanges, thread }) };
}
