/**
 * The core's pipeline on one hostile fixture (load → analyze → inspect report), timed. Anything but
 * a report or the one typed error (CassetteLoadError) propagates and fails the calling test.
 * core.test.ts checks what comes out; core.perf.test.ts (`npm run test:perf`) checks how long.
 */
import { loadCassette, CassetteLoadError } from '../../src/core/cassette';
import { analyzeCassette } from '../../src/core/analyze';
import { toInspectReport, type InspectReport } from '../../src/core/inspect/inspect-report';
import type { AnalyzedCassette } from '../../src/core/model/analysis';

export type CoreOutcome =
  | { kind: 'report'; report: InspectReport; analyzed: AnalyzedCassette; ms: number }
  | { kind: 'load-error'; error: CassetteLoadError; ms: number };

export function runCore(bytes: Uint8Array, fileName: string): CoreOutcome {
  const started = performance.now();
  try {
    const analyzed = analyzeCassette(loadCassette(bytes, fileName));
    const report = toInspectReport(analyzed, fileName);
    // The report is what the CLI prints and the worker posts: it must serialize.
    JSON.stringify(report);
    return { kind: 'report', report, analyzed, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof CassetteLoadError)
      return { kind: 'load-error', error, ms: performance.now() - started };
    throw error;
  }
}
