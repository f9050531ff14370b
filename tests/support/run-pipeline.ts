/**
 * Runs the real pipeline (loadCassette → analyzeCassette → toInspectReport) on bytes and turns
 * every outcome into data, so a corpus test can report all files instead of stopping at the first
 * throw. The core is imported lazily: while a contract module is still being written, the tests
 * say so in their output instead of failing to load.
 */
import type { AnalyzedCassette } from '../../src/core/model/analysis';
import type { InspectReport } from '../../src/core/inspect/inspect-report';

export type PipelineOutcome =
  | { kind: 'report'; report: InspectReport; analyzed: AnalyzedCassette; ms: number }
  /** loadCassette rejected the file with its one allowed error. */
  | { kind: 'load-error'; message: string; ms: number }
  /** Anything else thrown: always a bug. */
  | { kind: 'exception'; message: string; ms: number };

export interface Pipeline {
  run(bytes: Uint8Array, fileName: string): PipelineOutcome;
}

/** Import the core once; rejects with a readable reason when a contract module is missing. */
export async function loadPipeline(): Promise<Pipeline> {
  const [{ loadCassette }, { analyzeCassette }, { toInspectReport }, { CassetteLoadError }] =
    await Promise.all([
      import('../../src/core/cassette'),
      import('../../src/core/analyze'),
      import('../../src/core/inspect/inspect-report'),
      import('../../src/core/model/errors'),
    ]);
  return {
    run(bytes, fileName) {
      const started = performance.now();
      try {
        const analyzed = analyzeCassette(loadCassette(bytes, fileName));
        const report = toInspectReport(analyzed, fileName);
        return { kind: 'report', report, analyzed, ms: performance.now() - started };
      } catch (error) {
        const ms = performance.now() - started;
        if (error instanceof CassetteLoadError) return { kind: 'load-error', message: error.message, ms };
        const message =
          error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
        return { kind: 'exception', message, ms };
      }
    },
  };
}
