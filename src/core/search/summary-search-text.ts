/**
 * The search text of an interaction summary (core/model/overview.ts): what the page can match
 * before the worker's text index answers, or without one (a file still loading). The worker's
 * index holds the same facts (exchange-search-fields.ts) and everything else.
 */
import type { ExchangeSummary } from '../model/overview';

/** Lower-case facts of one summary: `#N`, method, URL, status, API, model, finish reason. */
export function summarySearchText(summary: ExchangeSummary): string {
  const { index, method, url, status, apiLabel, model, finishReason, failed } = summary;
  const facts = [`#${index + 1}`, method, url, status ?? '', apiLabel, model ?? '', finishReason ?? ''];
  if (failed) facts.push('error');
  return facts.join(' ').toLowerCase();
}

/** Whether the text holds every (lower-case) term. */
export function holdsAll(text: string, terms: readonly string[]): boolean {
  return terms.every((term) => text.includes(term));
}
