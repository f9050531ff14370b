/**
 * How many cases a property test (fast-check) runs, by suite:
 * - `npm test` (the unit suite) runs a tenth of a property's full count, at least 25: enough to
 *   catch a regression on every run while the suite stays within its two minutes on two cores;
 * - `npm run test:fuzz` (vitest project "fuzz", which sets CASSETTE_FUZZ=1) runs the full count,
 *   and tests/fuzz keeps issue 8's 10,000 cases per fuzzed entry point;
 * - FUZZ_RUNS=N overrides both, for a soak run (`FUZZ_RUNS=100000 npm run test:fuzz`).
 * fast-check's numRuns: https://fast-check.dev/docs/configuration/global-settings/
 */
export const FUZZ_SUITE = process.env.CASSETTE_FUZZ === '1';

export function propertyRuns(full: number): number {
  const override = Number(process.env.FUZZ_RUNS);
  if (Number.isFinite(override) && override > 0) return override;
  return FUZZ_SUITE ? full : Math.max(25, Math.round(full / 10));
}
