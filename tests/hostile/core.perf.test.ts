/**
 * Issue 8's time bounds in the core (`npm run test:perf`, for a quiet machine): every hostile
 * fixture goes through load → analyze → inspect report within its catalog bound, named and anonymous.
 * What comes out is checked by core.test.ts, which `npm test` runs with no clock.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureHostileFixtures, hostilePath, HOSTILE_FIXTURES, type HostileFixture } from './catalog';
import { runCore } from './run-core';

describe('hostile fixtures through the core, timed (issue 8)', () => {
  beforeAll(() => ensureHostileFixtures(), 300_000);

  it.each(HOSTILE_FIXTURES.map((fixture) => [fixture.file, fixture] as [string, HostileFixture]))(
    '%s within its bound',
    (_name, fixture) => {
      const bytes = new Uint8Array(readFileSync(hostilePath(fixture)));
      const named = runCore(bytes, fixture.file);
      const anonymous = runCore(bytes, 'unknown');
      expect(named.kind).toBe(fixture.outcome);
      expect(named.ms).toBeLessThan(fixture.boundMs);
      expect(anonymous.ms).toBeLessThan(fixture.boundMs);
    },
    120_000,
  );
});
