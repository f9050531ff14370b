/**
 * Small formatters for the timeline's numbers: durations, token counts, cost, URLs.
 * Locale is fixed to en-US so screenshots and tests read the same on every machine.
 */
import type { Usage } from '../../core/model/conversation';

const integer = new Intl.NumberFormat('en-US');

/** "1,004.5 ms" under 10 s, "12.3 s" above; "—" when unknown. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 10_000) return `${integer.format(Math.round(ms * 10) / 10)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "1,234" or "—". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : integer.format(value);
}

/** "$0.0012" with enough digits to be non-zero, or null when unknown. */
export function formatCost(usd: number | null | undefined): string | null {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return null;
  if (usd === 0) return '$0';
  const digits = Math.min(8, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(usd)))));
  return `$${usd.toFixed(digits)}`;
}

export interface UsageFigure {
  label: string;
  value: string;
}

/** The usage figures worth showing, in a fixed order; absent ones are left out. */
export function usageFigures(usage: Usage | null | undefined): UsageFigure[] {
  if (!usage) return [];
  const figures: UsageFigure[] = [];
  const add = (label: string, value: number | null | undefined) => {
    if (value !== null && value !== undefined && Number.isFinite(value))
      figures.push({ label, value: integer.format(value) });
  };
  add('in', usage.inputTokens);
  add('out', usage.outputTokens);
  add('cache read', usage.cacheReadTokens);
  add('cache write', usage.cacheWriteTokens);
  add('reasoning', usage.reasoningTokens);
  const cost = formatCost(usage.costUsd);
  if (cost) figures.push({ label: 'cost', value: cost });
  return figures;
}

/** Host and path of a URL for a compact header; the raw string when it does not parse. */
export function splitUrl(url: string): { host: string; path: string } {
  try {
    const parsed = new URL(url);
    return { host: parsed.host, path: parsed.pathname + parsed.search };
  } catch {
    return { host: '', path: url };
  }
}

/** Tone of an HTTP status for styling. */
export function statusTone(status: number | null): 'ok' | 'warn' | 'error' | 'unknown' {
  if (status === null) return 'unknown';
  if (status >= 500 || (status >= 400 && status < 500)) return 'error';
  if (status >= 300) return 'warn';
  return 'ok';
}
