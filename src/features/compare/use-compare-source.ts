/**
 * The two sides of a comparison: nothing yet, loading, loaded, or failed. The bytes of a picked
 * or dropped file go through the loader the app injects (`loadFile`, the app's worker load client),
 * so parsing never runs on the main thread, exactly like any other file. An open cassette gives its
 * full exchanges on request (`load`: they live in its load worker). A newer pick wins over a
 * slower earlier one.
 */
import { useCallback, useRef, useState } from 'react';
import type { AnalyzedCassette } from '../../core/model/analysis';
import type { LoadFailure } from '../../core/model/errors';

/** A cassette that can take part in a comparison, fully read. */
export interface CompareCassette {
  name: string;
  analyzed: AnalyzedCassette;
}

/** An open cassette offered for comparison; `load` fetches its full exchanges. */
export interface CompareCandidate {
  name: string;
  load: () => Promise<AnalyzedCassette>;
}

/** What the app's loader answers for a picked file, fully read. */
export type CompareLoadOutcome =
  { ok: true; analyzed: AnalyzedCassette } | { ok: false; failure: LoadFailure };

export type CompareSource =
  | { status: 'idle' }
  | { status: 'loading'; name: string }
  | { status: 'ready'; before: CompareCassette; after: CompareCassette }
  | { status: 'failed'; failure: LoadFailure };

export interface CompareSourceControls {
  source: CompareSource;
  pickFile: (file: File) => void;
  pickOpen: (candidate: CompareCandidate) => void;
  clear: () => void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useCompareSource(
  before: CompareCandidate,
  loadFile: (file: File) => Promise<CompareLoadOutcome>,
): CompareSourceControls {
  const [source, setSource] = useState<CompareSource>({ status: 'idle' });
  const latest = useRef(0);

  /** Loads both sides; only the newest pick may change the state. */
  const start = useCallback(
    (name: string, after: () => Promise<CompareLoadOutcome>) => {
      const ticket = ++latest.current;
      setSource({ status: 'loading', name });
      const fail = (failure: LoadFailure) =>
        ticket === latest.current && setSource({ status: 'failed', failure });
      Promise.all([before.load(), after()])
        .then(([beforeAnalyzed, outcome]) => {
          if (ticket !== latest.current) return;
          if (!outcome.ok) return fail(outcome.failure);
          setSource({
            status: 'ready',
            before: { name: before.name, analyzed: beforeAnalyzed },
            after: { name, analyzed: outcome.analyzed },
          });
        })
        .catch((error: unknown) =>
          fail({ fileName: name, message: `Could not read the file: ${describe(error)}`, attempts: [] }),
        );
    },
    [before],
  );

  const pickFile = useCallback((file: File) => start(file.name, () => loadFile(file)), [start, loadFile]);

  const pickOpen = useCallback(
    (candidate: CompareCandidate) =>
      start(candidate.name, () => candidate.load().then((analyzed) => ({ ok: true as const, analyzed }))),
    [start],
  );

  const clear = useCallback(() => {
    latest.current += 1;
    setSource({ status: 'idle' });
  }, []);

  return { source, pickFile, pickOpen, clear };
}
