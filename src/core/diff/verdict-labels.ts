/**
 * The words for a comparison's verdicts, shared by the page's Compare and `cassette-viewer diff`
 * so both say the same thing. A row whose request changed shows "Request changed" beside what
 * happened to the response; an unchanged response then reads "Same response", never "Identical".
 */
import type { CassetteDiff, DiffEndpoint, DiffVerdict, ExchangeDiff } from '../model/diff';

export const VERDICT_LABELS: Record<DiffVerdict, string> = {
  identical: 'Identical',
  'wording-only': 'Wording only',
  'behaviour-changed': 'Behaviour changed',
  added: 'Added',
  removed: 'Removed',
};

export const REQUEST_CHANGED_LABEL = 'Request changed';

/** The response verdict's words for this row ("Same response" when only the request changed). */
export function responseLabel(row: Pick<ExchangeDiff, 'verdict' | 'requestChanged'>): string {
  return row.requestChanged && row.verdict === 'identical' ? 'Same response' : VERDICT_LABELS[row.verdict];
}

/** The row's verdicts in reading order: the request's (when it changed), then the response's. */
export function rowVerdictLabels(row: Pick<ExchangeDiff, 'verdict' | 'requestChanged'>): string[] {
  return row.requestChanged ? [REQUEST_CHANGED_LABEL, responseLabel(row)] : [responseLabel(row)];
}

/** The whole comparison in one line, e.g. "Behaviour changed · 1 request changed". */
export function diffHeadline(diff: Pick<CassetteDiff, 'behaviourChanged' | 'requestsChanged'>): string {
  const behaviour = diff.behaviourChanged ? 'Behaviour changed' : 'Same behaviour';
  if (diff.requestsChanged === 0) return behaviour;
  const requests = `${diff.requestsChanged} request${diff.requestsChanged === 1 ? '' : 's'} changed`;
  return `${behaviour} · ${requests}`;
}

function endpointText(endpoint: DiffEndpoint): string {
  return `${endpoint.method} ${endpoint.host}${endpoint.path}`;
}

/** The call as "METHOD host/path", or both sides' when method, host or path differ. */
export function endpointLabel(row: Pick<ExchangeDiff, 'endpoint'>): string {
  const { before, after } = row.endpoint;
  if (!before || !after) return endpointText((after ?? before)!);
  const a = endpointText(before);
  const b = endpointText(after);
  return a === b ? b : `${a} → ${b}`;
}
