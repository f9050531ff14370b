/**
 * What `cassette-viewer inspect FILE --json` must print for a hostile fixture (issue 8), shared by
 * cli.test.ts (in process and through the bin, `npm test`) and cli.perf.test.ts (through the bin
 * under a small heap, `npm run test:perf`): one JSON object on stdout with exit 0, or exactly one
 * line on stderr with exit 1; never a stack trace, an internal error, a signal or a timeout; and
 * the same outcome and message as the core (catalog.ts).
 */
import { expect } from 'vitest';
import type { HostileFixture } from './catalog';
import { STACK_FRAME, type CliResult } from './run-cli';

export function expectCliOutcome(fixture: HostileFixture, result: CliResult): void {
  expect(result.signal, 'killed (timeout or crash)').toBeNull();
  expect(result.stderr).not.toMatch(STACK_FRAME);
  // runCli turns an escaped exception into this line: a guard, not an answer.
  expect(result.stderr).not.toMatch(/internal error/);
  if (fixture.outcome === 'report') {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { interaction_count: number; warnings: string[] };
    expect(report.interaction_count).toBeGreaterThan(0);
    if (fixture.message) expect(report.warnings.join('\n')).toMatch(fixture.message);
  } else {
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cassette-viewer: [^\n]+\n$/);
    if (fixture.message) expect(result.stderr).toMatch(fixture.message);
  }
}
