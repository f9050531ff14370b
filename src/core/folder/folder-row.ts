/**
 * One cassette of a folder in a few plain values (issue 19, "a folder overview"): what its row in
 * the folder overview shows. Built from the same overview every load builds (core/load
 * overview-builder), so the figures agree with the file's own summary once it is opened; only
 * this small object crosses back to the page, and the file's full model is dropped.
 */
import { countProblems } from '../doctor/is-problem';
import type { LoadFailure } from '../model/errors';
import type { Cassette } from '../model/http';
import type { CassetteOverview } from '../model/overview';

/** The stream doctor's word on a whole file: its worst finding (information never counts). */
export type FolderVerdict = 'clean' | 'warnings' | 'errors';

export interface FolderRowFacts {
  format: string;
  /** The format's dialect label, e.g. "version 2". */
  formatVariant: string;
  interactions: number;
  /** Distinct API labels, in order of first use. */
  apis: string[];
  /** Distinct models, in order of first use. */
  models: string[];
  /** Input plus output tokens where reported; null when no interaction reports usage. */
  tokens: number | null;
  costUsd: number | null;
  /** The earliest recorded date (HAR `startedDateTime`, VCR `recorded_at`), as written; null if none. */
  recordedAt: string | null;
  verdict: FolderVerdict;
  errors: number;
  warnings: number;
  /** Interactions that failed (HTTP error, no response, provider error). */
  failedCalls: number;
}

/** One file of a folder as the overview lists it: waiting, read into its row, or failed with the reason. */
export type FolderFile =
  | { path: string; size: number; status: 'pending' }
  | { path: string; size: number; status: 'loaded'; facts: FolderRowFacts }
  | { path: string; size: number; status: 'failed'; failure: LoadFailure };

/** How a file that could not be read is listed, whichever thread tried (the page or a worker). */
export function unreadable(path: string, error: unknown): LoadFailure {
  const reason = error instanceof Error ? error.message : String(error);
  return { fileName: path, message: `Could not read the file: ${reason}`, attempts: [] };
}

function addNullable(total: number | null, value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? total : (total ?? 0) + value;
}

/** The earliest date the file records, compared as times; unparseable dates are kept only if nothing else is. */
function earliestDate(cassette: Pick<Cassette, 'exchanges'>): string | null {
  let best: string | null = null;
  let bestTime = Number.POSITIVE_INFINITY;
  for (const exchange of cassette.exchanges) {
    const written = exchange.timing.startedAt ?? exchange.timing.recordedAt;
    if (!written) continue;
    const time = Date.parse(written);
    if (Number.isFinite(time) ? time < bestTime : best === null) {
      best = written;
      if (Number.isFinite(time)) bestTime = time;
    }
  }
  return best;
}

export function folderRowFacts(
  cassette: Pick<Cassette, 'exchanges'>,
  overview: CassetteOverview,
): FolderRowFacts {
  const apis = new Set<string>();
  const models = new Set<string>();
  let tokens: number | null = null;
  let costUsd: number | null = null;
  let failedCalls = 0;
  for (const exchange of overview.exchanges) {
    apis.add(exchange.apiLabel);
    if (exchange.model) models.add(exchange.model);
    tokens = addNullable(tokens, exchange.usage?.inputTokens);
    tokens = addNullable(tokens, exchange.usage?.outputTokens);
    costUsd = addNullable(costUsd, exchange.usage?.costUsd);
    if (exchange.failed) failedCalls += 1;
  }
  const problems = countProblems(overview.anomalies);
  const errors = overview.anomalies.filter((anomaly) => anomaly.severity === 'error').length;
  const warnings = problems - errors;
  return {
    format: overview.cassette.format,
    formatVariant: overview.cassette.formatVariant,
    interactions: overview.exchanges.length,
    apis: [...apis],
    models: [...models],
    tokens,
    costUsd,
    recordedAt: earliestDate(cassette),
    verdict: errors > 0 ? 'errors' : warnings > 0 ? 'warnings' : 'clean',
    errors,
    warnings,
    failedCalls,
  };
}
