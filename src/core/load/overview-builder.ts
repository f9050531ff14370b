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
import type { ThreadItem } from '../model/thread';
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
  private readonly findings: Anomaly[] = [];
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
    for (const finding of item.findings) this.findings.push(finding);
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
   * The overview. With `batched`, the summaries and thread items already taken are left out (the
   * page puts its batches back in: workers/load-protocol.ts withBatches); otherwise they are all in.
   */
  finish(facts: CassetteFacts, batched = false): CassetteOverview {
    const thread = this.thread.finish();
    const anomalies = mergeFindings(this.findings, findCassetteAnomalies({ exchanges: this.light, thread }));
    if (batched) return { cassette: facts, exchanges: [], thread: { ...thread, items: [] }, anomalies };
    return { cassette: facts, exchanges: this.all, thread, anomalies };
  }
}

/** A whole cassette read at once (the whole-file load): its overview and the full exchanges. */
export function readWholeCassette(
  cassette: Cassette,
  read: typeof readInteraction = readInteraction,
): { overview: CassetteOverview; exchanges: AnalyzedExchange[] } {
  const builder = new OverviewBuilder();
  const exchanges: AnalyzedExchange[] = [];
  cassette.exchanges.forEach((http, index) => {
    const one = read(http, index);
    exchanges.push(one.exchange);
    builder.add(one.item);
  });
  const { exchanges: _exchanges, ...facts } = cassette;
  return { overview: builder.finish(facts), exchanges };
}
