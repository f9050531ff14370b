/**
 * The explicit expected-failure list of the corpus (issue 16): corpus files the code does not read
 * correctly yet, each with the reason and the check that still fails. A walker skips exactly the
 * files pending for its check ('all' entries are skipped by every walker); tests/corpus/corpus.test.ts
 * checks that each entry names a real corpus file. The goal is an empty list: remove a file as soon
 * as it is read right, and the walkers test it again.
 */

/** Which corpus walker an entry is for: every one, or only the stream doctor's. */
export type CorpusCheck = 'all' | 'doctor';

export interface PendingCorpusFile {
  check: CorpusCheck;
  reason: string;
}

export const PENDING_CORPUS_FILES: ReadonlyMap<string, PendingCorpusFile> = new Map([]);

/**
 * True for a corpus path (relative, `/` separators) that the walker of `check` skips: an entry for
 * every walker, or for this one.
 */
export function isPendingCorpusFile(relativePath: string, check?: Exclude<CorpusCheck, 'all'>): boolean {
  const entry = PENDING_CORPUS_FILES.get(relativePath);
  return entry !== undefined && (entry.check === 'all' || entry.check === check);
}

/** The entries of facts.json `files` whose cassette is not on the expected-failure list. */
export function readableEntries<T>(files: Record<string, T>): [string, T][] {
  return Object.entries(files).filter(([file]) => !isPendingCorpusFile(file));
}
