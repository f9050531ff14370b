/**
 * The stream doctor's `invalid-json` findings of one stream (docs/inspect-json.md): each event
 * whose data is not JSON, up to a hundred, then one finding that counts the rest.
 */
import type { Anomaly } from '../model/anomaly';
import type { StreamEvent } from '../model/stream';

/**
 * Events of one stream listed one by one as invalid JSON; the rest become one finding that counts
 * them. 300,000 broken events made 300,000 findings (59 MB of overview cloned onto the page's main
 * thread in one message, and a list of 300,000 rows; issue 14), while the first hundred already
 * say what is wrong, and the Raw view still marks every event.
 */
export const MAX_LISTED_INVALID_JSON = 100;

export function findInvalidJson(
  events: readonly StreamEvent[],
  add: (a: Omit<Anomaly, 'exchangeIndex'>) => void,
): void {
  let listed = 0;
  let more = 0;
  let firstMore = -1;
  let lastMore = -1;
  for (const event of events) {
    if (event.jsonError === undefined) continue;
    if (listed < MAX_LISTED_INVALID_JSON) {
      listed += 1;
      add({
        kind: 'invalid-json',
        severity: 'error',
        eventIndex: event.index,
        message: `invalid JSON in event ${event.index}: ${event.jsonError}`,
      });
      continue;
    }
    if (more === 0) firstMore = event.index;
    lastMore = event.index;
    more += 1;
  }
  if (more === 0) return;
  const count = more.toLocaleString('en-US');
  add({
    kind: 'invalid-json',
    severity: 'error',
    eventIndex: firstMore,
    message:
      more === 1
        ? `invalid JSON in event ${firstMore} as well (past the ${MAX_LISTED_INVALID_JSON} listed one by one)`
        : `invalid JSON in ${count} more events, ${firstMore} to ${lastMore} (past the ${MAX_LISTED_INVALID_JSON} listed one by one; the Raw view marks each)`,
  });
}
