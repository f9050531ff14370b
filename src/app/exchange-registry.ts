/**
 * The ExchangeStore of each open file, by file id. Kept beside the reducer rather than in it: a
 * store owns a worker, which is not state to compare or replay, and closing a file must end it.
 */
import type { AnalyzedCassette } from '../core/model/analysis';
import type { CassetteOverview } from '../core/model/overview';
import type { ExchangeStore } from './exchange-store';

const stores = new Map<string, ExchangeStore>();
/** Files closed before their load ended: their store is closed as soon as it arrives. */
const closed = new Set<string>();

export function registerExchanges(fileId: string, store: ExchangeStore): void {
  if (closed.has(fileId)) {
    store.close();
    return;
  }
  stores.get(fileId)?.close();
  stores.set(fileId, store);
}

export function exchangesOf(fileId: string): ExchangeStore | null {
  return stores.get(fileId) ?? null;
}

/** Ends the file's worker (closing the file). */
export function closeExchanges(fileId: string): void {
  closed.add(fileId);
  stores.get(fileId)?.close();
  stores.delete(fileId);
}

/** The whole analyzed cassette, put back together from its overview and its full exchanges. */
export async function fullCassette(
  overview: CassetteOverview,
  store: ExchangeStore,
): Promise<AnalyzedCassette> {
  const exchanges = await store.all();
  return {
    cassette: { ...overview.cassette, exchanges: exchanges.map((exchange) => exchange.http) },
    exchanges,
    thread: overview.thread,
    anomalies: overview.anomalies,
  };
}
