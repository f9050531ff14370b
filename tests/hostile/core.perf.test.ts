/**
 * Issue 8's time bounds in the core (`npm run test:perf`, for a quiet machine): every hostile
 * fixture goes through load → analyze → inspect report within its catalog bound, named and anonymous.
 * The unit suite (core.test.ts, no clock) checks what comes out, but reads the heavy fixtures once
 * and the literal alias-bytes.yaml not at all (twins.ts); here every file gets the same checks
 * whole, both ways, so nothing of issue 8 or 14 is checked only on a twin.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureHostileFixtures, hostilePath, HOSTILE_FIXTURES, type HostileFixture } from './catalog';
import { expectCoreOutcome } from './core-checks';
import { runCore } from './run-core';

describe('hostile fixtures through the core, timed (issue 8)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);

  it.each(HOSTILE_FIXTURES.map((fixture) => [fixture.file, fixture] as [string, HostileFixture]))(
    '%s within its bound',
    (_name, fixture) => {
      const bytes = new Uint8Array(readFileSync(hostilePath(fixture)));
      const named = runCore(bytes, fixture.file);
      expectCoreOutcome(fixture, named);
      expect(named.ms).toBeLessThan(fixture.boundMs);
      // Detection reads the content, not the name (issue 3).
      const anonymous = runCore(bytes, 'unknown');
      expect(anonymous.kind).toBe(fixture.outcome);
      expect(anonymous.ms).toBeLessThan(fixture.boundMs);
    },
    120_000,
  );
});
