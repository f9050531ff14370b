/**
 * What every hostile fixture must come out of the core as (issue 8), shared by core.test.ts
 * (`npm test`, no clock) and core.perf.test.ts (`npm run test:perf`, the same checks plus the
 * catalog's time bound): the catalog's outcome, its message, a line and column for a load error
 * that promises one, the marker in what the page can show, and the prototypes untouched.
 */
import { expect } from 'vitest';
import type { AnalyzedCassette } from '../../src/core/model/analysis';
import { pollutionFound, type HostileFixture } from './catalog';
import type { CoreOutcome } from './run-core';

export function allText(outcome: CoreOutcome): string {
  if (outcome.kind === 'load-error') return outcome.error.message;
  return outcome.report.warnings.join('\n');
}

/** What the page can show: each LLM reading, and the raw bodies (the fallback shows raw HTTP). */
export function conversationText(analyzed: AnalyzedCassette): string {
  return JSON.stringify(
    analyzed.exchanges.map(({ llm, http }) => [llm, http.request.body?.text, http.response?.body?.text]),
  );
}

export function expectCoreOutcome(fixture: HostileFixture, outcome: CoreOutcome): void {
  expect(outcome.kind).toBe(fixture.outcome);
  expect(pollutionFound()).toEqual([]);
  if (fixture.message) expect(allText(outcome)).toMatch(fixture.message);
  if (outcome.kind === 'load-error') {
    expect(outcome.error.failure.message.length).toBeGreaterThan(0);
    if (fixture.position) {
      expect(outcome.error.failure.line).toBeGreaterThan(0);
      expect(outcome.error.failure.column).toBeGreaterThan(0);
    }
  } else {
    expect(outcome.report.interaction_count).toBeGreaterThan(0);
    if (fixture.marker) expect(conversationText(outcome.analyzed)).toContain(fixture.marker);
  }
}
