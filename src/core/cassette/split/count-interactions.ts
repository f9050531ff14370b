/**
 * The interaction budget (limits.ts) checked before any parse. A 29 KB `.gz` of 4 million `- {}`
 * lines once made yaml's parser run for minutes and out of memory (issue 14); counting the block
 * list's items with the split load's line scan (split-interaction-list.ts, bytes only, no
 * decoding) refuses it in a fraction of a second. Text the line scan does not read (JSON, flow
 * YAML) is counted after parsing, in loadCassette.
 */
import { LimitExceeded, MAX_INTERACTIONS } from '../limits';
import { InteractionListScanner, type ScanState } from './split-interaction-list';

/** Lines per scan step: checks the count often enough to stop soon after the limit. */
const STEP_LINES = 4096;

/** Throws LimitExceeded when the file's block interaction list has more than MAX_INTERACTIONS items. */
export function checkInteractionListLength(bytes: Uint8Array): void {
  // Each item takes at least two bytes ("-" and a line break), so a smaller file cannot be over.
  if (bytes.length <= 2 * MAX_INTERACTIONS) return;
  const scan = InteractionListScanner.start(bytes);
  if (!scan) return;
  let state: ScanState = 'more';
  while (state === 'more' && scan.items.length <= MAX_INTERACTIONS) state = scan.scan(STEP_LINES);
  if (scan.items.length > MAX_INTERACTIONS) throw tooManyInteractions();
}

export function tooManyInteractions(): LimitExceeded {
  return new LimitExceeded(
    `The file holds more than ${MAX_INTERACTIONS.toLocaleString('en-US')} interactions, the limit for one file.`,
  );
}
