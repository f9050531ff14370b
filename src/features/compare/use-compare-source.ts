/**
 * The "after" side of a comparison: nothing yet, loading, loaded, or failed. The bytes of a picked
 * or dropped file go through the loader the app injects (`loadFile`, the app's worker load client),
 * so parsing never runs on the main thread, exactly like any other file. A newer pick wins over a
 * slower earlier one.
 */
import { useCallback, useRef, useState } from 'react';
import type { AnalyzedCassette } from '../../core/model/analysis';
import type { LoadFailure } from '../../core/model/errors';

/** A cassette that can take part in a comparison. */
export interface CompareCassette {
  name: string;
  analyzed: AnalyzedCassette;
}

/** What the app's loader answers; matches app/load-client `LoadOutcome`. */
export type CompareLoadOutcome =
  { ok: true; analyzed: AnalyzedCassette } | { ok: false; failure: LoadFailure };

export type CompareSource =
  | { status: 'idle' }
  | { status: 'loading'; name: string }
  | { status: 'ready'; cassette: CompareCassette }
  | { status: 'failed'; failure: LoadFailure };

export interface CompareSourceControls {
  source: CompareSource;
  pickFile: (file: File) => void;
  pickOpen: (cassette: CompareCassette) => void;
  clear: () => void;
}

export function useCompareSource(
  loadFile: (file: File) => Promise<CompareLoadOutcome>,
): CompareSourceControls {
  const [source, setSource] = useState<CompareSource>({ status: 'idle' });
  const latest = useRef(0);

  const pickFile = useCallback(
    (file: File) => {
      const ticket = ++latest.current;
      setSource({ status: 'loading', name: file.name });
      loadFile(file)
        .then((outcome) => {
          if (ticket !== latest.current) return;
          setSource(
            outcome.ok
              ? { status: 'ready', cassette: { name: file.name, analyzed: outcome.analyzed } }
              : { status: 'failed', failure: outcome.failure },
          );
        })
        .catch((error: unknown) => {
          if (ticket !== latest.current) return;
          const message = error instanceof Error ? error.message : String(error);
          setSource({
            status: 'failed',
            failure: { fileName: file.name, message: `Could not read the file: ${message}`, attempts: [] },
          });
        });
    },
    [loadFile],
  );

  const pickOpen = useCallback((cassette: CompareCassette) => {
    latest.current += 1;
    setSource({ status: 'ready', cassette });
  }, []);

  const clear = useCallback(() => {
    latest.current += 1;
    setSource({ status: 'idle' });
  }, []);

  return { source, pickFile, pickOpen, clear };
}
