/**
 * The budgets of one file (issue 14), the same in the page's workers and in the CLI, since both
 * load through core/cassette. A small input must not be able to ask for unbounded memory or time:
 * a share link of a few KB once held a 1 MB string aliased 20,000 times, 4 million empty
 * interactions, or 100 brotli bodies of 63 MiB each. Each budget, when exceeded, refuses the file
 * with a message that names the limit ({@link LimitExceeded} becomes a CassetteLoadError).
 */

const MiB = 1024 * 1024;

/** Interactions in one file: far above the largest real cassette (4,000 in the bench, 1,200 in the corpus). */
export const MAX_INTERACTIONS = 100_000;

/** Text and bytes that YAML aliases may repeat, in all (a repeated node costs its size again downstream). */
export const MAX_ALIAS_BYTES = 64 * MiB;

/** Bytes that undoing Content-Encoding may produce across all bodies of one file (each body also has its own 64 MiB cap). */
export const MAX_INFLATED_BYTES_PER_FILE = 128 * MiB;

/** A budget was exceeded; the message names the limit. Loading turns it into a CassetteLoadError. */
export class LimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitExceeded';
  }
}

/** "256 MiB" */
export function formatMiB(bytes: number): string {
  return `${Math.round(bytes / MiB)} MiB`;
}

/** Refuses a file with more interactions than {@link MAX_INTERACTIONS} (counted after parsing). */
export function checkInteractionCount(count: number): void {
  if (count > MAX_INTERACTIONS)
    throw new LimitExceeded(
      `The file holds ${count.toLocaleString('en-US')} interactions, more than the limit of ${MAX_INTERACTIONS.toLocaleString('en-US')} for one file.`,
    );
}

/**
 * What all bodies of one file may still inflate to. Shared by every body the file's reader decodes
 * (DecodeOptions.inflateBudget); a split load gives each piece the whole budget, so a file can
 * use at most pieces in flight × the budget, still bounded.
 */
export class InflateBudget {
  readonly limit: number;
  private remainingBytes: number;
  constructor(limit = MAX_INFLATED_BYTES_PER_FILE) {
    this.limit = limit;
    this.remainingBytes = limit;
  }
  get remaining(): number {
    return this.remainingBytes;
  }
  /** Counts one decoded body's bytes; throws LimitExceeded once the file is over its budget. */
  spend(bytes: number): void {
    this.remainingBytes -= bytes;
    if (this.remainingBytes < 0) throw this.exceeded();
  }
  exceeded(): LimitExceeded {
    return new LimitExceeded(
      `The bodies of this file inflate to more than ${formatMiB(this.limit)} in all (the limit for one file; gzip, deflate, brotli or zstd).`,
    );
  }
}

/** Largest file (or inflated `.gz` / `.zz` file) that is read: twelve times the largest real one in the bench. */
export const MAX_FILE_BYTES = 512 * MiB;
