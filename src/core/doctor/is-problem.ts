/**
 * Which findings count as problems. An informational finding (the model stopped at the cap the
 * request set) is shown, but never counted: not in the summary, the table's badges, the doctor
 * panel's title or the CLI (issue 16).
 */
import type { Anomaly } from '../model/anomaly';

/** True for errors and warnings, false for information. */
export function isProblem(anomaly: Pick<Anomaly, 'severity'>): boolean {
  return anomaly.severity !== 'info';
}

/** How many of the findings are problems. */
export function countProblems(anomalies: readonly Pick<Anomaly, 'severity'>[]): number {
  let count = 0;
  for (const anomaly of anomalies) if (isProblem(anomaly)) count += 1;
  return count;
}
