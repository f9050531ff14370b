/**
 * The folder overview's table rows (issue 19): one per cassette read, from its FolderRowFacts, with
 * the values the columns sort on, and the filter (words in the path, format, APIs or models, and
 * the doctor's verdict). Pure, so it is tested without a page.
 */
import type { FolderFile, FolderVerdict } from '../../core/folder/folder-row';

export interface FolderTableRow {
  path: string;
  format: string;
  formatVariant: string;
  interactions: number;
  apis: string;
  models: string;
  tokens: number | null;
  costUsd: number | null;
  recordedAt: string | null;
  /** recordedAt as a time, for sorting; null when absent or not a date. */
  recordedTime: number | null;
  verdict: FolderVerdict;
  /** 0 clean, 1 warnings, 2 errors: sorts the worst first when descending. */
  verdictRank: number;
  errors: number;
  warnings: number;
  failedCalls: number;
}

export type VerdictFilter = 'all' | 'problems' | 'errors' | 'clean';

const RANK: Record<FolderVerdict, number> = { clean: 0, warnings: 1, errors: 2 };

export function toFolderRows(files: readonly FolderFile[]): FolderTableRow[] {
  const rows: FolderTableRow[] = [];
  for (const file of files) {
    if (file.status !== 'loaded') continue;
    const { facts } = file;
    const time = facts.recordedAt === null ? NaN : Date.parse(facts.recordedAt);
    rows.push({
      path: file.path,
      format: facts.format,
      formatVariant: facts.formatVariant,
      interactions: facts.interactions,
      apis: facts.apis.join(', '),
      models: facts.models.join(', '),
      tokens: facts.tokens,
      costUsd: facts.costUsd,
      recordedAt: facts.recordedAt,
      recordedTime: Number.isFinite(time) ? time : null,
      verdict: facts.verdict,
      verdictRank: RANK[facts.verdict],
      errors: facts.errors,
      warnings: facts.warnings,
      failedCalls: facts.failedCalls,
    });
  }
  return rows;
}

function matchesVerdict(row: FolderTableRow, verdict: VerdictFilter): boolean {
  if (verdict === 'all') return true;
  if (verdict === 'clean') return row.verdict === 'clean';
  if (verdict === 'errors') return row.verdict === 'errors';
  return row.verdict !== 'clean';
}

/** Rows whose path, format, APIs or models hold every word of `query` (any case), with that verdict. */
export function filterFolderRows(
  rows: readonly FolderTableRow[],
  query: string,
  verdict: VerdictFilter,
): FolderTableRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (!matchesVerdict(row, verdict)) return false;
    if (words.length === 0) return true;
    const haystack = `${row.path} ${row.format} ${row.apis} ${row.models}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
