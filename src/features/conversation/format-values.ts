/**
 * The timeline's figures: usage as labelled numbers, URLs split for a compact header, and the
 * tone of a status. Numbers use the shared domain-free formatters of src/ui/format.ts, so the
 * timeline reads the same as the table and the summary.
 */
import type { Usage } from '../../core/model/conversation';
import { formatCount, formatUsd } from '../../ui/format';

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
      figures.push({ label, value: formatCount(value) });
  };
  add('in', usage.inputTokens);
  add('out', usage.outputTokens);
  add('cache read', usage.cacheReadTokens);
  add('cache write', usage.cacheWriteTokens);
  add('reasoning', usage.reasoningTokens);
  if (usage.costUsd !== null && usage.costUsd !== undefined && Number.isFinite(usage.costUsd)) {
    figures.push({ label: 'cost', value: formatUsd(usage.costUsd) });
  }
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
