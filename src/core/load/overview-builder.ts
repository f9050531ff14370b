/**
 * The one way a CassetteOverview is built (issue 15), by the whole-file load and by the split load
 * alike: each interaction is read on its own (`readInteraction`: adapter, summary, its own
 * findings), added in file order, and the builder threads them as they come and merges the
 * findings at the end exactly as `findAnomalies` does (`mergeFindings`). The split load adds items
 * whose exchange has lost its bulk (`withoutBulk`); the thread and the cross-interaction findings
 * read none of it.
 */
import { ThreadBuilder } from '../conversation/build-thread';
import { findCassetteAnomalies, findExchangeAnomalies, mergeFindings } from '../doctor/find-anomalies';
import type { AnalyzedExchange } from '../model/analysis';
import type { Anomaly } from '../model/anomaly';
import type { Cassette, HttpExchange } from '../model/http';
import type { CassetteFacts, CassetteOverview, ExchangeSummary } from '../model/overview';
import type { Thread, ThreadItem } from '../model/thread';
import { readExchange } from '../providers';
import { summarizeExchange } from '../summarize-exchange';

/** One interaction as the overview needs it. */
export interface OverviewItem {
  summary: ExchangeSummary;
  /** findExchangeAnomalies of the full exchange. */
  findings: Anomaly[];
  /** The exchange, or withoutBulk of it: what the thread and findCassetteAnomalies read. */
  light: AnalyzedExchange;
}

/** Reads one interaction in LLM terms: the full exchange and its item for the overview. */
export function readInteraction(
  http: HttpExchange,
  index = http.index,
): { exchange: AnalyzedExchange; item: OverviewItem } {
  const exchange: AnalyzedExchange = { http, llm: readExchange(http) };
  return {
    exchange,
    item: {
      summary: summarizeExchange(exchange, index),
      findings: findExchangeAnomalies(exchange),
      light: exchange,
    },
  };
}

export class OverviewBuilder {
  private readonly thread = new ThreadBuilder();
  private readonly light: AnalyzedExchange[] = [];
  /** Each interaction's own findings, in file order. */
  private readonly own: Anomaly[] = [];
  private finished: Thread | null = null;
  private readonly all: ExchangeSummary[] = [];
  private summaries: ExchangeSummary[] = [];
  private items: ThreadItem[] = [];

  /** Interactions added so far. */
  get count(): number {
    return this.light.length;
  }

  /** The next interaction, in file order. */
  add(item: OverviewItem): void {
    this.light.push(item.light);
    this.thread.add(item.light);
    for (const finding of item.findings) this.own.push(finding);
    this.summaries.push(item.summary);
    this.all.push(item.summary);
  }

  /** The summaries and thread items added since the last take (a batch for the page). */
  take(): { summaries: ExchangeSummary[]; threadItems: ThreadItem[] } {
    const summaries = this.summaries;
    this.summaries = [];
    for (const item of this.thread.takeItems()) this.items.push(item);
    const threadItems = this.items;
    this.items = [];
    return { summaries, threadItems };
  }

  /**
   * The overview once every interaction is read, before the stream doctor's last step (the
   * findings across interactions, and the merge): `anomalies` empty and `doctorChecking` set, so
   * the page can show the status first (issue 15, decision 2); `findings()` then gives them. With
   * `batched`, the summaries and thread items already taken are left out (the page puts its
   * batches back in: workers/load-protocol.ts withBatches); otherwise they are all in.
   */
  finishReading(facts: CassetteFacts, batched = false): CassetteOverview {
    const thread = this.thread.finish();
    this.finished = thread;
    if (batched)
      return {
        cassette: facts,
        exchanges: [],
        thread: { ...thread, items: [] },
        anomalies: [],
        doctorChecking: true,
      };
    return { cassette: facts, exchanges: this.all, thread, anomalies: [], doctorChecking: true };
  }

  /** The stream doctor's findings, merged exactly as `findAnomalies` merges them (after finishReading). */
  findings(): Anomaly[] {
    const thread = this.finished ?? this.thread.finish();
    return mergeFindings(this.own, findCassetteAnomalies({ exchanges: this.light, thread }));
  }

  /** The whole overview, findings included. */
  finish(facts: CassetteFacts, batched = false): CassetteOverview {
    const { doctorChecking: _checking, ...overview } = this.finishReading(facts, batched);
    return { ...overview, anomalies: this.findings() };
  }
}

/**
 * A whole cassette read at once (the whole-file load): the builder with every interaction added
 * (`finish` or `finishReading` gives the overview), the file's facts and the full exchanges.
 */
export function readWholeCassette(
  cassette: Cassette,
  read: typeof readInteraction = readInteraction,
): { builder: OverviewBuilder; facts: CassetteFacts; exchanges: AnalyzedExchange[] } {
  const builder = new OverviewBuilder();
  const exchanges: AnalyzedExchange[] = [];
  cassette.exchanges.forEach((http, index) => {
    const one = read(http, index);
    exchanges.push(one.exchange);
    builder.add(one.item);
  });
  const { exchanges: _exchanges, ...facts } = cassette;
  return { builder, facts, exchanges };
}
