/**
 * Building the normalized `Usage` from any provider's counts, and adding usages up (thread totals,
 * Anthropic `message_start` + `message_delta`). Token fields are numbers or null, never NaN.
 */
import type { Usage } from '../../model/conversation';
import { toNumber } from './numbers';

/** Counts as the adapter found them; each may be a number, a numeric string, or absent. */
export interface UsageCounts {
  input?: unknown;
  output?: unknown;
  total?: unknown;
  cacheRead?: unknown;
  cacheWrite?: unknown;
  reasoning?: unknown;
  costUsd?: unknown;
}

/**
 * The counts of a Usage without the provider's own object: what the overview's summaries and
 * thread boundaries carry (issue 15). Nothing on the page reads `raw` from them, and a copy of it in
 * both, for every interaction, was a third of what the load sends the page (the raw object stays
 * in the exchange, whose body the raw view shows).
 */
export function usageCounts(usage: Usage | null | undefined): Usage | null {
  return usage ? { ...usage, raw: null } : null;
}

/**
 * Build a Usage. `raw` keeps the provider's own object for the raw view. Returns null when no count
 * at all is present (the provider did not report usage).
 */
export function buildUsage(counts: UsageCounts, raw: unknown): Usage | null {
  const usage: Usage = {
    inputTokens: toNumber(counts.input),
    outputTokens: toNumber(counts.output),
    raw,
  };
  const total = toNumber(counts.total);
  if (total !== null) usage.totalTokens = total;
  const cacheRead = toNumber(counts.cacheRead);
  if (cacheRead !== null) usage.cacheReadTokens = cacheRead;
  const cacheWrite = toNumber(counts.cacheWrite);
  if (cacheWrite !== null) usage.cacheWriteTokens = cacheWrite;
  const reasoning = toNumber(counts.reasoning);
  if (reasoning !== null) usage.reasoningTokens = reasoning;
  const cost = toNumber(counts.costUsd);
  if (cost !== null) usage.costUsd = cost;
  const any =
    usage.inputTokens !== null ||
    usage.outputTokens !== null ||
    total !== null ||
    cacheRead !== null ||
    cacheWrite !== null ||
    reasoning !== null ||
    cost !== null;
  return any ? usage : null;
}

function addNullable(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return a + b;
}

/** Sum two usages field by field; a field stays null only when both lack it. */
export function addUsage(a: Usage | null, b: Usage | null): Usage | null {
  if (!a) return b;
  if (!b) return a;
  const sum: Usage = {
    inputTokens: addNullable(a.inputTokens, b.inputTokens),
    outputTokens: addNullable(a.outputTokens, b.outputTokens),
    raw: null,
  };
  const optional = [
    'totalTokens',
    'cacheReadTokens',
    'cacheWriteTokens',
    'reasoningTokens',
    'costUsd',
  ] as const;
  for (const key of optional) {
    const value = addNullable(a[key], b[key]);
    if (value !== null) sum[key] = value;
  }
  return sum;
}

/**
 * Overlay a later usage report on an earlier one (streams that report usage in several events,
 * e.g. Anthropic `message_start` then `message_delta`): fields present in `later` win.
 */
export function mergeUsage(earlier: Usage | null, later: Usage | null): Usage | null {
  if (!earlier) return later;
  if (!later) return earlier;
  const merged: Usage = {
    inputTokens: later.inputTokens ?? earlier.inputTokens,
    outputTokens: later.outputTokens ?? earlier.outputTokens,
    raw: later.raw ?? earlier.raw,
  };
  const optional = [
    'totalTokens',
    'cacheReadTokens',
    'cacheWriteTokens',
    'reasoningTokens',
    'costUsd',
  ] as const;
  for (const key of optional) {
    const value = later[key] ?? earlier[key];
    if (value !== undefined && value !== null) merged[key] = value;
  }
  return merged;
}
