/**
 * Retries: the same request sent again after a 429 (rate limit) or a 5xx. Client SDKs retry these
 * by default (OpenAI and Anthropic SDKs: 2 retries with backoff), so a cassette that records one
 * shows the flakiness the test hid.
 */
import type { AnalyzedExchange } from '../model/analysis';
import type { Anomaly } from '../model/anomaly';

/** One finding per interaction that repeats an earlier failed request. */
export function findRetries(exchanges: readonly AnalyzedExchange[]): Anomaly[] {
  const out: Anomaly[] = [];
  const failedByKey = new Map<string, { index: number; status: number }>();
  for (const { http } of exchanges) {
    const key = `${http.request.method} ${http.request.url}\n${http.request.body?.text ?? ''}`;
    const earlier = failedByKey.get(key);
    if (earlier) {
      out.push({
        kind: 'retry',
        severity: 'warning',
        exchangeIndex: http.index,
        message: `retry of interaction ${earlier.index}, which failed with HTTP ${earlier.status}`,
      });
      failedByKey.delete(key);
    }
    const status = http.response?.status ?? null;
    if (status !== null && (status === 429 || status >= 500))
      failedByKey.set(key, { index: http.index, status });
  }
  return out;
}
