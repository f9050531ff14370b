/**
 * The open files as the other sides of a comparison: each loaded file as a Compare candidate
 * (issue 7) and as a set of recorded requests for "Would it replay?" (issue 20). Their full
 * exchanges come from each file's load worker on request (OpenFile.analyzed); a file picked only
 * to compare loads through the same worker path as every file and lets its worker go.
 */
import { useCallback, useMemo } from 'react';
import type { CompareCandidate, CompareLoadOutcome } from '../features/compare/use-compare-source';
import type { MatchFile } from '../features/replay-match/replay-match-view';
import type { FileEntry } from './app-state';
import type { OpenFiles } from './open-files';

export interface FileSides {
  /** Each loaded file as a side of a comparison, by id. */
  candidates: Map<string, CompareCandidate>;
  /** Each loaded file's recorded requests. */
  matchFiles: MatchFile[];
  /** Reads a picked file fully, for the "after" side (never parsed on the page). */
  loadCompareFile: (picked: File) => Promise<CompareLoadOutcome>;
}

export function useFileSides(files: readonly FileEntry[], openFiles: OpenFiles): FileSides {
  const loadCompareFile = useCallback(
    async (picked: File): Promise<CompareLoadOutcome> => openFiles.readOnce(picked.name, picked),
    [openFiles],
  );
  const candidates = useMemo(() => {
    const map = new Map<string, CompareCandidate>();
    for (const open of files) {
      if (open.status !== 'loaded') continue;
      const { id, name } = open;
      map.set(id, {
        name,
        load: () => openFiles.get(id)?.analyzed() ?? Promise.reject(new Error(`${name} is closed.`)),
      });
    }
    return map;
  }, [files, openFiles]);
  const matchFiles = useMemo(
    () =>
      files.flatMap((open): MatchFile[] => {
        if (open.status !== 'loaded') return [];
        const load = () =>
          openFiles.get(open.id)?.analyzed() ?? Promise.reject(new Error(`${open.name} is closed.`));
        const loadRequests = () =>
          load().then((all) => all.exchanges.map((exchange) => exchange.http.request));
        return [{ id: open.id, name: open.name, loadRequests }];
      }),
    [files, openFiles],
  );
  return { candidates, matchFiles, loadCompareFile };
}
